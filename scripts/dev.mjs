// `npm run dev`: the Vite dev server with hot reload, then Electron pointed at it through
// YISHI_DEV_URL (main.ts keeps every security setting in dev mode too).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron executable, found the way the electron package finds it but without its
 * download-on-first-use fallback (requiring the package would try to fetch it from GitHub).
 */
export function findElectronBinary(env = process.env) {
  const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = join(electronDir, 'dist', relative);
  return existsSync(candidate) ? candidate : null;
}

async function main() {
  const electronBinary = findElectronBinary();
  if (!electronBinary) {
    console.error(
      [
        'The Electron binary is not installed, so `npm run dev` cannot open the desktop window.',
        'The electron npm package downloads it from GitHub on first launch; that was not possible here.',
        'Fix: run `npx install-electron` on a machine with access to GitHub (or a mirror via',
        'ELECTRON_MIRROR), or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron 45.',
        'Meanwhile `npm run web` runs the same renderer in browser mode.',
      ].join('\n'),
    );
    process.exit(1);
  }

  const { buildElectron } = await import('./build-electron.mjs');
  await buildElectron();

  const { createServer } = await import('vite');
  // YISHI_DEV_PORT lets tests (and a second checkout) avoid the configured port 5173.
  const port = process.env.YISHI_DEV_PORT ? Number(process.env.YISHI_DEV_PORT) : undefined;
  const server = await createServer({
    configFile: join(repoRoot, 'vite.config.ts'),
    ...(port === undefined ? {} : { server: { port } }),
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the Vite dev server reported no local URL');
  server.printUrls();

  const child = spawn(electronBinary, ['.'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, YISHI_DEV_URL: url },
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', async (code) => {
    await server.close();
    process.exit(code ?? 0);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
