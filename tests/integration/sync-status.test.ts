// 已同步 is a promise to a person: everything the hub holds for this device is here. A new device
// pulling thousands of documents in twelve collections is briefly idle between pulls; the status
// must not say 已同步 until every collection's first full pull has landed.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DeviceProcess, HubProcess, wait } from './sync-support/processes';
import { freshScope } from './sync-support/backends';
import { demand, followUp } from './sync-support/docs';

const DEMANDS = 2500;
const FOLLOW_UPS = 600;

describe('the sync status of a new device', () => {
  const hub = new HubProcess({});
  const scope = freshScope();
  const a = new DeviceProcess('a');
  const b = new DeviceProcess('b');

  beforeAll(async () => {
    await hub.start();
    for (const d of [a, b]) {
      const code = await hub.enrollCode(scope, 'community-worker', `status-${d.name}`);
      await d.call('open', { hubUrl: hub.url, code, name: `status${d.name}` });
    }
  });

  afterAll(async () => {
    await Promise.all([a.dispose(), b.dispose()]);
    await hub.dispose();
  });

  it('says 已同步 only once every document of its scope is on the device', { timeout: 180_000 }, async () => {
    await a.call('bulkInsert', {
      collection: 'demands',
      docs: Array.from({ length: DEMANDS }, (_, i) => demand(`many-${i}`, scope)),
    });
    await a.call('bulkInsert', {
      collection: 'followUps',
      docs: Array.from({ length: FOLLOW_UPS }, (_, i) => followUp(`fu-${i}`, scope, `many-${i}`, '已回访')),
    });
    await a.syncUntilDone(120_000);

    const c = new DeviceProcess('c');
    try {
      const code = await hub.enrollCode(scope, 'community-worker', 'status-c');
      await c.call('open', { hubUrl: hub.url, code, name: 'statusc' });
      const deadline = Date.now() + 120_000;
      let counts: Record<string, number> | null = null;
      while (!counts && Date.now() < deadline) {
        counts = await c.call<Record<string, number> | null>('firstSynced');
        if (!counts) await wait(100);
      }
      expect(counts).toMatchObject({ demands: DEMANDS, followUps: FOLLOW_UPS });
    } finally {
      await c.dispose();
    }
  });
});
