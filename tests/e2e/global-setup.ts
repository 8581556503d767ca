import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    rendererDir: string;
  }
}

let server: PreviewServer | undefined;

/**
 * Builds the renderer once (production mode, as shipped) into a folder of this run's own, so that
 * parallel runs never serve each other's half-written files, and serves it on 127.0.0.1.
 * YISHI_E2E_SKIP_BUILD=1 serves an existing dist/renderer instead.
 */
export default async function setup(project: TestProject) {
  const reuse = Boolean(process.env.YISHI_E2E_SKIP_BUILD);
  const outDir = reuse
    ? join(process.cwd(), 'dist', 'renderer')
    : join(process.cwd(), 'dist', `e2e-${process.pid}`);
  if (!reuse) {
    // vitest sets NODE_ENV=test, which would make Vite build React's and RxDB's development code.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: 'vite.config.ts',
        logLevel: 'warn',
        mode: 'production',
        build: { outDir, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }
  server = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  project.provide('baseUrl', url);
  project.provide('rendererDir', outDir);
  return async () => {
    await server?.close();
    if (!reuse) await rm(outDir, { recursive: true, force: true });
  };
}
