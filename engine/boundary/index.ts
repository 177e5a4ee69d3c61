export {
  BOUNDARY_MASTER,
  boundariesOfType,
  hierarchyTrees,
  listParam,
  placedBoundaries,
  searchLocations,
  searchRelationships,
  type BoundaryNode,
  type HierarchyTree,
  type LocationCriteria,
  type PlacedBoundary,
  type RelationshipCriteria,
} from './boundaries.ts';
