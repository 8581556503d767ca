// Browser mode: build the renderer and serve it on 127.0.0.1 (PORT, default 4173).
// The port is strict: a bookmark, the service worker and the browser's stored data all belong to
// one origin, so moving silently to another port would open an empty app. A taken port is said.
import { createServer } from 'node:net';
import { build, preview } from 'vite';

const HOST = '127.0.0.1';
const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT 无效：${process.env.PORT}（应为 1–65535 的整数）/ invalid PORT`);
  process.exit(1);
}

function portTaken(error) {
  console.error(
    `端口 ${port} 已被占用（可能议事已在运行：打开 http://${HOST}:${port}/），` +
      `或用其他端口启动：PORT=4174 npm run web\n` +
      `Port ${port} is already in use (${error.code ?? error.message}). Is Yishi already running? ` +
      `Open http://${HOST}:${port}/ or start on another port: PORT=4174 npm run web`,
  );
  process.exit(1);
}

/** Fails fast, before the build, when something already listens on the port. */
async function checkPort() {
  await new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', portTaken);
    probe.once('listening', () => probe.close(resolve));
    probe.listen(port, HOST);
  });
}

await checkPort();
await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
let server;
try {
  server = await preview({
    configFile: 'vite.config.ts',
    preview: { host: HOST, port, strictPort: true },
  });
} catch (error) {
  // Taken while the build ran.
  if (error?.code === 'EADDRINUSE' || /already in use/i.test(String(error?.message))) portTaken(error);
  throw error;
}
const url = server.resolvedUrls?.local[0] ?? `http://${HOST}:${port}/`;
console.log(`议事 Yishi 浏览器模式已启动 / browser mode: ${url}`);
console.log('按 Ctrl+C 停止 / press Ctrl+C to stop');
