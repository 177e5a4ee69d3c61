import { describe, expect, it } from 'vitest';
import { Mdms } from '../mdms/index.ts';
import { evaluateRule, referencedMasters } from '../rules/index.ts';
import { BOUNDARY_MASTER, boundariesOfType, listParam, searchLocations, searchRelationships, type HierarchyTree } from './index.ts';

// A town in DIGIT's sample shape (City → Zone → Block → Locality), and a GP with one ward.
const town: HierarchyTree = {
  hierarchyType: { code: 'REVENUE', name: 'REVENUE' },
  boundary: {
    id: 1,
    code: 'pb.town',
    name: 'Town',
    label: 'City',
    children: [
      {
        id: 2,
        code: 'Z1',
        label: 'Zone',
        children: [
          { id: 3, code: 'B1', label: 'Block', children: [{ id: 4, code: 'L1', name: 'Ajit Nagar', label: 'Locality', latitude: 30.1, area: 'A1' }, { id: 5, code: 'L2', label: 'Locality' }] },
          { id: 6, code: 'B2', label: 'Block', children: [{ id: 7, code: 'L3', label: 'Locality' }] },
        ],
      },
      { id: 8, code: 'Z2', label: 'Zone', children: [{ id: 9, code: 'B3', label: 'Block', children: [{ id: 10, code: 'L4', label: 'Locality' }] }] },
    ],
  },
};
const admin: HierarchyTree = { hierarchyType: { code: 'ADMIN' }, boundary: { code: 'pb.town', label: 'City', children: [{ code: 'W9', label: 'Locality' }] } };
const mdms = new Mdms(new Map([['pb.town', new Map([[BOUNDARY_MASTER, [town, admin] as unknown as Record<string, unknown>[]]])]]));
const codes = (list: object[]) => list.map((b) => (b as { code?: unknown }).code);

describe('egov-location search', () => {
  const search = (c: Partial<Parameters<typeof searchLocations>[1]>) => searchLocations(mdms, { tenantId: 'pb.town', hierarchyTypeCodes: [], codes: [], ...c });

  it('answers the localities of every level below the tenant, flattened, for a boundary type in any case', () => {
    const [revenue] = search({ hierarchyTypeCodes: ['revenue'], boundaryType: 'LOCALITY' });
    expect(revenue!.hierarchyType.code).toBe('REVENUE');
    expect(codes(revenue!.boundary)).toEqual(['L1', 'L2', 'L3', 'L4']);
    // egov-location's MdmsBoundary: coordinates as text, absent fields null, children a list.
    expect(revenue!.boundary[0]).toEqual({ code: 'L1', name: 'Ajit Nagar', label: 'Locality', latitude: '30.1', longitude: null, area: 'A1', pincode: null, boundaryNum: null, children: [] });
  });

  it('answers each tree whole without criteria, and the top-level boundaries holding the codes', () => {
    expect(search({}).map((t) => [t.hierarchyType.code, codes(t.boundary)])).toEqual([['REVENUE', ['pb.town']], ['ADMIN', ['pb.town']]]);
    const [revenue] = search({ hierarchyTypeCodes: ['REVENUE'], codes: ['L3', 'Z2'] });
    expect(codes(revenue!.boundary)).toEqual(['Z1', 'Z2']);
  });

  it('with a type and codes, answers the boundaries of the type that are or hold a code; trees with none are left out when no hierarchy is named', () => {
    expect(search({ boundaryType: 'Block', codes: ['L4'] }).map((t) => [t.hierarchyType.code, codes(t.boundary)])).toEqual([['REVENUE', ['B3']]]);
    expect(search({ hierarchyTypeCodes: ['ADMIN'], boundaryType: 'Zone' })).toEqual([{ hierarchyType: admin.hierarchyType, boundary: [], tenantId: 'pb.town' }]);
    expect(search({ tenantId: 'pb.nowhere' })).toEqual([]);
  });
});

describe('boundary-service relationship search', () => {
  const search = (c: Partial<Parameters<typeof searchRelationships>[1]>) => searchRelationships(mdms, { tenantId: 'pb.town', hierarchyType: 'REVENUE', codes: [], includeChildren: false, includeParents: false, ...c })[0]!;

  it('answers the root without a type or codes, and its whole tree with includeChildren', () => {
    expect(search({}).boundary).toEqual([{ id: '1', code: 'pb.town', boundaryType: 'City', children: [] }]);
    const whole = search({ includeChildren: true }).boundary[0] as any;
    expect(codes(whole.children)).toEqual(['Z1', 'Z2']);
    expect(codes(whole.children[0].children[0].children)).toEqual(['L1', 'L2']);
  });

  it('nests a locality under its ancestors with includeParents, from the highest type found', () => {
    const answer = search({ codes: ['L3'], includeParents: true });
    expect(answer).toMatchObject({ tenantId: 'pb.town', hierarchyType: 'REVENUE' });
    expect(answer.boundary).toEqual([{ id: '1', code: 'pb.town', boundaryType: 'City', children: [{ id: '2', code: 'Z1', boundaryType: 'Zone', children: [{ id: '6', code: 'B2', boundaryType: 'Block', children: [{ id: '7', code: 'L3', boundaryType: 'Locality', children: [] }] }] }] }]);
  });

  it('filters by type and parent, and refuses a hierarchy the tenant does not have', () => {
    expect(codes(search({ boundaryType: 'Locality', parent: 'B1' }).boundary)).toEqual(['L1', 'L2']);
    expect(() => search({ hierarchyType: 'ELECTION' })).toThrow(expect.objectContaining({ details: [expect.objectContaining({ code: 'HIERARCHY_DEFINITION_DOES_NOT_EXIST_ERR' })] }));
  });
});

describe('boundaries of a type, for rules', () => {
  it("lists a tenant's localities, nothing for a tenant without boundaries, and the rule operation reads them", () => {
    expect(codes(boundariesOfType(mdms, 'pb.town', 'REVENUE', 'Locality'))).toEqual(['L1', 'L2', 'L3', 'L4']);
    expect(boundariesOfType(mdms, 'pb.other', 'REVENUE', 'Locality')).toEqual([]);
    const isLocality = { in: [{ var: 'code' }, { map: [{ boundaries: [{ var: 'tenantId' }, 'REVENUE', 'Locality'] }, { var: 'code' }] }] };
    const ctx = { mdms, timeZone: 'Asia/Kolkata' };
    expect(evaluateRule(isLocality, { tenantId: 'pb.town', code: 'L2' }, ctx)).toBe(true);
    expect(evaluateRule(isLocality, { tenantId: 'pb.town', code: 'W9' }, ctx)).toBe(false);
    expect(evaluateRule(isLocality, { tenantId: 'pb.town', code: 'B1' }, ctx)).toBe(false);
    expect(referencedMasters(isLocality)).toEqual([{ path: ['in', 1, 'map', 0, 'boundaries'], code: BOUNDARY_MASTER }]);
  });

  it('reads a list criterion given comma-separated, repeated or as a list', () => {
    expect(listParam('A, B')).toEqual(['A', 'B']);
    expect(listParam(['A', 'B,C'])).toEqual(['A', 'B', 'C']);
    expect(listParam(undefined)).toEqual([]);
  });
});
