// The peer of the initial-sync benchmark: pouchdb-server in memory (express-pouchdb, the CouchDB
// replication protocol) holding the same documents the hub serves.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './ports';
import type { Item } from './data';

const BIN = resolve(import.meta.dirname, '..', 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

export interface PeerServer {
  dbUrl: string;
  pid: number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CouchDB reserves fields starting with "_": the id becomes `_id`, `_deleted: false` is dropped. */
export function toCouchDoc(doc: Record<string, unknown>): Record<string, unknown> {
  const { _deleted: _d, _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return { _id: rest['id'], ...rest };
}

export async function startPeer(docs: readonly Item[]): Promise<PeerServer> {
  // pouchdb-server writes config.json and log.txt into its working folder.
  const cwd = mkdtempSync(join(tmpdir(), 'yishi-bench-pouchdb-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [BIN, '--in-memory', '--no-stdout-logs', '--host', '127.0.0.1', '--port', String(port)],
    { cwd, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(cwd, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`pouchdb-server exited: ${stderr}`);
      const ok = await fetch(`${base}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`pouchdb-server did not start: ${stderr}`);
      await sleep(200);
    }
    const dbUrl = `${base}/bench`;
    const created = await fetch(dbUrl, { method: 'PUT' });
    if (!created.ok) throw new Error(`create database: ${created.status}`);
    for (let i = 0; i < docs.length; i += 1000) {
      const res = await fetch(`${dbUrl}/_bulk_docs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ docs: docs.slice(i, i + 1000).map((d) => toCouchDoc(d.doc)) }),
      });
      if (!res.ok) throw new Error(`_bulk_docs: ${res.status} ${await res.text()}`);
    }
    const info = (await (await fetch(dbUrl)).json()) as { doc_count: number };
    if (info.doc_count !== docs.length) throw new Error(`peer holds ${info.doc_count} of ${docs.length}`);
    return { dbUrl, pid: child.pid ?? 0, close };
  } catch (error) {
    await close();
    throw error;
  }
}
