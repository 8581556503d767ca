// Graceful shutdown in the middle of pushes: SIGTERM while batches are in flight finishes them,
// loses nothing that was acknowledged, never leaves half a batch, and the restarted hub serves
// everything.

import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import { validDoc } from '../../hub/src/testing/fixtures';
import { enrollDevice, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';
import { SseReader } from './sse-reader';

const PUSHERS = 3;
const BATCH = 200;

interface Outcome {
  ids: string[];
  result: 'acked' | 'failed';
}

/** Sends headers and half the body now, the rest on `finish()`. */
function slowPush(url: string, token: string, rows: unknown[]) {
  const body = Buffer.from(JSON.stringify(rows));
  const req = request(`${url}/v1/sync/demands/push`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Content-Length': body.length,
      'X-Request-Id': 'slow-push',
    },
  });
  const response = new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.subarray(0, half));
  return { finish: () => req.end(body.subarray(half)), response };
}

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('graceful shutdown mid-push'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    let token = '';
    const outcomes: Outcome[] = [];

    beforeAll(async () => {
      setup = await backend.setup();
      hub = await startHubProcess({ env: { ...setup.env, HUB_LOG_LEVEL: 'debug' } });
      token = (await enrollDevice(hub, 'xg.gyj', 'community-worker', 'dev-1')).token;
    });
    afterAll(async () => {
      await hub?.stop();
      await setup?.drop();
    });

    it('finishes in-flight batches on SIGTERM and closes streams', async () => {
      const client = deviceClient(hub.url, token);
      const stream = await SseReader.open(`${hub.url}/v1/sync/stream`, { Authorization: `Bearer ${token}` });
      await stream.next((e) => e.event === 'resync');
      let signalled = false;
      let batchNo = 0;
      const pusher = async (p: number) => {
        while (!signalled) {
          const ids = Array.from({ length: BATCH }, (_, i) => `sd-${p}-${batchNo}-${i}`);
          batchNo += 1;
          const rows = ids.map((id) =>
            pushRow(validDoc('demands', id, 'xg.gyj', { description: '楼道'.repeat(50) })),
          );
          const outcome: Outcome = { ids, result: 'failed' };
          outcomes.push(outcome);
          try {
            const res = await client.push('demands', rows);
            if (res.status === 200 && res.body.refused.length === 0) outcome.result = 'acked';
          } catch {
            // Connection refused or reset once the hub has stopped: not acknowledged.
          }
        }
      };
      const pushing = Array.from({ length: PUSHERS }, (_, p) => pusher(p));
      while (outcomes.filter((o) => o.result === 'acked').length < PUSHERS) {
        await new Promise((r) => setTimeout(r, 5));
      }
      // A batch whose body is still arriving when SIGTERM comes: the hub must finish it.
      const slowIds = Array.from({ length: BATCH }, (_, i) => `slow-${i}`);
      const slow = slowPush(
        hub.url,
        token,
        slowIds.map((id) => pushRow(validDoc('demands', id, 'xg.gyj'))),
      );
      // Signal only once the hub has the request (its debug line), however loaded the machine is.
      while (!hub.logs.some((e) => e['msg'] === 'request received' && e['requestId'] === 'slow-push')) {
        await new Promise((r) => setTimeout(r, 10));
      }
      signalled = true;
      const exit = hub.stop('SIGTERM');
      while (!hub.logs.some((e) => e['msg'] === 'signal received'))
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 200));
      slow.finish();
      const answer = await slow.response;
      expect(answer).toEqual({ status: 200, body: { conflicts: [], refused: [] } });
      outcomes.push({ ids: slowIds, result: 'acked' });
      await Promise.all(pushing);
      expect(await exit).toBe(0);
      await stream.ended(5000);
      const signalAt = hub.logs.findIndex((e) => e['msg'] === 'signal received');
      const after = hub.logs.slice(signalAt).filter((e) => e['msg'] === 'request' && e['route'] === 'push');
      expect(after.some((e) => e['status'] === 200 && e['rows'] === BATCH)).toBe(true);
    });

    it('restarts with every acknowledged batch, and no batch half applied', async () => {
      hub = await startHubProcess({ dataDir: hub.dataDir, env: setup.env });
      const present = new Set((await deviceClient(hub.url, token).pullAll('demands')).map((d) => d.id));
      const acked = outcomes.filter((o) => o.result === 'acked');
      expect(acked.length).toBeGreaterThan(PUSHERS);
      for (const o of acked) expect(o.ids.every((id) => present.has(id))).toBe(true);
      for (const o of outcomes) {
        const applied = o.ids.filter((id) => present.has(id)).length;
        expect([0, BATCH]).toContain(applied);
      }
    });
  });
}
