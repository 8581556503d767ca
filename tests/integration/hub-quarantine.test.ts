// A flood of refused rows cannot grow the hub's quarantine without bound (issue 17, point 4): each
// device keeps its newest rows up to the cap, the rest are counted, the flooding device is
// throttled and shown to the admin, and `npm run hub -- quarantine list|show|purge` reads and
// clears it — over the running hub's admin route.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuarantineAnswer } from '../../hub/src/admin/quarantine-action';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import { validDoc } from '../../hub/src/testing/fixtures';
import { enrollDevice, runCli, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';
import { QUARANTINE_CAP } from '../../hub/src/store/quarantine-sql';

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('bounded quarantine'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    const cli = async (...args: string[]) => {
      const r = await runCli([...args, '--data', hub.dataDir, '--json'], setup.env);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as QuarantineAnswer;
    };

    beforeAll(async () => {
      setup = await backend.setup();
      hub = await startHubProcess({ env: setup.env });
    });
    afterAll(async () => {
      await hub?.stop();
      await setup?.drop();
    });

    it('stays under its cap under a flood, throttles the flooding device and shows it to the admin', async () => {
      const flooder = await enrollDevice(hub, 'xg.gyj', 'community-worker');
      const honest = await enrollDevice(hub, 'xg.gyj', 'community-worker', 'dev-1');
      const bad = (n: number, tag: string) =>
        Array.from({ length: n }, (_, i) => pushRow({ id: `${tag}-${i}`, scope: 'xg.gyj', title: 7 }));
      const flood = deviceClient(hub.url, flooder.token);
      const first = await flood.push('demands', bad(1000, 'f1'));
      expect(first.status).toBe(200);
      expect(first.body.refused).toHaveLength(1000);
      // Over the cap: the device's next pushes are slowed down, other devices are not.
      const second = await flood.push('demands', bad(1000, 'f2'));
      expect(second.status).toBe(429);
      const ok = await deviceClient(hub.url, honest.token).push('demands', [
        pushRow(validDoc('demands', 'honest-1', 'xg.gyj')),
        ...bad(3, 'h'),
      ]);
      expect(ok.status).toBe(200);
      expect(ok.body.refused).toHaveLength(3);

      const list = await cli('quarantine', 'list', '--limit', '5');
      if (list.op !== 'list') throw new Error('not a list');
      const mine = list.devices.find((d) => d.deviceId === flooder.deviceId);
      expect(mine).toMatchObject({ kept: QUARANTINE_CAP, dropped: 1000 - QUARANTINE_CAP, throttled: true });
      expect(list.devices.find((d) => d.deviceId === honest.deviceId)).toMatchObject({
        kept: 3,
        dropped: 0,
        throttled: false,
      });
      const total = list.devices.reduce((n, d) => n + d.kept, 0);
      expect(total).toBeLessThanOrEqual(list.devices.length * QUARANTINE_CAP);
      expect(list.records).toHaveLength(5);

      const newestOfFlood = (await cli(
        'quarantine',
        'list',
        '--device',
        flooder.deviceId,
        '--limit',
        '1',
      )) as {
        records: Array<{ id: number; docId: string }>;
      };
      expect(newestOfFlood.records[0]?.docId).toBe('f1-999');
      const shown = await cli('quarantine', 'show', String(newestOfFlood.records[0]?.id));
      expect(shown).toMatchObject({ op: 'show', record: { row: { newDocumentState: { id: 'f1-999' } } } });

      expect(await cli('quarantine', 'purge', '--device', flooder.deviceId)).toEqual({
        op: 'purge',
        purged: QUARANTINE_CAP,
      });
      // Cleared by the admin: the device may push again at once.
      expect((await flood.push('demands', [pushRow(validDoc('demands', 'f-ok', 'xg.gyj'))])).status).toBe(
        200,
      );
      const refused = await runCli(['quarantine', 'purge', '--data', hub.dataDir], setup.env);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/--device、--before 或 --all/);
    });
  });
}
