import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from '#shared/bridge/csp';

// Browser mode: the hub address is whatever the person enrols with, so the <meta> policy lets the
// page connect to http(s); everything else is as strict as Electron's header. Served by the hub,
// the header policy (connect-src 'self') narrows it further.
const CSP = contentSecurityPolicy({ connect: ['http:', 'https:'], meta: true });

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'yishi-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
      ),
  };
}

// Browser mode starts with no network: a service worker precaches the app shell and assets under
// versioned caches. A new build waits until the person chooses 刷新 ('prompt'), so it never swaps
// under a meeting. The registration is ours (renderer/src/platform/service-worker.ts): Electron's
// app:// pages never register one.
const offlineStart = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  filename: 'sw.js',
  manifest: {
    name: '议事 Yishi',
    short_name: '议事',
    description: '社区议事协商：集、议、办、督、评',
    lang: 'zh-CN',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#a4161a',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,png,svg,ico,woff,woff2,wasm,webmanifest}'],
    // The main bundle carries MUI, RxDB and the spreadsheet reader: larger than Workbox's default.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
  },
});

// The renderer is built once and served either by Electron's app:// protocol or, in browser
// mode, over http (127.0.0.1 or the hub); relative asset paths work for all.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta(), offlineStart],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(process.env.npm_package_version ?? '0.1.0') },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'es2023',
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  // `npm run web` sends the policy as a header too (a header can also forbid framing).
  preview: {
    host: '127.0.0.1',
    port: 4173,
    headers: { 'Content-Security-Policy': contentSecurityPolicy({ connect: ['http:', 'https:'] }) },
  },
});
