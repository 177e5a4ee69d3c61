import { describe, expect, it } from 'vitest';
import { mergeRest, storedPaths, unstoredPart } from './rest.ts';

describe('the rest column', () => {
  // Like the water connection: additionalDetails whole in json, one of its keys also in a column of its own.
  const stored = storedPaths([['id'], ['owner', 'name'], ['additionalDetails', 'locality'], ['additionalDetails'], ['holders']]);

  it('keeps what no column stores, at any depth, and nothing a column stores', () => {
    const entity = { id: 'c-1', ward: '4', owner: { name: 'Kamla', alternateNumber: '98' }, additionalDetails: { locality: 'L1', x: 1 }, holders: [{ a: 1 }], note: null };
    expect(unstoredPart(entity, stored)).toEqual({ ward: '4', owner: { alternateNumber: '98' } });
    expect(unstoredPart({ id: 'c-1', owner: { name: 'Kamla' } }, stored)).toBeUndefined();
  });

  it('keeps a value whole where columns expected an object', () => {
    expect(unstoredPart({ owner: 'Kamla' }, stored)).toEqual({ owner: 'Kamla' });
  });

  it('merges back into what the columns rebuilt', () => {
    const entity: Record<string, unknown> = { id: 'c-1', owner: { name: 'Kamla' } };
    mergeRest(entity, { ward: '4', owner: { alternateNumber: '98' } });
    expect(entity).toEqual({ id: 'c-1', ward: '4', owner: { name: 'Kamla', alternateNumber: '98' } });
  });
});
