import type { FileFilter, OpenedFile, Platform } from './platform';
import { createBrowserSecrets } from './browser-secrets';

function accept(filters: FileFilter[]): string {
  return filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

/** Plain-browser fallbacks: a hidden file input, a download link, the browser's own print dialog. */
export function createBrowserPlatform(secretsKey: () => CryptoKey | null): Platform {
  const secrets = createBrowserSecrets(localStorage, secretsKey);
  return {
    kind: 'browser',
    usesPassphrase: true,
    async appVersion() {
      return import.meta.env.VITE_APP_VERSION ?? '0.0.0';
    },
    // The service worker brings new builds (service-worker.ts); there is no installer to update.
    checkForUpdate: async () => ({ state: 'unavailable' }),
    installUpdate: async () => undefined,
    openFile(filters) {
      return new Promise<OpenedFile | null>((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = accept(filters);
        input.style.display = 'none';
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) return resolve(null);
          void file.arrayBuffer().then((buf) => resolve({ name: file.name, data: new Uint8Array(buf) }));
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        document.body.append(input);
        input.click();
      });
    },
    async saveFile(suggestedName, data) {
      const url = URL.createObjectURL(new Blob([data.slice().buffer]));
      const a = document.createElement('a');
      a.href = url;
      a.download = suggestedName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return true;
    },
    async print() {
      window.print();
    },
    async printToPdf() {
      // Browsers offer "另存为 PDF" in their own print dialog.
      window.print();
      return true;
    },
    openProjector(route) {
      window.open(`${location.pathname}#${route}`, 'yishi-projector');
    },
    enrollFetch: (url, init) => fetch(url, init),
    async allowHub() {
      return 'ready';
    },
    getSecret: secrets.get,
    setSecret: secrets.set,
    deleteSecret: secrets.delete,
  };
}
