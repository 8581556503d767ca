import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served either by Electron's app:// protocol or, in browser
// mode, over http://127.0.0.1; relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'es2023',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173 },
});
