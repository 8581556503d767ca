// Backup and restore of a running hub (issue 17, point 3), on PGlite and PostgreSQL: `backup
// --out` while the hub serves, `restore --from` with it stopped; the restored hub has a new epoch,
// keeps devices enrolled (and revoked) after the backup, and takes back what devices push again.
// A damaged backup is refused and changes nothing.

import { gunzipSync, gzipSync } from 'node:zlib';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthResponse } from '#shared/protocol/v1';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import { editOf, validDoc } from '../../hub/src/testing/fixtures';
import { adminSecretOf, enrollDevice, runCli, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';

const health = async (hub: HubProcess) =>
  (await (await fetch(`${hub.url}/v1/health`)).json()) as HealthResponse;

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('backup and restore'), () => {
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

    it('restores a backup with a new epoch; devices push back what the backup lacks', async () => {
      const before = await health(hub);
      expect(before.epoch).toBe('0');
      // The fixtures' documents carry dev-1: both workers name it (the second after the first is revoked).
      const device = await enrollDevice(hub, 'xg.gyj', 'community-worker', 'dev-1');
      const client = deviceClient(hub.url, device.token);
      const d = (id: string) => validDoc('demands', id, 'xg.gyj');
      expect(
        (
          await client.push(
            'demands',
            ['b1', 'b2', 'b3'].map((id) => pushRow(d(id))),
          )
        ).status,
      ).toBe(200);

      const file = join(hub.dataDir, '..', `backup-${backend.name}-${Date.now()}.jsonl.gz`);
      const backup = await runCli(['backup', '--out', file, '--data', hub.dataDir, '--json'], setup.env);
      expect(backup.code, backup.stderr).toBe(0);
      const summary = JSON.parse(backup.stdout) as {
        tables: Record<string, { rows: number }>;
        sha256: string;
      };
      expect(summary.tables['documents']?.rows).toBe(3);
      expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
      // Residents' phones are in the backup only sealed with the hub key (which is not in it).
      const phone = '13812345678';
      const withPhone = { ...d('p1'), reporterPhone: phone };
      expect((await client.push('demands', [pushRow(withPhone)])).body.refused).toEqual([]);
      const sealedFile = `${file}.sealed`;
      expect((await runCli(['backup', '--out', sealedFile, '--data', hub.dataDir], setup.env)).code).toBe(0);
      const dumped = gunzipSync(readFileSync(sealedFile)).toString('utf8');
      expect(dumped).toContain('yhk1:');
      expect(dumped).not.toContain(phone);
      expect((await client.pullAll('demands')).find((x) => x.id === 'p1')?.['reporterPhone']).toBe(phone);

      // Acknowledged after the backup: two new documents and an edit, a device enrolled, one revoked.
      const after = [d('a1'), d('a2')];
      const edited = editOf(d('b1'), 2);
      expect(
        (
          await client.push(
            'demands',
            after.map((x) => pushRow(x)),
          )
        ).body.refused,
      ).toEqual([]);
      expect((await client.push('demands', [pushRow(edited, { ...d('b1'), _deleted: false })])).body).toEqual(
        {
          conflicts: [],
          refused: [],
        },
      );
      const late = await enrollDevice(hub, 'xg.gyj', 'viewer');
      await fetch(`${hub.url}/v1/admin/devices/${device.deviceId}/revoke`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminSecretOf(hub)}` },
      });
      const other = await enrollDevice(hub, 'xg.gyj', 'community-worker', 'dev-1');

      const running = await runCli(['restore', '--from', file, '--data', hub.dataDir], setup.env);
      expect(running.code).toBe(1);
      expect(running.stderr).toMatch(/请先停止/);
      if (backend.name === 'postgres') {
        // From another folder (another machine of the street office, with the same hub key), the
        // hub serving the database is seen through PostgreSQL itself.
        const elsewhere = join(hub.dataDir, '..', `elsewhere-${Date.now()}`);
        mkdirSync(elsewhere, { recursive: true });
        const key = join(hub.dataDir, 'hub-key');
        if (existsSync(key)) copyFileSync(key, join(elsewhere, 'hub-key'));
        const remote = await runCli(['restore', '--from', file, '--data', elsewhere], setup.env);
        expect(remote.code).toBe(1);
        expect(remote.stderr).toMatch(/另有同步服务进程正在使用这个数据库/);
        expect(remote.stderr).toMatch(/数据库没有任何改动/);
      }
      await hub.stop();

      // A damaged file is refused before anything changes.
      const damaged = `${file}.damaged`;
      const text = gunzipSync(readFileSync(file)).toString('utf8').replace('"b2"', '"bX"');
      writeFileSync(damaged, gzipSync(text));
      const refused = await runCli(['restore', '--from', damaged, '--data', hub.dataDir], setup.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/摘要不符/);

      const restored = await runCli(['restore', '--from', file, '--data', hub.dataDir, '--json'], setup.env);
      expect(restored.code, restored.stderr).toBe(0);
      hub = await startHubProcess({ dataDir: hub.dataDir, env: setup.env });
      const now = await health(hub);
      expect(now.hubId).toBe(before.hubId);
      expect(now.epoch).not.toBe('0');

      // Devices enrolled after the backup still work; the one revoked after it stays revoked.
      expect((await deviceClient(hub.url, late.token).pull('demands')).status).toBe(200);
      expect((await deviceClient(hub.url, device.token).pull('demands')).status).toBe(401);
      const worker = deviceClient(hub.url, other.token);
      const held = await worker.pullAll('demands');
      expect(held.map((x) => x.id).sort()).toEqual(['b1', 'b2', 'b3']);
      expect(held.some((x) => x.id === 'p1')).toBe(false);
      // What a device pushes back after noticing the epoch: every local state, assumed unknown.
      const back = await worker.push(
        'demands',
        [...after, edited].map((x) => pushRow(x)),
      );
      expect(back.body.refused).toEqual([]);
      expect(back.body.conflicts.map((c) => c.id)).toEqual(['b1']);
      const master = back.body.conflicts[0] as Record<string, unknown>;
      expect((await worker.push('demands', [pushRow(edited, master)])).body).toEqual({
        conflicts: [],
        refused: [],
      });
      const final = await worker.pullAll('demands');
      expect(final.map((x) => x.id).sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'b3']);
      expect(final.find((x) => x.id === 'b1')).toMatchObject({ title: edited['title'] });
    });

    it('runs purge-pii over the running hub and records it in the audit trail', async () => {
      const r = await runCli(
        ['purge-pii', '--before', '2024-01-01', '--data', hub.dataDir, '--json'],
        setup.env,
      );
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({
        before: '2024-01-01T00:00:00.000Z',
        documents: 0,
        quarantine: 0,
      });
      expect(hub.logs.some((e) => e['msg'] === 'pii purged')).toBe(true);
    });
  });
}
