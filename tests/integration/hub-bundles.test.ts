// Sync bundles with a real hub process, on PGlite and (with YISHI_TEST_PG_URL) on PostgreSQL:
// `import-bundle` applies a hall device's rows exactly as a push (scope, role, conflicts,
// quarantine), answers with a signed return bundle of what the device's scope gained, changes
// nothing when the same bundle comes twice, and refuses tampered bundles and revoked devices.
// A street-office device can upload a bundle over its own authenticated route.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SYNC_BUNDLE_FORMAT,
  SYNC_BUNDLE_VERSION,
  bundleKeyFromToken,
  parseBundle,
  signBundle,
  verifyBundle,
} from '#shared/protocol/bundle';
import type { DeviceBundle, ReturnBundle } from '#shared/protocol/bundle';
import type { EnrollResponse, PushRow } from '#shared/protocol/v1';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import { authoredBy, editOf, validDoc } from '../../hub/src/testing/fixtures';
import { enrollDevice, freshDataDir, runCli, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';

const meeting = (id: string, scope: string, by: string, extra: Record<string, unknown> = {}) =>
  validDoc('meetings', id, scope, { createdBy: by, updatedBy: by, title: `议事会 ${id}`, ...extra });

function deviceBundle(
  device: EnrollResponse,
  bundleId: string,
  checkpoints: DeviceBundle['checkpoints'],
  meetings: PushRow[],
): DeviceBundle {
  return signBundle<DeviceBundle>(
    {
      format: SYNC_BUNDLE_FORMAT,
      version: SYNC_BUNDLE_VERSION,
      kind: 'device',
      hubId: device.hubId,
      deviceId: device.deviceId,
      bundleId,
      createdAt: '2026-12-04T08:00:00.000Z',
      scope: device.scope,
      checkpoints,
      changes: { meetings },
    },
    bundleKeyFromToken(device.token),
  );
}

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('sync bundles through import-bundle'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    let folder: string;
    let hall: EnrollResponse;
    let laptop: EnrollResponse;
    let office: EnrollResponse;
    let hallCheckpoint = 0;
    const file = (name: string, content: unknown) => {
      const path = join(folder, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    };
    const importCli = (path: string, out: string) =>
      runCli(['import-bundle', path, '--out', out, '--data', hub.dataDir], setup.env);
    const readReturn = (path: string): ReturnBundle => {
      const parsed = parseBundle(readFileSync(path, 'utf8'));
      if ('error' in parsed || parsed.bundle.kind !== 'return') throw new Error('not a return bundle');
      return parsed.bundle;
    };

    beforeAll(async () => {
      setup = await backend.setup();
      hub = await startHubProcess({ dataDir: await freshDataDir(), env: setup.env });
      folder = mkdtempSync(join(tmpdir(), 'yishi-bundles-'));
      hall = await enrollDevice(hub, 'xg.gyj', 'community-worker');
      laptop = await enrollDevice(hub, 'xg.gyj', 'community-worker');
      office = await enrollDevice(hub, 'xg', 'street-staff');
      // Both devices know a meeting before the hall loses its line.
      const shared = meeting('m-shared', 'xg.gyj', laptop.deviceId);
      expect((await deviceClient(hub.url, laptop.token).push('meetings', [pushRow(shared)])).status).toBe(
        200,
      );
      const pulled = await deviceClient(hub.url, hall.token).pull('meetings', 0, 2000);
      hallCheckpoint = pulled.body.checkpoint?.seq ?? 0;
      expect(pulled.body.documents.map((d) => d.id)).toContain('m-shared');
    }, 120_000);

    afterAll(async () => {
      await hub?.stop();
      await setup?.drop();
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('applies the rows as a push and answers with everything the scope gained', async () => {
      const laptopClient = deviceClient(hub.url, laptop.token);
      // Meanwhile the laptop records a meeting and edits the shared one.
      const fromLaptop = meeting('m-laptop', 'xg.gyj', laptop.deviceId);
      const shared = meeting('m-shared', 'xg.gyj', laptop.deviceId);
      const sharedByLaptop = editOf(shared, 7);
      expect(
        (await laptopClient.push('meetings', [pushRow(fromLaptop), pushRow(sharedByLaptop, shared)])).body,
      ).toEqual({ conflicts: [], refused: [] });

      const fromHall = meeting('m-hall', 'xg.gyj', hall.deviceId);
      const sharedByHall = { ...editOf(shared, 9), updatedBy: hall.deviceId, title: '议事厅改的标题' };
      const elsewhere = meeting('m-elsewhere', 'xg.hxdj', hall.deviceId);
      const bundle = deviceBundle(hall, 'b-1', { meetings: hallCheckpoint }, [
        pushRow(fromHall),
        pushRow(sharedByHall, shared),
        pushRow(elsewhere),
      ] as PushRow[]);
      const out = join(folder, 'return-1.json');
      const run = await importCli(file('bundle-1.json', bundle), out);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('更改 3 条，写入 1 条，冲突 1 条，拒收 1 条');

      const answer = readReturn(out);
      expect(verifyBundle(answer, bundleKeyFromToken(hall.token))).toBe(true);
      expect(verifyBundle(answer, bundleKeyFromToken(laptop.token))).toBe(false);
      expect(answer).toMatchObject({ deviceId: hall.deviceId, answers: 'b-1', replay: false });
      expect(answer.outcomes.meetings?.accepted).toEqual(['m-hall']);
      expect(answer.outcomes.meetings?.conflicts).toEqual(['m-shared']);
      expect(answer.outcomes.meetings?.refused).toEqual([
        expect.objectContaining({ id: 'm-elsewhere', code: 'scope' }),
      ]);
      // The hub's state of every pushed document the hall may see: its own, and the laptop's edit.
      const states = new Map(answer.hubStates.meetings?.map((d) => [d.id, d]));
      expect(states.get('m-shared')?.['updatedAt']).toBe(sharedByLaptop['updatedAt']);
      expect(states.get('m-hall')?.['title']).toBe('议事会 m-hall');
      expect(states.has('m-elsewhere')).toBe(false);
      const gained = answer.pulls.meetings?.documents.map((d) => d.id).sort();
      expect(gained).toEqual(['m-hall', 'm-laptop', 'm-shared']);
      expect(answer.pulls.meetings?.since).toBe(hallCheckpoint);
      expect(answer.pulls.meetings?.checkpoint).toBeGreaterThan(hallCheckpoint);
      // Places of the scope come along from checkpoint 0 (the bundle named none for them).
      expect(answer.pulls.places?.since).toBe(0);

      // The laptop sees the hall's meeting on its next sync; the refused one reached nobody.
      const all = await laptopClient.pullAll('meetings');
      expect(all.map((d) => d.id)).toContain('m-hall');
      expect(all.map((d) => d.id)).not.toContain('m-elsewhere');
    });

    it('changes nothing when the same bundle is imported again, and answers it again', async () => {
      const before = await deviceClient(hub.url, office.token).pullAll('meetings');
      const out = join(folder, 'return-1b.json');
      const run = await importCli(join(folder, 'bundle-1.json'), out);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('导入过，这次没有再写入任何数据');
      const after = await deviceClient(hub.url, office.token).pullAll('meetings');
      expect(after).toEqual(before);
      const answer = readReturn(out);
      expect(answer.replay).toBe(true);
      expect(answer.outcomes.meetings?.accepted).toEqual(['m-hall']);
      expect(verifyBundle(answer, bundleKeyFromToken(hall.token))).toBe(true);
    });

    it("answers a hall-chair's bundle without residents' personal information", async () => {
      const phone = '13900000077';
      const demand = validDoc('demands', 'd-pii', 'xg.gyj', {
        ...authoredBy('demands', office.deviceId),
        reporterPhone: phone,
        addressDetail: '7号楼1单元101',
      });
      expect((await deviceClient(hub.url, office.token).push('demands', [pushRow(demand)])).body).toEqual({
        conflicts: [],
        refused: [],
      });
      const chair = await enrollDevice(hub, 'xg.gyj', 'hall-chair');
      const bundle = deviceBundle(chair, 'b-chair', {}, [
        pushRow(meeting('m-chair', 'xg.gyj', chair.deviceId)),
      ] as PushRow[]);
      const out = join(folder, 'return-chair.json');
      const run = await importCli(file('bundle-chair.json', bundle), out);
      expect(run.code, run.stderr).toBe(0);
      const answer = readReturn(out);
      expect(answer.outcomes.meetings?.accepted).toEqual(['m-chair']);
      const returned = answer.pulls.demands?.documents.find((d) => d.id === 'd-pii');
      expect(returned).toMatchObject({ title: demand['title'] });
      expect(returned).not.toHaveProperty('reporterPhone');
      expect(returned).not.toHaveProperty('addressDetail');
      expect(JSON.stringify(answer)).not.toContain(phone);
    });

    it('refuses a tampered bundle and writes nothing', async () => {
      const bundle = deviceBundle(hall, 'b-2', { meetings: hallCheckpoint }, [
        pushRow(meeting('m-tampered', 'xg.gyj', hall.deviceId)),
      ] as PushRow[]);
      const text = JSON.stringify(bundle).replace('议事会 m-tampered', '议事会 被改过');
      const out = join(folder, 'return-2.json');
      const run = await importCli(file('bundle-2.json', text), out);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('同步包校验失败');
      const all = await deviceClient(hub.url, office.token).pullAll('meetings');
      expect(all.map((d) => d.id)).not.toContain('m-tampered');
      expect(() => readFileSync(out)).toThrow();
    });

    it('refuses the bundle of a revoked device', async () => {
      const gone = await enrollDevice(hub, 'xg.gyj', 'community-worker');
      await deviceClient(hub.url, gone.token).pull('meetings');
      const bundle = deviceBundle(gone, 'b-3', {}, [
        pushRow(meeting('m-revoked', 'xg.gyj', gone.deviceId)),
      ] as PushRow[]);
      const revoke = await runCli(['revoke', gone.deviceId, '--data', hub.dataDir], setup.env);
      expect(revoke.code).toBe(0);
      const run = await importCli(file('bundle-3.json', bundle), join(folder, 'return-3.json'));
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/已于 .+（北京时间）停用，拒绝导入它的同步包/);
      const all = await deviceClient(hub.url, office.token).pullAll('meetings');
      expect(all.map((d) => d.id)).not.toContain('m-revoked');
      expect(run.stderr).toContain('--from-revoked');

      // The administrator confirms: the revoked device's unsynced changes are taken in under the
      // rules of its registration, no return bundle is written, and a conflict is named.
      const edited = {
        ...editOf(
          all.find((d) => d.id === 'm-shared')!,
          7,
          gone.deviceId,
        ),
        title: '停用前改的标题',
      };
      const changed = deviceBundle(gone, 'b-3r', {}, [
        pushRow(meeting('m-revoked', 'xg.gyj', gone.deviceId)),
        { newDocumentState: edited, assumedMasterState: { ...edited, title: '别的旧标题' } },
      ] as PushRow[]);
      const out = join(folder, 'return-3r.json');
      const taken = await runCli(
        [
          'import-bundle',
          file('bundle-3r.json', changed),
          '--from-revoked',
          '--out',
          out,
          '--data',
          hub.dataDir,
        ],
        setup.env,
      );
      expect(taken.code).toBe(0);
      expect(taken.stdout).toMatch(
        /已导入已停用设备“.+”（.+停用于 .+）的未同步修改 b-3r：更改 2 条，写入 1 条，冲突 1 条，拒收 0 条/,
      );
      expect(taken.stdout).toContain('meetings/m-shared');
      expect(() => readFileSync(out)).toThrow();
      const after = await deviceClient(hub.url, office.token).pullAll('meetings');
      expect(after.map((d) => d.id)).toContain('m-revoked');
      expect(after.find((d) => d.id === 'm-shared')?.['title']).not.toBe('停用前改的标题');
    });

    it('lets a street-office device upload a bundle, and nobody else', async () => {
      const bundle = deviceBundle(hall, 'b-4', { meetings: hallCheckpoint }, [
        pushRow(meeting('m-uploaded', 'xg.gyj', hall.deviceId)),
      ] as PushRow[]);
      const upload = (token: string, body: string) =>
        fetch(`${hub.url}/v1/sync/bundles`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body,
        });
      const byLaptop = await upload(laptop.token, JSON.stringify(bundle));
      expect(byLaptop.status).toBe(403);
      const tampered = await upload(
        office.token,
        JSON.stringify({ ...bundle, checkpoints: { meetings: 0 } }),
      );
      expect(tampered.status).toBe(400);
      expect(((await tampered.json()) as { error: { message: string } }).error.message).toContain('校验失败');
      const res = await upload(office.token, JSON.stringify(bundle));
      expect(res.status).toBe(200);
      const report = (await res.json()) as { written: number; answer: ReturnBundle };
      expect(report.written).toBe(1);
      expect(verifyBundle(report.answer, bundleKeyFromToken(hall.token))).toBe(true);
      expect(report.answer.outcomes.meetings?.accepted).toEqual(['m-uploaded']);
    });
  });
}
