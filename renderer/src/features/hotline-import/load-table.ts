import type { RawTable } from '#shared/domain/hotline/rows';
import { tableFromFile } from './read-table';

type Reply = { ok: true; table: RawTable } | { ok: false; message: string };

const onThisThread = (name: string, data: Uint8Array) =>
  tableFromFile(name, data, async () => (await import('exceljs')).default);

/**
 * Parses in a Web Worker; where a worker cannot start (or its script cannot load), on this thread
 * with the same code. A file the parser rejects is an error either way.
 */
export async function loadTable(name: string, data: Uint8Array): Promise<RawTable> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./table-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onThisThread(name, data);
  }
  try {
    const reply = await new Promise<Reply | null>((resolve) => {
      worker.onmessage = (event: MessageEvent<Reply>) => resolve(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        resolve(null);
      };
      worker.postMessage({ name, data });
    });
    if (reply === null) return await onThisThread(name, data);
    if (!reply.ok) throw new Error(reply.message);
    return reply.table;
  } finally {
    worker.terminate();
  }
}
