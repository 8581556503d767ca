// One Yishi device in its own Node process: the real local database (all twelve collections, in
// memory) and the real sync client, driven by JSON lines on stdin. RxDB's free edition opens at
// most 13 collections per process, so three devices need three processes.
// Usage: node --import tsx tests/integration/sync-support/client-main.ts

import { appendFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createYishiDatabase } from '../../../renderer/src/db/create-database';
import type { YishiDatabase } from '../../../renderer/src/db/create-database';
import { devTools } from '../../../renderer/src/db/dev-mode';
import {
  createFetchEventSourceFactory,
  createSyncClient,
  enrollDevice,
  resolveConflict,
} from '../../../renderer/src/sync/index';
import type { SyncClient } from '../../../renderer/src/sync/index';
import { COLLECTION_NAMES } from '../../../shared/src/domain/vocab';
import { attachmentPath } from '../../../shared/src/protocol/attachments';
import type { PhotoEntry } from '../../../shared/src/protocol/attachments';
import { mergePhotos } from '../../../renderer/src/sync/photos';
import { FaultyNetwork, seededRandom } from './faulty-fetch';
import type { Faults } from './faulty-fetch';

type Json = Record<string, unknown>;

let db: YishiDatabase | undefined;
let client: SyncClient | undefined;
let net: FaultyNetwork | undefined;
let deviceId = '';
let hubToken = '';
let hubBase = '';
/** Every document state the hub acknowledged (sent$ of the replications), in order. */
const acknowledged: Array<{ collection: string; doc: Json }> = [];

function send(message: Json): void {
  process.stdout.write(JSON.stringify(message) + '\n');
}

function strip(doc: Json): Json {
  const { _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc;
  return rest;
}

function collection(name: unknown) {
  if (!db || typeof name !== 'string' || !(COLLECTION_NAMES as readonly string[]).includes(name))
    throw new Error(`bad collection ${String(name)}`);
  return db.collections[name as (typeof COLLECTION_NAMES)[number]];
}

let clock = 0;
/** Strictly increasing ISO times, so "later" is well defined within a device. */
function nowIso(): string {
  clock = Math.max(clock + 1, Date.now());
  return new Date(clock).toISOString();
}

let firstSynced: Promise<Record<string, number>> | undefined;

async function countAll(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of COLLECTION_NAMES) counts[name] = await collection(name).count().exec();
  return counts;
}

async function closeDevice(): Promise<void> {
  await client?.stop();
  await db?.close();
  client = undefined;
  db = undefined;
  acknowledged.length = 0;
}

/** Opens a fresh device (closing the previous one: the random test reuses the process per seed). */
async function open(args: Json): Promise<Json> {
  await closeDevice();
  const hubUrl = String(args['hubUrl']);
  net = new FaultyNetwork(seededRandom(Number(args['seed'] ?? 1)));
  const traceFile = process.env['YISHI_SYNC_TRACE']
    ? `${process.env['YISHI_SYNC_TRACE']}-${String(args['name'])}-${process.pid}.log`
    : '';
  const trace = (line: string) => {
    if (traceFile) appendFileSync(traceFile, `${Date.now() % 1000000} ${line}\n`);
  };
  const short = (d: unknown) => {
    const x = d as Json | null;
    return x ? `${String(x['id'])}@${String(x['updatedAt']).slice(17)}${x['_deleted'] ? 'X' : ''}` : 'null';
  };
  const rawFetch = net.fetch;
  const tracedFetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const tag = input.replace(/^.*\/v1\//, '');
    if (input.endsWith('/push') && init?.body) {
      const rows = JSON.parse(String(init.body)) as Array<{
        newDocumentState: Json;
        assumedMasterState: Json | null;
      }>;
      trace(
        `push> ${tag} ${rows.map((r) => `${short(r.newDocumentState)}<-${short(r.assumedMasterState)}`).join(' ')}`,
      );
    }
    try {
      const res = await rawFetch(input, init);
      if (!input.includes('/stream') && (input.includes('/pull') || input.endsWith('/push'))) {
        const body = (await res.clone().json()) as Json;
        if (input.includes('/pull'))
          trace(
            `pull< ${tag} ${((body['documents'] as Json[]) ?? []).map(short).join(' ')} cp=${JSON.stringify(body['checkpoint'])}`,
          );
        else
          trace(
            `push< ${tag} conflicts=${((body['conflicts'] as Json[]) ?? []).map(short).join(' ')} refused=${JSON.stringify(body['refused'])}`,
          );
      }
      return res;
    } catch (e) {
      trace(`fail ${tag} ${(e as Error).message}`);
      throw e;
    }
  };
  const enrolled = await enrollDevice({
    hubUrl,
    code: String(args['code']),
    deviceName: String(args['name']),
    fetchImpl: net.fetch,
  });
  deviceId = enrolled.deviceId;
  // Faults start after enrollment: a lost enrollment answer uses up the one-time code, and no
  // device can recover from that (a person asks for a new code).
  if (args['faults']) net.faults = args['faults'] as Faults;
  hubToken = enrolled.token;
  hubBase = hubUrl;
  db = await createYishiDatabase({
    name: `dev${String(args['name'])
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase()}${Date.now()}`,
    storage: getRxStorageMemory(),
    password: 'integration-test-password',
    multiInstance: false,
    devTools: devTools(),
  });
  const random = seededRandom(Number(args['seed'] ?? 1) * 7 + 3);
  const database = db;
  const network = net;
  const startClient = (epoch: string | undefined): void => {
    client = createSyncClient({
      ...(epoch !== undefined ? { hubEpoch: epoch } : {}),
      // As the app does: a restored hub (new epoch) restarts the client with a fresh replication.
      onEpochChanged: (next) => {
        send({ event: 'epoch', epoch: next });
        const old = client;
        void old?.stop().then(() => {
          if (client === old) startClient(next);
        });
      },
      db: database,
      hubUrl,
      token: enrolled.token,
      deviceScope: enrolled.scope,
      hubId: enrolled.hubId,
      fetchImpl: traceFile ? tracedFetch : network.fetch,
      eventSourceFactory: traceFile
        ? (url, token) => {
            const source = createFetchEventSourceFactory(network.fetch)(url, token);
            trace('stream open');
            return {
              close: () => source.close(),
              addEventListener: (type: string, listener: (event: { data: string }) => void) =>
                source.addEventListener(type, (event?: { data: string }) => {
                  if (type === 'change' && event) {
                    const c = JSON.parse(event.data) as Json;
                    trace(
                      `event ${String(c['collection'])} ${((c['documents'] as Json[]) ?? []).map(short).join(' ')} cp=${JSON.stringify(c['checkpoint'])}`,
                    );
                  } else trace(`event ${type}`);
                  listener(event as { data: string });
                }),
            } as ReturnType<ReturnType<typeof createFetchEventSourceFactory>>;
          }
        : createFetchEventSourceFactory(network.fetch),
      random,
      onRevoked: () => send({ event: 'revoked' }),
      timing: {
        backoff: { baseMs: 100, capMs: 1_000 },
        tickMs: 1_000,
        gapMs: 5_000,
        requestTimeoutMs: 10_000,
      },
    });
    for (const [name, replication] of client.replications) {
      replication.sent$.subscribe((doc) => acknowledged.push({ collection: name, doc: strip(doc as Json) }));
      if (traceFile) {
        replication.received$.subscribe((doc) => trace(`recv ${name} ${short(doc)}`));
        replication.sent$.subscribe((doc) => trace(`sent ${name} ${short(doc)}`));
        void replication.awaitInitialReplication().catch(() => undefined);
        setTimeout(() => {
          const internal = (
            replication as unknown as {
              internalReplicationState?: {
                events: {
                  resolvedConflicts: { subscribe: (f: (x: { input: Json; output: Json }) => void) => void };
                };
              };
            }
          ).internalReplicationState;
          internal?.events.resolvedConflicts.subscribe(({ input, output }) =>
            trace(
              `resolve ${name} new=${short(input['newDocumentState'])} assumed=${short(input['assumedMasterState'])} real=${short(input['realMasterState'])} -> ${short(output)} ${JSON.stringify(output).slice(0, 300)}`,
            ),
          );
        }, 500);
      }
      // Replication errors other than unreachable-hub retries go to stderr for the test's report.
      replication.error$.subscribe((error) => {
        const text = JSON.stringify((error as { parameters?: unknown }).parameters ?? String(error));
        if (!/无法连接|answer lost|offline|duplicate|超时/.test(text))
          process.stderr.write(`replication ${name}: ${String(error.code)} ${text.slice(0, 3000)}\n`);
      });
    }
    firstSynced = undefined;
    client.status$.subscribe((status) => {
      send({ event: 'status', status });
      // What the device held when it first said 已同步 (counted right away, before more arrives).
      if (status.lastSyncedAt && !firstSynced) firstSynced = countAll();
    });
  };
  startClient(enrolled.epoch);
  return { deviceId, scope: enrolled.scope, hubId: enrolled.hubId };
}

async function handle(cmd: string, args: Json): Promise<unknown> {
  switch (cmd) {
    case 'open':
      return open(args);
    case 'insert': {
      const at = nowIso();
      const doc = {
        createdAt: at,
        createdBy: deviceId,
        updatedAt: at,
        updatedBy: deviceId,
        ...(args['doc'] as Json),
      };
      await collection(args['collection']).insert(doc as never);
      return null;
    }
    case 'bulkInsert': {
      const at = nowIso();
      const docs = (args['docs'] as Json[]).map((doc) => ({
        createdAt: at,
        createdBy: deviceId,
        updatedAt: at,
        updatedBy: deviceId,
        ...doc,
      }));
      const result = await collection(args['collection']).bulkInsert(docs as never[]);
      if (result.error.length > 0) throw new Error(`bulkInsert: ${result.error.length} refused`);
      return docs.length;
    }
    case 'firstSynced':
      return firstSynced ?? null;
    case 'patch': {
      const found = await collection(args['collection']).findOne(String(args['id'])).exec();
      if (!found) return false;
      await found.incrementalPatch({
        ...(args['patch'] as Json),
        updatedAt: nowIso(),
        updatedBy: deviceId,
      } as never);
      return true;
    }
    case 'remove': {
      const found = await collection(args['collection']).findOne(String(args['id'])).exec();
      if (!found) return false;
      await found.incrementalRemove();
      return true;
    }
    case 'resolve': {
      const found = await collection(args['collection']).findOne(String(args['id'])).exec();
      if (!found) return false;
      const next = resolveConflict(
        strip(found.toMutableJSON(true) as Json),
        String(args['field']),
        args['choice'] as 'local',
        nowIso(),
        deviceId,
      );
      await found.incrementalModify(() => next as never);
      return true;
    }
    case 'putPhoto': {
      // What the intake form does: the attachment, then its entry in the replicated `photos`.
      const found = await collection(args['collection']).findOne(String(args['id'])).exec();
      if (!found) return null;
      const type = String(args['type'] ?? 'image/jpeg');
      const data = new Blob([Buffer.from(String(args['base64']), 'base64')], { type });
      const attachment = await found.putAttachment({ id: String(args['attId']), data, type });
      const modify = (d: Json): Json => ({
        ...d,
        photos: mergePhotos(d['photos'] as PhotoEntry[] | undefined, [attachment]),
      });
      await found.getLatest().incrementalModify(modify as never);
      return { digest: attachment.digest, length: attachment.length };
    }
    case 'readPhoto': {
      const found = await collection(args['collection']).findOne(String(args['id'])).exec();
      const attachment = found?.getAttachment(String(args['attId']));
      if (!attachment) return null;
      const bytes = Buffer.from(await (await attachment.getData()).arrayBuffer());
      return { base64: bytes.toString('base64'), digest: attachment.digest, type: attachment.type };
    }
    case 'fetchPhoto': {
      // A direct request with this device's token, as a hostile or curious device would send it.
      const path = attachmentPath(String(args['collection']), String(args['id']), String(args['attId']));
      const res = await fetch(`${hubBase}${path}?digest=${String(args['digest'])}`, {
        headers: { Authorization: `Bearer ${hubToken}` },
      });
      return { status: res.status, body: Buffer.from(await res.arrayBuffer()).toString('base64') };
    }
    case 'photosSettled':
      await client?.attachments.settled();
      return client?.status$.getValue().pendingPhotos ?? 0;
    case 'offline':
      net?.setOffline(Boolean(args['offline']));
      return null;
    case 'faults':
      if (net) net.faults = args['faults'] as Faults;
      return null;
    case 'syncNow':
      await client?.syncNow();
      return client?.status$.getValue();
    case 'status':
      return client?.status$.getValue();
    case 'refused':
      return client?.refused$.getValue();
    case 'acknowledged':
      return acknowledged;
    case 'dump': {
      const out: Record<string, Json[]> = {};
      for (const name of COLLECTION_NAMES) {
        const docs = await collection(name).find().exec();
        out[name] = docs
          .map((d) => strip(d.toJSON(true) as Json))
          .sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
      }
      return out;
    }
    case 'close':
      await closeDevice();
      return null;
    default:
      throw new Error(`unknown command ${cmd}`);
  }
}

const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  let message: { id: number; cmd: string; args?: Json };
  try {
    message = JSON.parse(line) as typeof message;
  } catch {
    return;
  }
  handle(message.cmd, message.args ?? {}).then(
    (result) => send({ id: message.id, ok: true, result: result ?? null }),
    (error: Error) =>
      send({ id: message.id, ok: false, error: error.message, code: (error as { code?: string }).code }),
  );
});
rl.on('close', () => process.exit(0));
