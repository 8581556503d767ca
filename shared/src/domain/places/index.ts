// Places (门楼院社): scope paths, the place tree, roll-ups of counts and leader coverage.
export {
  ancestors,
  depthOf,
  isUnder,
  joinScope,
  levelOf,
  parentScope,
  scopeAtLevel,
  SCOPE_SEPARATOR,
} from './scope';
export { buildPlaceTree, childrenOf, nearestPlace, pathTo, subtree, type PlaceTree } from './tree';
export { rollUp, rollUpKeyed, type CountsByScope } from './rollup';
export {
  coverage,
  coverageSummary,
  isTermActive,
  LEADER_FOR_KIND,
  type CoverageGap,
  type CoveredKind,
} from './coverage';
