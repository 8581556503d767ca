import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

/** Builds the renderer once (production mode, as shipped) and serves it on 127.0.0.1. */
export default async function setup(project: TestProject) {
  if (!process.env.YISHI_E2E_SKIP_BUILD) {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  }
  server = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0 },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  project.provide('baseUrl', url);
  return async () => {
    await server?.close();
  };
}
