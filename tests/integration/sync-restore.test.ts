// A hub restored from a backup, with real devices (issue 17, point 3): backup → writes → restore →
// writes leaves every device with every document and no acknowledged write lost. The devices
// notice the new hub epoch on their next contact, start a fresh replication (pull from the
// beginning, push every local state) and so give the restored hub back what the backup lacked.

import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase } from '../../hub/src/testing/pg';
import type { TempDatabase } from '../../hub/src/testing/pg';
import { BACKENDS, freshScope } from './sync-support/backends';
import { demand } from './sync-support/docs';
import { DeviceProcess, HubProcess, wait } from './sync-support/processes';

type Doc = Record<string, unknown>;
type Dump = Record<string, Doc[]>;

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(`devices survive a hub restore (${backend.name})`, () => {
    let temp: TempDatabase | undefined;
    let hub: HubProcess;
    const scope = freshScope();
    const devices = ['a', 'b'].map((n) => new DeviceProcess(`restore-${n}`));
    const [a, b] = devices as [DeviceProcess, DeviceProcess];

    beforeAll(async () => {
      // A restore replaces the whole database: never the one other test files share.
      temp = backend.databaseUrl ? await createTempDatabase() : undefined;
      hub = new HubProcess(temp ? { databaseUrl: temp.url } : {});
      await hub.start();
      for (const d of devices) {
        const code = await hub.enrollCode(scope, 'community-worker', d.name);
        await d.call('open', { hubUrl: hub.url, code, name: d.name });
      }
    });
    afterAll(async () => {
      await Promise.all(devices.map((d) => d.dispose()));
      await hub?.dispose();
      await temp?.drop();
    });

    it('leaves every device with every document after backup → writes → restore → writes', async () => {
      await a.call('insert', { collection: 'demands', doc: demand('r1', scope) });
      await a.call('insert', { collection: 'demands', doc: demand('r2', scope) });
      for (const d of devices) await d.syncUntilDone();
      const file = join(tmpdir(), `yishi-restore-${Date.now()}.jsonl.gz`);
      await hub.backup(file);

      // Acknowledged by the hub after the backup.
      await a.call('insert', { collection: 'demands', doc: demand('r3', scope) });
      await a.call('patch', { collection: 'demands', id: 'r1', patch: { title: '备份之后改的标题' } });
      await b.call('insert', { collection: 'demands', doc: demand('r4', scope) });
      for (const d of devices) await d.syncUntilDone();
      for (const d of devices) await d.syncUntilDone();

      await hub.stop();
      await hub.restore(file);
      await hub.start();
      // Each device notices the new epoch on its next contact and starts over.
      for (const d of devices) {
        const deadline = Date.now() + 60_000;
        while (!d.events.some((e) => e['event'] === 'epoch') && Date.now() < deadline) await wait(200);
        expect(
          d.events.some((e) => e['event'] === 'epoch'),
          d.name,
        ).toBe(true);
      }
      await b.call('insert', { collection: 'demands', doc: demand('r5', scope) });
      for (let round = 0; round < 2; round += 1) for (const d of devices) await d.syncUntilDone();

      const expected = ['r1', 'r2', 'r3', 'r4', 'r5'];
      const held = await hub.pullAll(scope, ['demands']);
      expect(held['demands']?.map((d) => d['id'])).toEqual(expected);
      expect(held['demands']?.find((d) => d['id'] === 'r1')?.['title']).toBe('备份之后改的标题');
      for (const d of devices) {
        const dump = await d.call<Dump>('dump');
        const demands = dump['demands'] ?? [];
        expect(
          demands.map((x) => x['id']),
          d.name,
        ).toEqual(expected);
        expect(demands.find((x) => x['id'] === 'r1')?.['title'], d.name).toBe('备份之后改的标题');
      }
    });
  });
}
