import { describe, expect, it } from 'vitest';
import { applyMasterFilter, parseMasterFilter } from './filter.ts';

const roles = [
  { code: 'GP_ADMIN', name: 'GP Admin', active: true, order: 1 },
  { code: 'SARPANCH', name: 'Sarpanch', active: false, order: 2 },
  { code: 'SECRETARY', name: 'Secretary', active: true, order: 3 },
];
const run = (f: string) => applyMasterFilter(roles, parseMasterFilter(f));

describe('DIGIT MDMS filters', () => {
  it('keeps records by equality, active==true and in-lists', () => {
    expect(run("[?(@.code=='SARPANCH')]")).toEqual([roles[1]]);
    expect(run('$.[?(@.active==true)]')).toEqual([roles[0], roles[2]]);
    expect(run("[?(@.code in ['GP_ADMIN','SECRETARY'])]")).toEqual([roles[0], roles[2]]);
    expect(run("[?(@.code IN ['GP_ADMIN'] || @.order >= 3)]")).toEqual([roles[0], roles[2]]);
    expect(run("[?(@.active == true && @.code != 'GP_ADMIN')]")).toEqual([roles[2]]);
  });
  it('projects one field of every record', () => {
    expect(run('$.*.code')).toEqual(['GP_ADMIN', 'SARPANCH', 'SECRETARY']);
    expect(run('[?(@.active==true)].name')).toEqual(['GP Admin', 'Secretary']);
  });
  it('compares a number written as text with a number', () => {
    expect(applyMasterFilter([{ v: '1' }, { v: 2 }], parseMasterFilter('[?(@.v==1)]'))).toEqual([{ v: '1' }]);
  });
  it('refuses what it cannot read, saying so', () => {
    expect(() => parseMasterFilter('[?(@.code==)]')).toThrow(/not understood/);
    expect(() => parseMasterFilter('[?(@.code=="x"')).toThrow(/not understood/);
  });
});
