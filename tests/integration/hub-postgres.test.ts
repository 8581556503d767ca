// Several hub processes on one PostgreSQL (behind a load balancer): they migrate together
// safely, share devices, and see each other's changes through LISTEN/NOTIFY.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, StreamChange } from '#shared/protocol/v1';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import { validDoc } from '../../hub/src/testing/fixtures';
import { PG_SKIP_REASON, TEST_PG_URL, createTempDatabase, testHubKeyEnv } from '../../hub/src/testing/pg';
import type { TempDatabase } from '../../hub/src/testing/pg';
import { adminSecretOf, enrollDevice, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';
import { SseReader } from './sse-reader';

const enabled = TEST_PG_URL !== '';
const title = 'two hub processes on one PostgreSQL';

describe.runIf(enabled)(enabled ? title : `${title} — skipped: ${PG_SKIP_REASON}`, () => {
  let db: TempDatabase;
  let hub1: HubProcess;
  let hub2: HubProcess;
  let a: EnrollResponse;
  let b: EnrollResponse;
  const readers: SseReader[] = [];

  beforeAll(async () => {
    db = await createTempDatabase();
    const env = { HUB_DATABASE_URL: db.url, ...testHubKeyEnv(db.url) };
    // Started together on an empty database: the migration lock lets exactly one migrate.
    [hub1, hub2] = await Promise.all([startHubProcess({ env }), startHubProcess({ env })]);
    a = await enrollDevice(hub1, 'xg.gyj', 'community-worker', 'dev-1');
    b = await enrollDevice(hub2, 'xg.gyj', 'community-worker');
  });
  afterAll(async () => {
    for (const r of readers) r.close();
    await Promise.all([hub1?.stop(), hub2?.stop()]);
    await db?.drop();
  });

  it('share one hub identity and one device table', async () => {
    const [h1, h2] = await Promise.all(
      [hub1, hub2].map((h) =>
        fetch(`${h.url}/v1/health`).then((r) => r.json() as Promise<{ hubId: string }>),
      ),
    );
    expect(h1?.hubId).toBe(h2?.hubId);
    expect(h1?.hubId).toBe(a.hubId);
    expect((await deviceClient(hub2.url, a.token).pull('demands')).status).toBe(200);
    expect((await deviceClient(hub1.url, b.token).pull('demands')).status).toBe(200);
  });

  it('streams a push made to hub 1 to a client of hub 2, within its scope only', async () => {
    const onHub2 = await SseReader.open(`${hub2.url}/v1/sync/stream`, { Authorization: `Bearer ${b.token}` });
    const other = await enrollDevice(hub2, 'xg.hxdj', 'community-worker');
    const otherStream = await SseReader.open(`${hub2.url}/v1/sync/stream`, {
      Authorization: `Bearer ${other.token}`,
    });
    readers.push(onHub2, otherStream);
    await onHub2.next((e) => e.event === 'resync');
    await otherStream.next((e) => e.event === 'resync');
    const started = Date.now();
    const res = await deviceClient(hub1.url, a.token).push('demands', [
      pushRow(validDoc('demands', 'across-hubs', 'xg.gyj.hxnl5')),
    ]);
    expect(res.body).toEqual({ conflicts: [], refused: [] });
    const event = await onHub2.next((e) => e.event === 'change', 5000);
    const change = JSON.parse(event.data) as StreamChange;
    expect(change.collection).toBe('demands');
    expect(change.documents.map((d) => d.id)).toEqual(['across-hubs']);
    expect(Date.now() - started).toBeLessThan(5000);
    const pulled = await deviceClient(hub2.url, b.token).pull('demands', change.checkpoint.seq - 1);
    expect(pulled.body.documents.map((d) => d.id)).toEqual(['across-hubs']);
    await new Promise((r) => setTimeout(r, 300));
    expect(otherStream.events.filter((e) => e.event === 'change')).toEqual([]);
  });

  it('recovers a lost LISTEN connection and catches up on what it missed', async () => {
    const onHub2 = await SseReader.open(`${hub2.url}/v1/sync/stream`, { Authorization: `Bearer ${b.token}` });
    readers.push(onHub2);
    await onHub2.next((e) => e.event === 'resync');
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      const killed = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and query ilike 'LISTEN%' and pid <> pg_backend_pid()`,
      );
      expect(killed.rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    const res = await deviceClient(hub1.url, a.token).push('demands', [
      pushRow(validDoc('demands', 'after-reconnect', 'xg.gyj')),
    ]);
    expect(res.body).toEqual({ conflicts: [], refused: [] });
    const event = await onHub2.next((e) => e.event === 'change', 15_000);
    expect((JSON.parse(event.data) as StreamChange).documents.map((d) => d.id)).toEqual(['after-reconnect']);
  });

  it('closes streams of a device revoked through the other hub', async () => {
    const onHub1 = await SseReader.open(`${hub1.url}/v1/sync/stream`, { Authorization: `Bearer ${a.token}` });
    readers.push(onHub1);
    await onHub1.next((e) => e.event === 'resync');
    const res = await fetch(`${hub2.url}/v1/admin/devices/${a.deviceId}/revoke`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminSecretOf(hub2)}` },
    });
    expect(res.status).toBe(200);
    await onHub1.ended(5000);
    const pull = await deviceClient(hub1.url, a.token).pull('demands');
    expect(pull).toMatchObject({ status: 401, body: { error: { code: 'revoked' } } });
  });
});
