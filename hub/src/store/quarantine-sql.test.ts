import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '#shared/protocol/v1';
import type { Driver } from '../db/driver';
import { DRIVER_BACKENDS } from '../testing/backends';
import { validDoc } from '../testing/fixtures';
import { QUARANTINE_CAP, addQuarantine } from './quarantine-sql';
import { storeOverDriver } from './store';
import type { Store } from './store';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const DAY = 24 * 3600_000;
const refused = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${tag}-${i}`,
    code: 'schema' as const,
    reason: '数据格式不符合要求',
    raw: { newDocumentState: { id: `${tag}-${i}` } },
  }));

for (const backend of DRIVER_BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('quarantine and attachments'), () => {
    let driver: Driver;
    let store: Store;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ driver, drop } = await backend.open());
      store = await storeOverDriver(driver);
    });
    afterAll(async () => {
      await store?.close();
      await drop?.();
    });

    it('keeps the newest rows per device under the cap, counts the dropped ones and throttles the device', async () => {
      for (let batch = 0; batch < 4; batch += 1) {
        await driver.transaction((tx) =>
          addQuarantine(tx, 'dev-flood', 'demands', NOW, refused(200, `b${batch}`)),
        );
      }
      await driver.transaction((tx) => addQuarantine(tx, 'dev-quiet', 'demands', NOW, refused(3, 'q')));
      const summary = await store.quarantineSummary();
      expect(summary).toEqual([
        {
          deviceId: 'dev-flood',
          kept: QUARANTINE_CAP,
          dropped: 800 - QUARANTINE_CAP,
          lastDroppedAt: NOW.toISOString(),
        },
        { deviceId: 'dev-quiet', kept: 3, dropped: 0, lastDroppedAt: null },
      ]);
      const newest = await store.quarantineRecords({ deviceId: 'dev-flood', limit: 1 });
      expect(newest[0]?.docId).toBe('b3-199');
      const shown = await store.quarantineRecord(newest[0]?.id ?? 0);
      expect(shown?.row).toEqual({ newDocumentState: { id: 'b3-199' } });
      expect(
        await store.quarantineThrottledUntil('dev-flood', new Date(NOW.getTime() + 1000)),
      ).not.toBeNull();
      expect(
        await store.quarantineThrottledUntil('dev-flood', new Date(NOW.getTime() + 3600_000)),
      ).toBeNull();
      expect(await store.quarantineThrottledUntil('dev-quiet', NOW)).toBeNull();
      expect(await store.purgeQuarantine({ deviceId: 'dev-flood' })).toBe(QUARANTINE_CAP);
      expect(await store.quarantineSummary()).toEqual([
        { deviceId: 'dev-quiet', kept: 3, dropped: 0, lastDroppedAt: null },
      ]);
    });

    it('keeps only the beginning of a huge refused row', async () => {
      const huge = [{ id: 'huge', code: 'schema' as const, reason: 'x', raw: { blob: 'y'.repeat(200_000) } }];
      await driver.transaction((tx) => addQuarantine(tx, 'dev-huge', 'demands', NOW, huge));
      const [record] = await store.quarantineRecords({ deviceId: 'dev-huge', limit: 1 });
      const shown = await store.quarantineRecord(record?.id ?? 0);
      expect(shown?.row).toMatchObject({ truncated: true, chars: expect.any(Number) as number });
    });

    it('collects photo bytes that no document references once the grace period has passed', async () => {
      const bytes = Buffer.from('jpeg bytes');
      const photo = (id: string, digest: string) => ({
        id,
        digest,
        type: 'image/jpeg',
        length: bytes.length,
      });
      const doc = validDoc('demands', 'd-photo', 'xg.gyj', {
        photos: [photo('p1', 'a'.repeat(64))],
      }) as unknown as Doc;
      await store.seed([{ collection: 'demands', doc: { ...doc, _deleted: false } }], () => false);
      for (const [attId, digest] of [
        ['p1', 'a'.repeat(64)],
        ['p1', 'b'.repeat(64)],
        ['p2', 'c'.repeat(64)],
      ] as const)
        await store.putAttachment({
          collection: 'demands',
          docId: 'd-photo',
          attId,
          digest,
          contentType: 'image/jpeg',
          data: bytes,
        });
      // First pass marks the two unreferenced ones; nothing is old enough yet.
      expect(await store.collectAttachments(NOW, 7 * DAY)).toEqual({ deleted: 0, bytes: 0 });
      // The document points at p2 again before the grace ends: p2 is kept.
      await store.seed(
        [
          {
            collection: 'demands',
            doc: {
              ...doc,
              photos: [photo('p1', 'a'.repeat(64)), photo('p2', 'c'.repeat(64))],
              _deleted: false,
            } as Doc,
          },
        ],
        () => false,
      );
      expect(await store.collectAttachments(new Date(NOW.getTime() + 3 * DAY), 7 * DAY)).toEqual({
        deleted: 0,
        bytes: 0,
      });
      const later = new Date(NOW.getTime() + 8 * DAY);
      expect(await store.collectAttachments(later, 7 * DAY)).toEqual({ deleted: 1, bytes: bytes.length });
      expect(await store.attachment('demands', 'd-photo', 'p1', 'b'.repeat(64))).toBeNull();
      expect(await store.attachment('demands', 'd-photo', 'p2', 'c'.repeat(64))).not.toBeNull();
      // Deleting the document releases the rest, after the grace period.
      await store.seed([{ collection: 'demands', doc: { ...doc, _deleted: true } }], () => false);
      expect((await store.collectAttachments(later, 7 * DAY)).deleted).toBe(0);
      expect(await store.collectAttachments(new Date(later.getTime() + 8 * DAY), 7 * DAY)).toEqual({
        deleted: 2,
        bytes: 2 * bytes.length,
      });
    });
  });
}
