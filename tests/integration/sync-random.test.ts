// Seeded random sync runs (docs/architecture.md, reliability): three devices and a hub, random inserts and edits,
// devices dropping off the network, hub restarts, and a network that duplicates requests, delays
// answers (so concurrent requests finish out of order) and loses answers after the hub applied the
// request. Afterwards every device must hold the same documents and no acknowledged write may be
// missing. Seeds: 3 per hub database in `npm test`; `YISHI_SYNC_SEEDS=200` for more;
// `YISHI_SYNC_SEED=<n>` replays one; `YISHI_SYNC_BACKEND=PostgreSQL` (or PGlite) runs one hub
// database only; `YISHI_SYNC_TRACE=/tmp/trace` writes each device's sync traffic to files.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DeviceProcess, HubProcess, wait } from './sync-support/processes';
import { BACKENDS } from './sync-support/backends';
import { demand, followUp } from './sync-support/docs';
import { seededRandom } from './sync-support/faulty-fetch';
import type { Faults } from './sync-support/faulty-fetch';
import { canonicalJson } from '../../shared/src/sync/json';

type Doc = Record<string, unknown>;
type Dump = Record<string, Doc[]>;

const OPS_PER_SEED = 30;
/** Each device owns one field (only it edits it); `answer` is edited by all of them. */
const PRIVATE_FIELDS = ['title', 'description', 'unreasonableEvidence'] as const;
const SHARED_FIELD = 'answer';

function seeds(): number[] {
  const one = process.env['YISHI_SYNC_SEED'];
  if (one !== undefined && one !== '') return [Number(one)];
  const count = Number(process.env['YISHI_SYNC_SEEDS'] ?? 3);
  return Array.from({ length: count }, (_, i) => i + 1);
}

function replayCommand(seed: number): string {
  return `YISHI_SYNC_SEED=${seed} npx vitest run tests/integration/sync-random.test.ts`;
}

interface Model {
  inserted: Map<string, 'demands' | 'followUps'>;
  lastPrivate: Map<string, { id: string; field: string; value: string }>;
  sharedWrites: Map<string, Array<{ op: number; value: string }>>;
  log: string[];
}

/** The documents two devices disagree on (and the hub's copy), for the failure message. */
function differences(a: Dump, b: Dump, hub: Dump): string {
  const out: string[] = [];
  for (const name of Object.keys(a)) {
    const ids = new Set([...(a[name] ?? []), ...(b[name] ?? [])].map((d) => String(d['id'])));
    for (const id of ids) {
      const x = a[name]?.find((d) => d['id'] === id);
      const y = b[name]?.find((d) => d['id'] === id);
      const h = hub[name]?.find((d) => d['id'] === id);
      if (canonicalJson(x) !== canonicalJson(y))
        out.push(
          `${name}/${id}\n  device 0: ${JSON.stringify(x)}\n  other:    ${JSON.stringify(y)}\n  hub:      ${JSON.stringify(h)}`,
        );
    }
  }
  return out.join('\n');
}

async function runSeed(
  seed: number,
  hub: HubProcess,
  devices: DeviceProcess[],
  runId: string,
): Promise<void> {
  const rnd = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  const scope = `xg.r${runId}s${seed}`;
  // Ids unique per run too: a PostgreSQL hub keeps earlier runs' documents, and a known id whose
  // master lies in an earlier run's scope is refused (scope) instead of written.
  const idPrefix = `r${runId}s${seed}`;
  const faults: Faults = { duplicate: 0.1, delay: 0.3, maxDelayMs: 80, drop: 0.05 };
  await Promise.all(
    devices.map(async (d, i) => {
      const code = await hub.enrollCode(scope, 'community-worker', `seed${seed}-${d.name}`);
      await d.call('open', { hubUrl: hub.url, code, name: `${d.name}s${seed}`, seed: seed * 31 + i, faults });
    }),
  );
  const model: Model = { inserted: new Map(), lastPrivate: new Map(), sharedWrites: new Map(), log: [] };
  const offline = devices.map(() => false);
  let restarted = false;

  for (let op = 0; op < OPS_PER_SEED; op += 1) {
    if (process.env['YISHI_SYNC_DEBUG']) console.log(Date.now() % 100000, model.log.at(-1));
    const i = Math.floor(rnd() * devices.length);
    const device = devices[i] as DeviceProcess;
    const roll = rnd();
    const demands = [...model.inserted].filter(([, c]) => c === 'demands').map(([id]) => id);
    if (roll < 0.3 || demands.length === 0) {
      const id = `${idPrefix}-d${op}`;
      await device.call('insert', { collection: 'demands', doc: demand(id, scope) });
      model.inserted.set(id, 'demands');
      model.log.push(`${op}: ${device.name} insert ${id}`);
    } else if (roll < 0.55) {
      const id = pick(demands);
      const field = PRIVATE_FIELDS[i] as string;
      const value = `s${seed}-${device.name}-op${op}`;
      if (await device.call<boolean>('patch', { collection: 'demands', id, patch: { [field]: value } }))
        model.lastPrivate.set(`${id}|${field}`, { id, field, value });
      model.log.push(`${op}: ${device.name} ${field} of ${id} = ${value}`);
    } else if (roll < 0.72) {
      const id = pick(demands);
      const value = `s${seed}-${device.name}-op${op}`;
      if (
        await device.call<boolean>('patch', { collection: 'demands', id, patch: { [SHARED_FIELD]: value } })
      ) {
        const writes = model.sharedWrites.get(id) ?? [];
        writes.push({ op, value });
        model.sharedWrites.set(id, writes);
      }
      model.log.push(`${op}: ${device.name} ${SHARED_FIELD} of ${id} = ${value}`);
    } else if (roll < 0.8) {
      const id = `${idPrefix}-f${op}`;
      await device.call('insert', {
        collection: 'followUps',
        doc: followUp(id, scope, pick(demands), `第${op}步`),
      });
      model.inserted.set(id, 'followUps');
      model.log.push(`${op}: ${device.name} insert ${id}`);
    } else if (roll < 0.92) {
      offline[i] = !offline[i];
      await device.call('offline', { offline: offline[i] });
      model.log.push(`${op}: ${device.name} ${offline[i] ? 'offline' : 'online'}`);
    } else if (roll < 0.96 && !restarted) {
      restarted = true;
      model.log.push(`${op}: hub restart`);
      await hub.restart();
    } else {
      const ms = Math.floor(rnd() * 300);
      model.log.push(`${op}: wait ${ms} ms`);
      await wait(ms);
    }
  }

  // Everyone back online; faults stay on while the devices converge.
  for (const d of devices) await d.call('offline', { offline: false });
  let dumps: Dump[] = [];
  for (let round = 0; round < 6; round += 1) {
    if (process.env['YISHI_SYNC_DEBUG']) console.log('round', round);
    for (const d of devices) await d.syncUntilDone(60_000);
    dumps = await Promise.all(devices.map((d) => d.call<Dump>('dump')));
    const same = dumps.every((dump) => canonicalJson(dump) === canonicalJson(dumps[0]));
    const statuses = await Promise.all(devices.map((d) => d.call<{ pending: number }>('status')));
    if (process.env['YISHI_SYNC_DEBUG']) console.log('same', same, JSON.stringify(statuses));
    if (same && statuses.every((s) => s.pending === 0)) break;
  }

  const dump = dumps[0] as Dump;
  const same = dumps.every((d) => canonicalJson(d) === canonicalJson(dump));
  if (!same) {
    const atHub = await hub.pullAll(scope, Object.keys(dump));
    if (process.env['YISHI_SYNC_DEBUG']) {
      console.log(model.log.join('\n'));
      console.log(hub.log.slice(-6000));
      for (const d of devices)
        console.log(d.name, JSON.stringify(await d.call('acknowledged')).slice(-3000), d.stderr.slice(-2000));
    }
    for (let k = 1; k < dumps.length; k += 1) {
      expect(
        dumps[k],
        `device ${k} differs from device 0:\n${differences(dump, dumps[k] as Dump, atHub)}`,
      ).toEqual(dump);
    }
  }
  const find = (collection: string, id: string) => dump[collection]?.find((doc) => doc['id'] === id);

  for (const [id, collection] of model.inserted) expect(find(collection, id), `inserted ${id}`).toBeDefined();

  for (const { id, field, value } of model.lastPrivate.values()) {
    expect(find('demands', id)?.[field], `${field} of ${id}: the owner's last write`).toBe(value);
  }

  const written = new Set([...model.sharedWrites.values()].flat().map((w) => w.value));
  for (const [id, writes] of model.sharedWrites) {
    const doc = find('demands', id) as Doc;
    const last = writes.reduce((a, b) => (b.op > a.op ? b : a));
    const conflicts = (doc['conflicts'] as Array<Record<string, unknown>> | undefined) ?? [];
    const kept =
      doc[SHARED_FIELD] === last.value ||
      conflicts.some(
        (c) =>
          c['field'] === SHARED_FIELD && (c['localValue'] === last.value || c['remoteValue'] === last.value),
      );
    expect(kept, `last ${SHARED_FIELD} write of ${id} (${last.value}) is kept`).toBe(true);
    expect(written.has(String(doc[SHARED_FIELD])), `${SHARED_FIELD} of ${id} was written by someone`).toBe(
      true,
    );
  }

  for (const d of devices) {
    const acked = await d.call<Array<{ collection: string; doc: Doc }>>('acknowledged');
    for (const { collection, doc } of acked) {
      expect(
        find(collection, String(doc['id'])),
        `${d.name}: acknowledged ${collection}/${String(doc['id'])}`,
      ).toBeDefined();
    }
  }
}

for (const backend of BACKENDS) {
  const title = `seeded random sync (${backend.name})`;
  const only = process.env['YISHI_SYNC_BACKEND'];
  const selected = only === undefined || only === '' || only === backend.name;
  describe.runIf(backend.enabled && selected)(title, () => {
    const hub = new HubProcess(backend.databaseUrl ? { databaseUrl: backend.databaseUrl } : {});
    const devices = ['a', 'b', 'c'].map((n) => new DeviceProcess(n));
    const runId = Date.now().toString(36);

    beforeAll(async () => {
      await hub.start();
    });
    afterAll(async () => {
      await Promise.all(devices.map((d) => d.dispose()));
      await hub.dispose();
    });

    for (const seed of seeds()) {
      it(`seed ${seed}`, { timeout: 180_000 }, async () => {
        try {
          await runSeed(seed, hub, devices, runId);
        } catch (error) {
          const message = `sync seed ${seed} failed; replay with: ${replayCommand(seed)}`;
          console.error(message);
          throw new Error(`${message}\n${(error as Error).message}`, { cause: error });
        }
      });
    }
  });
}
