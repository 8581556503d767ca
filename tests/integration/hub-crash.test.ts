// kill -9 while a device pushes (issue 17): the hub process is killed and restarted five times
// while a client pushes without pause; every document the hub acknowledged is there afterwards,
// on PGlite (its data folder recovered after each crash) and on PostgreSQL.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import { validDoc } from '../../hub/src/testing/fixtures';
import { enrollDevice, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';

const KILLS = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('kill -9 during pushes'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    beforeAll(async () => {
      setup = await backend.setup();
      hub = await startHubProcess({ env: setup.env });
    });
    afterAll(async () => {
      await hub?.stop();
      await setup?.drop();
    });

    it(`loses no acknowledged document over ${KILLS} crashes`, async () => {
      const device = await enrollDevice(hub, 'xg.gyj', 'community-worker', 'dev-1');
      const port = Number(new URL(hub.url).port);
      const acknowledged: string[] = [];
      let failures = 0;
      let pushing = true;
      // Batches of five new documents, pushed one after the other as fast as the hub answers; a
      // batch whose answer is lost is pushed again (a replay is a no-op on the hub).
      const pusher = (async () => {
        for (let batch = 0; pushing; batch += 1) {
          const docs = Array.from({ length: 5 }, (_, i) => validDoc('demands', `k${batch}-${i}`, 'xg.gyj'));
          for (;;) {
            try {
              const res = await deviceClient(hub.url, device.token).push(
                'demands',
                docs.map((d) => pushRow(d)),
              );
              if (res.status === 200 && res.body.refused.length === 0 && res.body.conflicts.length === 0) {
                acknowledged.push(...docs.map((d) => String(d['id'])));
                break;
              }
              failures += 1;
            } catch {
              failures += 1;
            }
            if (!pushing) return;
            await sleep(50);
          }
        }
      })();
      for (let kill = 0; kill < KILLS; kill += 1) {
        await sleep(300 + kill * 100);
        const ackBefore = acknowledged.length;
        await hub.stop('SIGKILL');
        hub = await startHubProcess({ dataDir: hub.dataDir, env: setup.env, port });
        // Pushing went on before the kill.
        expect(ackBefore).toBeGreaterThan(0);
      }
      await sleep(500);
      pushing = false;
      await pusher;
      const held = new Set((await deviceClient(hub.url, device.token).pullAll('demands')).map((d) => d.id));
      const lost = acknowledged.filter((id) => !held.has(id));
      expect(acknowledged.length).toBeGreaterThan(KILLS * 5);
      expect(failures).toBeGreaterThan(0);
      expect(lost).toEqual([]);
    });
  });
}
