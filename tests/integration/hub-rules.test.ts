// The hub enforces the app's rules on every push, with a real hub process: the shared state
// machines judge each pushed status change for the device's role, and a document or audit entry
// must name the pushing device as its author. Illegal rows are refused and quarantined with a
// Chinese reason while the legal rows of the same push apply.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorRole, CollectionName } from '#shared/domain/vocab';
import type { EnrollResponse, PushResponse } from '#shared/protocol/v1';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import { authoredBy, validDoc } from '../../hub/src/testing/fixtures';
import { enrollDevice, issueCode, redeem, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';

const SCOPE = 'xg.gyj';
const TOPIC = { status: 'handling', track: 'inDepth', level: 'courtyard' };

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('the shared rules on every push'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    const devices = new Map<ActorRole, EnrollResponse>();
    const expectedRefusals: Array<{ docId: string; code: string; reason: RegExp }> = [];

    const device = (role: ActorRole) => devices.get(role) as EnrollResponse;
    const doc = (
      collection: CollectionName,
      id: string,
      role: ActorRole,
      extra: Record<string, unknown> = {},
    ) =>
      validDoc(collection, id, `${SCOPE}.c1`, { ...authoredBy(collection, device(role).deviceId), ...extra });
    const push = async (
      role: ActorRole,
      collection: CollectionName,
      rows: unknown[],
    ): Promise<PushResponse> => {
      const res = await deviceClient(hub.url, device(role).token).push(collection, rows);
      expect(res.status).toBe(200);
      return res.body;
    };
    /** Pushes one row that must be refused with `code` and a reason matching `reason`. */
    const refused = async (
      role: ActorRole,
      collection: CollectionName,
      row: unknown,
      code: string,
      reason: RegExp,
    ) => {
      const body = await push(role, collection, [row]);
      const id = (row as { newDocumentState: { id: string } }).newDocumentState.id;
      expect(body).toEqual({ conflicts: [], refused: [{ id, code, reason: expect.stringMatching(reason) }] });
      expectedRefusals.push({ docId: id, code, reason });
    };
    const written = async (role: ActorRole, collection: CollectionName, row: unknown) => {
      expect(await push(role, collection, [row])).toEqual({ conflicts: [], refused: [] });
    };

    beforeAll(async () => {
      setup = await backend.setup();
      hub = await startHubProcess({ env: setup.env });
      for (const role of ['community-worker', 'hall-chair', 'leader'] as ActorRole[])
        devices.set(role, await enrollDevice(hub, SCOPE, role));
    });
    afterAll(async () => {
      await hub?.stop();
      await setup?.drop();
    });

    it('refuses a leader closing a topic and lets the hall-chair close it', async () => {
      const topic = doc('topics', 't-1', 'community-worker', TOPIC);
      await written('community-worker', 'topics', pushRow(topic));
      const byLeader = { ...topic, status: 'closed', updatedBy: device('leader').deviceId };
      await refused(
        'leader',
        'topics',
        pushRow(byLeader, topic),
        'role',
        /门楼院长无权把议题从「结果办理」改为「已办结」/,
      );
      const byChair = { ...topic, status: 'closed', updatedBy: device('hall-chair').deviceId };
      await written('hall-chair', 'topics', pushRow(byChair, topic));
      const stored = await deviceClient(hub.url, device('leader').token).pullAll('topics');
      expect(stored.find((t) => t.id === 't-1')).toMatchObject({ status: 'closed' });
    });

    it('refuses a hall-chair closing a demand and lets the community worker close it', async () => {
      const answered = doc('demands', 'd-1', 'community-worker', { status: 'answered' });
      await written('community-worker', 'demands', pushRow(answered));
      const byChair = { ...answered, status: 'closed', updatedBy: device('hall-chair').deviceId };
      await refused(
        'hall-chair',
        'demands',
        pushRow(byChair, answered),
        'role',
        /议事会主持人无权把诉求从「已答复」改为「已办结」/,
      );
      await written('community-worker', 'demands', pushRow({ ...answered, status: 'closed' }, answered));
    });

    it('refuses a leader creating an already-closed demand and applies the rest of the push', async () => {
      const body = await push('leader', 'demands', [
        pushRow(doc('demands', 'd-closed', 'leader', { status: 'closed' })),
        pushRow(doc('demands', 'd-new', 'leader')),
      ]);
      expect(body).toEqual({
        conflicts: [],
        refused: [
          {
            id: 'd-closed',
            code: 'role',
            reason: expect.stringMatching(/门楼院长无权新建「已办结」状态的诉求/),
          },
        ],
      });
      expectedRefusals.push({ docId: 'd-closed', code: 'role', reason: /新建/ });
      const seen = await deviceClient(hub.url, device('community-worker').token).pullAll('demands');
      expect(seen.map((d) => d.id)).toContain('d-new');
      expect(seen.map((d) => d.id)).not.toContain('d-closed');
    });

    it("refuses a document or an audit entry in another device's name", async () => {
      const worker = device('community-worker').deviceId;
      await refused(
        'leader',
        'demands',
        pushRow(doc('demands', 'd-forged', 'leader', { createdBy: worker, updatedBy: worker })),
        'author',
        /createdBy 不是本设备/,
      );
      await refused(
        'leader',
        'auditTrail',
        pushRow(doc('auditTrail', 'a-forged', 'leader', { actor: worker })),
        'author',
        /审计记录的操作人不是本设备/,
      );
      // Editing another device's document keeps its creator; claiming it is refused.
      const theirs = doc('topics', 't-2', 'community-worker', { status: 'collecting' });
      await written('community-worker', 'topics', pushRow(theirs));
      const mine = { ...theirs, title: '院长改的标题', updatedBy: device('leader').deviceId };
      await refused(
        'leader',
        'topics',
        pushRow({ ...mine, createdBy: device('leader').deviceId }, theirs),
        'author',
        /createdBy 不能修改/,
      );
      await written('leader', 'topics', pushRow(mine, theirs));
      await written('leader', 'auditTrail', pushRow(doc('auditTrail', 'a-own', 'leader')));
    });

    it('accepts the id a device set itself up with, for that device only', async () => {
      const alone = await enrollDevice(hub, SCOPE, 'community-worker', 'local-hall-pc');
      const client = deviceClient(hub.url, alone.token);
      const local = validDoc('demands', 'd-local', SCOPE, authoredBy('demands', 'local-hall-pc'));
      expect((await client.push('demands', [pushRow(local)])).body).toEqual({ conflicts: [], refused: [] });
      expect(
        (
          await client.push('auditTrail', [
            pushRow(validDoc('auditTrail', 'a-local', SCOPE, authoredBy('auditTrail', 'local-hall-pc'))),
          ])
        ).body,
      ).toEqual({ conflicts: [], refused: [] });

      // Another device may not claim that id (or a device's hub id) while its holder is active;
      // the code is not used up by the refusal.
      const { code } = await issueCode(hub, SCOPE, 'community-worker');
      for (const claimed of ['local-hall-pc', device('leader').deviceId]) {
        const taken = await redeem(hub.url, code, '另一台电脑', claimed);
        expect(taken.status).toBe(403);
        const error = ((await taken.json()) as { error: { code: string; message: string } }).error;
        expect(error.code).toBe('forbidden');
        expect(error.message).toMatch(/本设备此前已在本服务器登记为“.+”，该登记仍在使用/);
      }
      const other = await redeem(hub.url, code, '另一台电脑');
      expect(other.status).toBe(200);
      const otherToken = ((await other.json()) as EnrollResponse).token;
      const body = (
        await deviceClient(hub.url, otherToken).push('demands', [
          pushRow(validDoc('demands', 'd-claim', SCOPE, authoredBy('demands', 'local-hall-pc'))),
        ])
      ).body;
      expect(body.refused.map((r) => [r.id, r.code])).toEqual([['d-claim', 'author']]);
      expectedRefusals.push({ docId: 'd-claim', code: 'author', reason: /createdBy/ });
    });

    it('keeps every refused row in quarantine with its reason, and nothing else', async () => {
      await hub.stop();
      const store = await setup.openStore(hub.dataDir);
      try {
        const rows = await store.listQuarantine(1000);
        expect(rows.map((r) => r.docId).sort()).toEqual(expectedRefusals.map((r) => r.docId).sort());
        for (const expected of expectedRefusals) {
          const row = rows.find((r) => r.docId === expected.docId);
          expect(row?.code, expected.docId).toBe(expected.code);
          expect(row?.reason, expected.docId).toMatch(expected.reason);
        }
      } finally {
        await store.close();
      }
    });
  });
}
