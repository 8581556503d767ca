// Production builds for the browser benchmarks, each served on 127.0.0.1 by Vite's preview server:
// the app itself (as shipped, for the ledger) and the small benchmark page (bench/page).

import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');

export interface Served {
  url: string;
  close(): Promise<void>;
}

async function productionBuild(run: () => Promise<unknown>): Promise<void> {
  // Under vitest NODE_ENV is 'test', which would build React's and RxDB's development code.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await run();
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
}

async function serveDir(
  outDir: string,
  options: { configFile: string | false; root?: string },
): Promise<Served> {
  const server = await preview({
    configFile: options.configFile,
    ...(options.root ? { root: options.root } : {}),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  return {
    url,
    async close() {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * The renderer exactly as `npm run build:renderer` makes it, in a folder of this run's own, with
 * the benchmark page beside it at `bench/`: same origin, so the page reaches the app's IndexedDB.
 */
export async function serveApp(): Promise<Served> {
  const outDir = join(ROOT, 'dist', `bench-app-${process.pid}`);
  await productionBuild(() =>
    build({
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      mode: 'production',
      // Readable names in a CPU profile (bench/profile-write.ts) with YISHI_BENCH_NOMINIFY=1.
      build: { outDir, emptyOutDir: true, minify: process.env['YISHI_BENCH_NOMINIFY'] !== '1' },
    }),
  );
  await buildBenchPage(join(outDir, 'bench'));
  return serveDir(outDir, { configFile: join(ROOT, 'vite.config.ts') });
}

async function buildBenchPage(outDir: string): Promise<void> {
  await productionBuild(() =>
    build({
      configFile: false,
      root: join(ROOT, 'bench', 'page'),
      base: './',
      logLevel: 'warn',
      mode: 'production',
      // PouchDB's browser build imports Node's `events`; the npm polyfill stands in.
      resolve: { alias: { events: join(ROOT, 'node_modules', 'events', 'events.js') } },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2023',
        chunkSizeWarningLimit: 8000,
        minify: process.env['YISHI_BENCH_NOMINIFY'] !== '1',
      },
    }),
  );
}

/** bench/page: the app's database and sync client, raw Dexie and PouchDB side by side. */
export async function serveBenchPage(): Promise<Served> {
  const root = join(ROOT, 'bench', 'page');
  const outDir = join(ROOT, 'dist', `bench-page-${process.pid}`);
  await buildBenchPage(outDir);
  return serveDir(outDir, { configFile: false, root });
}
