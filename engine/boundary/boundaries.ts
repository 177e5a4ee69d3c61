import { invalid } from '../errors/index.ts';
import type { Mdms } from '../mdms/index.ts';

/** The master a tenant's boundaries are declared in (DIGIT egov-location reads the same). */
export const BOUNDARY_MASTER = 'egov-location.TenantBoundary';

/** One boundary of a tree, as the master declares it. */
export interface BoundaryNode {
  id?: number | string;
  boundaryNum?: number;
  code: string;
  name?: string;
  localname?: string;
  label: string;
  latitude?: number | string | null;
  longitude?: number | string | null;
  area?: string;
  pincode?: number[];
  children?: BoundaryNode[];
}

/** One record of the master: a hierarchy type and the tree of boundaries under the tenant. */
export interface HierarchyTree {
  hierarchyType: { code: string; name?: string; localName?: string };
  boundary: BoundaryNode;
}

/** A boundary of a tree with where it sits: its depth (the root is 0) and its ancestors' codes, root first. */
export interface PlacedBoundary {
  node: BoundaryNode;
  depth: number;
  ancestors: string[];
}

/** The trees of a tenant (its own, else the nearest tenant above it that has some), of the hierarchy types asked for (all when none). */
export function hierarchyTrees(mdms: Mdms, tenantId: string, hierarchyTypes?: string[]): HierarchyTree[] {
  const trees = mdms.records(tenantId, BOUNDARY_MASTER) as unknown as HierarchyTree[];
  if (!hierarchyTypes || hierarchyTypes.length === 0) return trees;
  const wanted = new Set(hierarchyTypes.map((t) => t.toUpperCase()));
  return trees.filter((t) => wanted.has(String(t.hierarchyType.code).toUpperCase()));
}

/** Every boundary of a tree, parents before their children. */
export function placedBoundaries(root: BoundaryNode): PlacedBoundary[] {
  const out: PlacedBoundary[] = [];
  const walk = (node: BoundaryNode, ancestors: string[]) => {
    out.push({ node, depth: ancestors.length, ancestors });
    for (const child of node.children ?? []) walk(child, [...ancestors, node.code]);
  };
  walk(root, []);
  return out;
}

const sameLabel = (a: string | undefined, b: string) => String(a ?? '').toLowerCase() === b.toLowerCase();

/**
 * The boundaries of one type (label, any case) in a tenant's tree of one hierarchy type: what a
 * field naming "a locality of the record's tenant" may hold. None when the tenant has no such tree.
 */
export function boundariesOfType(mdms: Mdms, tenantId: string, hierarchyType: string, boundaryType: string): BoundaryNode[] {
  return hierarchyTrees(mdms, tenantId, [hierarchyType])
    .flatMap((tree) => placedBoundaries(tree.boundary))
    .filter((p) => sameLabel(p.node.label, boundaryType))
    .map((p) => p.node);
}

/** A text criterion that may come as `a,b`, repeated, or as a list in the body. */
export function listParam(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

// ---- DIGIT egov-location: /egov-location/location/v11/boundarys/_search ----

export interface LocationCriteria {
  tenantId: string;
  /** Hierarchy type codes (any case); none: every tree of the tenant. */
  hierarchyTypeCodes: string[];
  /** A boundary type (label): the boundaries of that type, from anywhere below the root. */
  boundaryType?: string;
  codes: string[];
}

/** A boundary as egov-location answers it: its own fields, coordinates as text, children likewise. */
function locationJson(node: BoundaryNode): Record<string, unknown> {
  const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
  return {
    code: node.code,
    name: node.name ?? null,
    label: node.label ?? null,
    latitude: text(node.latitude),
    longitude: text(node.longitude),
    area: node.area ?? null,
    pincode: node.pincode ?? null,
    boundaryNum: node.boundaryNum ?? null,
    children: (node.children ?? []).map(locationJson),
  };
}

/** Whether the boundary or one below it has one of the codes. */
const holdsCode = (node: BoundaryNode, codes: Set<string>): boolean => codes.has(node.code) || (node.children ?? []).some((c) => holdsCode(c, codes));

/** The boundaries among `list` that are, or hold, one of the codes, in the order of the codes (as DIGIT lists them). */
function withCodes(list: BoundaryNode[], codes: string[]): BoundaryNode[] {
  return codes.flatMap((code) => list.filter((b) => holdsCode(b, new Set([code]))));
}

/**
 * egov-location's search over the master: per tree, the whole tree (no criteria); the root's
 * children that are or hold one of the `codes`; the boundaries of `boundaryType` from every level
 * below the root, each with its subtree; with both, those of the type that are or hold a code.
 * Without a hierarchy type, trees with nothing to answer are left out.
 */
export function searchLocations(mdms: Mdms, criteria: LocationCriteria) {
  const answered = hierarchyTrees(mdms, criteria.tenantId, criteria.hierarchyTypeCodes).map((tree) => {
    let list: BoundaryNode[] = [tree.boundary];
    if (criteria.boundaryType) {
      const type = criteria.boundaryType;
      list = placedBoundaries(tree.boundary).filter((p) => p.depth > 0 && sameLabel(p.node.label, type)).map((p) => p.node);
      if (criteria.codes.length > 0) list = withCodes(list, criteria.codes);
    } else if (criteria.codes.length > 0) {
      list = withCodes(tree.boundary.children ?? [], criteria.codes);
    }
    return { hierarchyType: tree.hierarchyType, boundary: list.map(locationJson), tenantId: criteria.tenantId };
  });
  return criteria.hierarchyTypeCodes.length > 0 ? answered : answered.filter((t) => t.boundary.length > 0);
}

// ---- DIGIT boundary-service: /boundary-service/boundary-relationships/_search ----

export interface RelationshipCriteria {
  tenantId: string;
  hierarchyType: string;
  boundaryType?: string;
  codes: string[];
  parent?: string;
  includeChildren: boolean;
  includeParents: boolean;
}

interface Related {
  placed: PlacedBoundary;
  parent: string | undefined;
}

/**
 * boundary-service's search over the same trees: the boundaries matching the criteria (the root
 * when neither a type nor codes is given), with their ancestors and descendants when asked, nested
 * under the highest-level type found, each `{id, code, boundaryType, children}`.
 */
export function searchRelationships(mdms: Mdms, criteria: RelationshipCriteria) {
  const tree = hierarchyTrees(mdms, criteria.tenantId, [criteria.hierarchyType]).find((t) => t.hierarchyType.code === criteria.hierarchyType);
  if (!tree) throw invalid('HIERARCHY_DEFINITION_DOES_NOT_EXIST_ERR', `tenant ${criteria.tenantId} has no boundary hierarchy '${criteria.hierarchyType}' (${BOUNDARY_MASTER})`, '$.hierarchyType');
  const all: Related[] = placedBoundaries(tree.boundary).map((placed) => ({ placed, parent: placed.ancestors.at(-1) }));
  const rootSearch = !criteria.boundaryType && criteria.codes.length === 0;
  const codes = new Set(criteria.codes);
  const matched = all.filter(({ placed, parent }) => {
    if (criteria.parent && parent !== criteria.parent) return false;
    if (rootSearch) return placed.depth === 0;
    if (criteria.boundaryType && placed.node.label !== criteria.boundaryType) return false;
    return codes.size === 0 || codes.has(placed.node.code);
  });
  const chosen = new Set(matched.map((m) => m.placed.node.code));
  if (criteria.includeParents) for (const m of matched) for (const a of m.placed.ancestors) chosen.add(a);
  if (criteria.includeChildren) {
    const found = new Set(matched.map((m) => m.placed.node.code));
    for (const r of all) if (r.placed.ancestors.some((a) => found.has(a))) chosen.add(r.placed.node.code);
  }
  const result = all.filter((r) => chosen.has(r.placed.node.code));
  // The answer starts at the first boundary type, in the hierarchy's order, that it holds.
  const order = [...new Set(all.map((r) => r.placed.node.label))];
  const seedType = order.find((type) => result.some((r) => r.placed.node.label === type));
  const nest = (r: Related): Record<string, unknown> => ({
    id: r.placed.node.id === undefined ? null : String(r.placed.node.id),
    code: r.placed.node.code,
    boundaryType: r.placed.node.label,
    children: result.filter((c) => c.parent === r.placed.node.code).map(nest),
  });
  return [{ tenantId: criteria.tenantId, hierarchyType: criteria.hierarchyType, boundary: result.filter((r) => r.placed.node.label === seedType).map(nest) }];
}
