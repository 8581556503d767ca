// Residents' personal information with a real hub process: a device whose role lacks `pii.read`
// (viewer, recorder, leader, hall-chair) receives no phone, ID number or address detail in a pull
// page, a stream event or a conflict answer, while a community worker does; and a push from such
// a role keeps the hub's values of the fields it never saw.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PII_FIELDS } from '#shared/schema/pii';
import type { ActorRole, CollectionName } from '#shared/domain/vocab';
import type { Doc, EnrollResponse, StreamChange } from '#shared/protocol/v1';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import type { DeviceClient } from '../../hub/src/testing/client';
import { validDoc } from '../../hub/src/testing/fixtures';
import { enrollDevice, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';
import { SseReader } from './sse-reader';

const SCOPE = 'xg.gyj';
const WITHHELD: ActorRole[] = ['viewer', 'recorder', 'leader', 'hall-chair'];

interface Device {
  enrolled: EnrollResponse;
  client: DeviceClient;
  stream: SseReader;
}

const piiOf = (collection: CollectionName, doc: Record<string, unknown>) =>
  PII_FIELDS[collection].filter((field) => doc[field] !== undefined);

/** Waits for the stream events that carry the given documents; returns them by id. */
async function streamed(reader: SseReader, ids: string[]): Promise<Map<string, Doc>> {
  const seen = new Map<string, Doc>();
  while (!ids.every((id) => seen.has(id))) {
    const change = JSON.parse((await reader.next((e) => e.event === 'change', 20_000)).data) as StreamChange;
    for (const doc of change.documents) if (ids.includes(doc.id)) seen.set(doc.id, doc);
  }
  return seen;
}

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('personal information only for roles with pii.read'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    const devices = new Map<ActorRole, Device>();
    const device = (role: ActorRole) => devices.get(role) as Device;

    const person = (id: string, by: string) =>
      validDoc('people', id, `${SCOPE}.c1`, {
        createdBy: by,
        updatedBy: by,
        phone: '13800000001',
        idNumber: '110101195001011234',
        addressDetail: '3号楼2单元401',
      });
    const demand = (id: string, by: string) =>
      validDoc('demands', id, `${SCOPE}.c1`, {
        createdBy: by,
        updatedBy: by,
        reporterName: '王女士',
        reporterPhone: '13900000002',
        addressDetail: '5号楼1单元302',
      });

    beforeAll(async () => {
      setup = await backend.setup();
      hub = await startHubProcess({ env: setup.env });
      for (const role of ['community-worker', ...WITHHELD] as ActorRole[]) {
        const enrolled = await enrollDevice(hub, SCOPE, role);
        const stream = await SseReader.open(`${hub.url}/v1/sync/stream`, {
          Authorization: `Bearer ${enrolled.token}`,
        });
        await stream.next((e) => e.event === 'resync');
        devices.set(role, { enrolled, client: deviceClient(hub.url, enrolled.token), stream });
      }
    });
    afterAll(async () => {
      for (const d of devices.values()) d.stream.close();
      await hub?.stop();
      await setup?.drop();
    });

    it('sends the PII to a community worker only, in pulls and in stream events', async () => {
      const worker = device('community-worker');
      const by = worker.enrolled.deviceId;
      expect((await worker.client.push('people', [pushRow(person('p1', by))])).body).toEqual({
        conflicts: [],
        refused: [],
      });
      expect((await worker.client.push('demands', [pushRow(demand('d1', by))])).body).toEqual({
        conflicts: [],
        refused: [],
      });

      for (const [role, d] of devices) {
        const events = await streamed(d.stream, ['p1', 'd1']);
        const people = await d.client.pullAll('people');
        // A first pull pages newest first: the same documents, the same fields withheld.
        const newest = (await (
          await fetch(`${hub.url}/v1/sync/people/pull?order=newest`, {
            headers: { Authorization: `Bearer ${d.enrolled.token}` },
          })
        ).json()) as { documents: Doc[] };
        const demands = await d.client.pullAll('demands');
        const expected = role === 'community-worker';
        for (const [collection, doc] of [
          ['people', events.get('p1')],
          ['people', people.find((p) => p.id === 'p1')],
          ['people', newest.documents.find((p) => p.id === 'p1')],
          ['demands', events.get('d1')],
          ['demands', demands.find((p) => p.id === 'd1')],
        ] as const) {
          expect(doc, `${role} ${collection}`).toBeDefined();
          expect(piiOf(collection, doc as Doc), `${role} ${collection}`).toEqual(
            expected ? PII_FIELDS[collection] : [],
          );
        }
        // What is not personal information still arrives, the reporter's name among it.
        expect(demands.find((p) => p.id === 'd1')).toMatchObject({
          title: '楼道灯不亮',
          reporterName: '王女士',
        });
      }
    });

    it('keeps the PII when a hall-chair edits a demand it saw without it, and answers its conflicts without it', async () => {
      const chair = device('hall-chair');
      const [seen] = (await chair.client.pullAll('demands')).filter((d) => d.id === 'd1');
      expect(seen).toBeDefined();
      const edited = { ...seen, title: '楼道灯已报修', updatedBy: chair.enrolled.deviceId };
      const res = await chair.client.push('demands', [pushRow(edited, seen as Doc)]);
      expect(res.body).toEqual({ conflicts: [], refused: [] });
      const stored = (await device('community-worker').client.pullAll('demands')).find((d) => d.id === 'd1');
      expect(stored).toMatchObject({
        title: '楼道灯已报修',
        reporterPhone: '13900000002',
        addressDetail: '5号楼1单元302',
      });

      // A stale edit: the conflict answer is the hub's state as the hall-chair may see it.
      const stale = await chair.client.push('demands', [
        pushRow({ ...edited, title: '又改了' }, seen as Doc),
      ]);
      expect(stale.body.refused).toEqual([]);
      expect(stale.body.conflicts).toHaveLength(1);
      expect(stale.body.conflicts[0]).toMatchObject({ id: 'd1', title: '楼道灯已报修' });
      expect(piiOf('demands', stale.body.conflicts[0] as Doc)).toEqual([]);

      // The worker's conflict answer carries the PII it may read.
      const workerStale = await device('community-worker').client.push('demands', [
        pushRow(
          { ...demand('d1', device('community-worker').enrolled.deviceId), title: '另一个' },
          demand('d1', device('community-worker').enrolled.deviceId),
        ),
      ]);
      expect(workerStale.body.conflicts[0]).toMatchObject({ reporterPhone: '13900000002' });
    });
  });
}
