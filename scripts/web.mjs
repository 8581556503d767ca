// Browser mode: build the renderer and serve it on 127.0.0.1 (PORT, default 4173).
import { build, preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
const server = await preview({
  configFile: 'vite.config.ts',
  preview: { host: '127.0.0.1', port, strictPort: false },
});
const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
console.log(`议事 Yishi 浏览器模式已启动 / browser mode: ${url}`);
console.log('按 Ctrl+C 停止 / press Ctrl+C to stop');
