// One Node-side device for the propagation benchmark: the app's database (all twelve collections,
// RxDB memory storage — RxDB opens at most 13 collections per process, so one device per process)
// and the app's real sync client with its streaming-fetch SSE reader. Commands arrive as JSON lines
// on stdin; answers and "seen" events leave as JSON lines on stdout, stamped with wall-clock time
// (performance.timeOrigin + now) so two processes on one machine compare their times.
// Usage: node --import tsx bench/device-main.ts

import { createInterface } from 'node:readline';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createYishiDatabase } from '../renderer/src/db/create-database';
import type { YishiDatabase } from '../renderer/src/db/create-database';
import { createFetchEventSourceFactory, createSyncClient } from '../renderer/src/sync/index';
import type { SyncClient } from '../renderer/src/sync/index';
import type { DemandDoc } from '#shared/schema/index';

type Json = Record<string, unknown>;
const wallclock = () => performance.timeOrigin + performance.now();
const send = (message: Json) => process.stdout.write(JSON.stringify(message) + '\n');

let db: YishiDatabase | undefined;
let client: SyncClient | undefined;

async function open(args: Json): Promise<Json> {
  db = await createYishiDatabase({
    name: `benchdevice${process.pid}`,
    storage: getRxStorageMemory(),
    password: 'bench-device-password',
    multiInstance: false,
  });
  // Documents written by the other device arrive through the pull of the stream's change event.
  const watch = args['watchPrefix'];
  if (typeof watch === 'string' && watch !== '')
    db.demands.insert$.subscribe((event) => {
      if (event.documentId.startsWith(watch)) send({ event: 'seen', id: event.documentId, at: wallclock() });
    });
  client = createSyncClient({
    db,
    hubUrl: String(args['hubUrl']),
    token: String(args['token']),
    deviceScope: String(args['scope']),
    hubId: String(args['hubId']),
    eventSourceFactory: createFetchEventSourceFactory(),
    waitForLeadership: false,
    onRevoked: () => {
      send({ event: 'revoked' });
    },
  });
  await client.syncNow();
  return { ok: true };
}

async function write(args: Json): Promise<Json> {
  if (!db) throw new Error('not open');
  const at = wallclock();
  await db.demands.insert(args['doc'] as DemandDoc);
  return { at, insertedAt: wallclock() };
}

async function handle(cmd: string, args: Json): Promise<unknown> {
  switch (cmd) {
    case 'open':
      return open(args);
    case 'write':
      return write(args);
    case 'syncNow':
      await client?.syncNow();
      return { ok: true };
    case 'close':
      await client?.stop();
      await db?.close();
      return { ok: true };
    default:
      throw new Error(`unknown command ${cmd}`);
  }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, cmd, args } = JSON.parse(line) as { id: number; cmd: string; args: Json };
  handle(cmd, args ?? {}).then(
    (result) => send({ id, ok: true, result }),
    (error: Error) => send({ id, ok: false, error: error.message }),
  );
});
