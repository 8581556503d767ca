import type { RawTable } from '#shared/domain/hotline/rows';
import { tableFromFile } from './read-table';

type Reply = { ok: true; table: RawTable } | { ok: false; message: string };

/** Parses in a Web Worker; where workers are unavailable, on this thread with the same code. */
export async function loadTable(name: string, data: Uint8Array): Promise<RawTable> {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./table-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return tableFromFile(name, data, async () => (await import('exceljs')).default);
  }
  const running = worker;
  try {
    const reply = await new Promise<Reply>((resolve, reject) => {
      running.onmessage = (event: MessageEvent<Reply>) => resolve(event.data);
      running.onerror = (event) => reject(new Error(event.message || '无法读取文件'));
      running.postMessage({ name, data });
    });
    if (!reply.ok) throw new Error(reply.message);
    return reply.table;
  } finally {
    running.terminate();
  }
}
