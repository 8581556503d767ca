// The hub as an administrator runs it: serve, the admin CLI in a second process while the hub
// serves the same data, enrollment codes (once, expiring), revocation, the audit trail and logs.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrollResponse, HealthResponse } from '#shared/protocol/v1';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient } from '../../hub/src/testing/client';
import { freshDataDir, redeem, runCli, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('hub CLI and enrollment'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    let device: EnrollResponse;
    const secrets: string[] = [];
    const cli = (...args: string[]) => runCli([...args, '--data', hub.dataDir], setup.env);

    let codeIssuedOffline = '';

    beforeAll(async () => {
      setup = await backend.setup();
      // No hub runs yet: the CLI opens the database itself; the hub started next must honour the code.
      const dataDir = await freshDataDir();
      const out = await runCli(
        ['enroll', '--scope', 'xg.hxdj', '--role', 'leader', '--name', '院长', '--json', '--data', dataDir],
        setup.env,
      );
      expect(out.code, out.stderr).toBe(0);
      codeIssuedOffline = (JSON.parse(out.stdout) as { code: string }).code;
      hub = await startHubProcess({ dataDir, env: setup.env });
    });
    afterAll(async () => {
      await hub?.stop();
      await setup?.drop();
    });

    it('answers health and CORS preflight', async () => {
      const res = await fetch(`${hub.url}/v1/health`);
      const body = (await res.json()) as HealthResponse;
      expect(body).toMatchObject({ ok: true, protocol: 1, database: backend.name });
      expect(body.hubId).toMatch(/^hub_/);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const pre = await fetch(`${hub.url}/v1/sync/demands/push`, {
        method: 'OPTIONS',
        headers: { Origin: 'app://yishi', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it('honours a code the CLI issued on the database while no hub was running', async () => {
      secrets.push(codeIssuedOffline);
      const res = await redeem(hub.url, codeIssuedOffline);
      expect(res.status).toBe(200);
      expect(((await res.json()) as EnrollResponse).scope).toBe('xg.hxdj');
    });

    it('issues a one-time code from a second process while the hub serves', async () => {
      const out = await cli(
        'enroll',
        '--scope',
        'xg.gyj',
        '--role',
        'community-worker',
        '--name',
        '光源街议事厅',
        '--json',
      );
      expect(out.code).toBe(0);
      const lines = out.stdout.trim().split('\n');
      expect(lines).toHaveLength(1);
      const issued = JSON.parse(lines[0] as string) as { code: string; expiresAt: string };
      expect(Object.keys(issued).sort()).toEqual(['code', 'expiresAt']);
      expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
      secrets.push(issued.code);
      const first = await redeem(hub.url, issued.code, '议事厅电脑');
      expect(first.status).toBe(200);
      device = (await first.json()) as EnrollResponse;
      expect(device).toMatchObject({ scope: 'xg.gyj', role: 'community-worker' });
      secrets.push(device.token);
      const again = await redeem(hub.url, issued.code);
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { code: string } }).error.code).toBe('code_used');
      expect((await deviceClient(hub.url, device.token).pull('demands')).status).toBe(200);
    });

    it('prints a readable code, refuses expired and unknown codes', async () => {
      const human = await cli(
        'enroll',
        '--scope',
        'xg.gyj',
        '--role',
        'recorder',
        '--name',
        '记录员',
        '--ttl',
        '0.01',
      );
      expect(human.code).toBe(0);
      expect(human.stdout).toMatch(/登记码: [0-9A-Z]{5}-[0-9A-Z]{5}/);
      const code = /登记码: (\S+)/.exec(human.stdout)?.[1] as string;
      secrets.push(code);
      await new Promise((r) => setTimeout(r, 1200));
      const expired = await redeem(hub.url, code);
      expect(expired.status).toBe(410);
      expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('code_expired');
      const unknown = await redeem(hub.url, 'ZZZZZ-ZZZZZ');
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('code_invalid');
    });

    it('lists and revokes devices; a revoked device gets 401 revoked', async () => {
      const list = await cli('devices', '--json');
      expect(list.code).toBe(0);
      const devices = JSON.parse(list.stdout) as Array<{
        deviceId: string;
        name: string;
        revokedAt: string | null;
      }>;
      expect(devices.find((d) => d.deviceId === device.deviceId)).toMatchObject({
        name: '议事厅电脑',
        revokedAt: null,
      });
      const revoked = await cli('revoke', device.deviceId);
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toContain(device.deviceId);
      const pull = await deviceClient(hub.url, device.token).pull('demands');
      expect(pull).toMatchObject({ status: 401, body: { error: { code: 'revoked' } } });
      const stranger = await deviceClient(hub.url, 'yst_not-a-token').pull('demands');
      expect(stranger).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    });

    // Seeding is the same SQL on both backends (the store tests cover PostgreSQL); once is enough here.
    it.runIf(backend.name === 'pglite')(
      'seeds the demo street from a second process, idempotently',
      async () => {
        const first = await cli('seed-demo', '--json');
        expect(first.code, first.stderr).toBe(0);
        const seeded = JSON.parse(first.stdout) as { written: number; unchanged: number; invalid: number };
        expect(seeded.written).toBeGreaterThan(1000);
        expect(seeded.invalid).toBe(0);
        const again = JSON.parse((await cli('seed-demo', '--json')).stdout) as typeof seeded;
        expect(again).toEqual({ written: 0, unchanged: seeded.written, invalid: 0 });
        expect(hub.logs.filter((e) => e['msg'] === 'demo street seeded')).toHaveLength(2);
      },
    );

    it('refuses admin routes without the admin secret', async () => {
      const res = await fetch(`${hub.url}/v1/admin/devices`, { headers: { Authorization: 'Bearer wrong' } });
      expect(res.status).toBe(401);
      const none = await fetch(`${hub.url}/v1/admin/enroll`, { method: 'POST', body: '{}' });
      expect(none.status).toBe(401);
    });

    it('logs one JSON object per line without tokens or codes, and stops cleanly', async () => {
      const code = await hub.stop('SIGTERM');
      expect(code).toBe(0);
      expect(hub.logs.length).toBeGreaterThan(5);
      for (const entry of hub.logs) {
        expect(entry).toHaveProperty('time');
        expect(entry).toHaveProperty('level');
        expect(entry).toHaveProperty('msg');
      }
      const text = JSON.stringify(hub.logs);
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(
        hub.logs.some((e) => e['msg'] === 'request' && e['route'] === 'enroll' && e['status'] === 200),
      ).toBe(true);
      expect(existsSync(join(hub.dataDir, 'hub.json'))).toBe(false);
    });

    it('audited every admin action', async () => {
      const store = await setup.openStore(hub.dataDir);
      try {
        const actions = (await store.listAudit(100)).map((e) => e.action);
        expect(actions.filter((a) => a === 'enroll-code.issue')).toHaveLength(3);
        expect(actions).toContain('device.list');
        expect(actions).toContain('device.revoke');
        expect(actions.filter((a) => a === 'demo.seed')).toHaveLength(backend.name === 'pglite' ? 2 : 0);
      } finally {
        await store.close();
      }
    });
  });
}
