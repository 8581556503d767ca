// Bundles the Electron main process and the preload into dist/electron/*.cjs.
// The preload must be ONE CommonJS file: a sandboxed preload can require 'electron' only.
// Usage: node scripts/build-electron.mjs [--outdir <dir>]
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: repoRoot,
};

export async function buildElectron(outdir = join(repoRoot, 'dist', 'electron')) {
  await Promise.all([
    build({
      ...shared,
      entryPoints: [join(repoRoot, 'electron/src/main.ts')],
      outfile: join(outdir, 'main.cjs'),
    }),
    build({
      ...shared,
      entryPoints: [join(repoRoot, 'electron/src/preload.ts')],
      outfile: join(outdir, 'preload.cjs'),
    }),
  ]);
  return { main: join(outdir, 'main.cjs'), preload: join(outdir, 'preload.cjs') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--outdir');
  const outdir = flag === -1 ? undefined : resolve(process.argv[flag + 1] ?? '');
  buildElectron(outdir).then(
    (files) => console.log(`electron bundles written: ${files.main}, ${files.preload}`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
