// The import rules of ARCHITECTURE.md that folders alone cannot express, as one ESLint rule. Each
// import is resolved to a path in the repository first, so './x', '../../features/y' and
// '#shared/…' are judged by where they land, not by how they are spelled.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ALIASES = [
  ['#shared/', 'shared/src/'],
  ['#resources/', 'resources/'],
];
const FEATURES = 'renderer/src/features/';
const SYNC = 'renderer/src/sync/';

/** Renderer layers, lowest first: a layer never imports a higher one; app/ is only the composition root. */
const LAYERS = [
  ['renderer/src/kit/', 0],
  ['renderer/src/db/', 1],
  ['renderer/src/sync/', 1],
  ['renderer/src/platform/', 1],
  ['renderer/src/features/', 2],
  ['renderer/src/app/', 3],
];

/** Code that ships: everything but tests, their helpers in tests/ and the benchmarks. */
const PRODUCTION = ['shared/src/', 'resources/', 'renderer/src/', 'electron/src/', 'hub/src/'];
const isProduction = (file) => PRODUCTION.some((dir) => file.startsWith(dir)) && !/\.test\.tsx?$/.test(file);

/** The repository path an import lands on, without extension; null for packages. */
function target(fromFile, spec) {
  for (const [alias, dir] of ALIASES)
    if (spec.startsWith(alias)) return strip(dir + spec.slice(alias.length));
  if (!spec.startsWith('.')) return null;
  return strip(
    path
      .relative(ROOT, path.resolve(ROOT, path.dirname(fromFile), spec))
      .split(path.sep)
      .join('/'),
  );
}

const strip = (p) => p.replace(/\.(tsx?|mjs|js)$/, '').replace(/\/index$/, '');

const featureOf = (p) => (p.startsWith(FEATURES) ? p.slice(FEATURES.length).split('/')[0] : null);
const layerOf = (p) => LAYERS.find(([dir]) => p.startsWith(dir) || `${p}/` === dir);

/** Why `from` may not import `to`, or null. Paths are repository-relative, `to` without extension. */
export function violation(from, to) {
  const inRenderer = from.startsWith('renderer/src/');
  const fromFeature = featureOf(from);
  const toFeature = featureOf(to);
  if (inRenderer && toFeature !== null && toFeature !== fromFeature && to !== FEATURES + toFeature)
    return `features are reached only through their index.ts: import '${FEATURES}${toFeature}', not '${to}'.`;
  if ((fromFeature !== null || from.startsWith('renderer/src/app/')) && to.startsWith(SYNC))
    return `features reach renderer/src/sync only through its index.ts, not '${to}'.`;
  if (from.startsWith('renderer/src/db/') && toFeature !== null)
    return 'renderer/src/db never imports features.';
  if (to.startsWith('hub/src/testing/') && isProduction(from) && !from.startsWith('hub/src/testing/'))
    return 'hub/src/testing is for tests only.';
  if (from.startsWith('hub/src/store/') && to.startsWith('hub/src/sync/') && isProduction(from))
    return 'hub/src/sync calls the store, never the other way round.';
  const fromLayer = layerOf(from);
  const toLayer = layerOf(to);
  if (fromLayer && toLayer && toLayer[1] > fromLayer[1])
    return `${fromLayer[0]} must not import ${toLayer[0]} (layers: kit → db/sync/platform → features → app).`;
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'The import rules of ARCHITECTURE.md between renderer layers, features and hub folders.',
    },
    schema: [],
  },
  create(context) {
    const from = path.relative(ROOT, context.physicalFilename).split(path.sep).join('/');
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const to = target(from, source.value);
      if (to === null) return;
      const message = violation(from, to);
      if (message) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { imports: rule } };
