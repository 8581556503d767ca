// Places (门楼院社): scope paths and what a device may see, the place tree, roll-ups of counts and
// leader coverage.
export {
  ancestors,
  depthOf,
  isReferenceCollection,
  isValidScope,
  isVisible,
  joinScope,
  levelOf,
  liesBelow,
  liesUnder,
  onOneLine,
  parentScope,
  scopeAtLevel,
  scopeRange,
  SCOPE_MAX_LENGTH,
  SCOPE_PATTERN,
  SCOPE_SEPARATOR,
  visibilityOf,
  visibilitySqlParams,
  visibleToDevice,
  type Visibility,
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
