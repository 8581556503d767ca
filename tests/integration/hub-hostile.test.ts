// Hostile input against a running hub: every bad request gets the right 4xx with a
// machine-readable code, the hub stays up, and the database is unchanged except for quarantine.

import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { EnrollResponse } from '#shared/protocol/v1';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import type { DeviceClient } from '../../hub/src/testing/client';
import { editOf, validDoc } from '../../hub/src/testing/fixtures';
import {
  adminSecretOf,
  enrollDevice,
  issueCode,
  redeem,
  startHubProcess,
} from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';
import { SseReader } from './sse-reader';

const SQL = "x'); drop table documents; --";
const PATH = '../../../etc/passwd';

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('hostile input'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    let street: DeviceClient;
    let gyj: DeviceClient;
    let gyjDevice: EnrollResponse;
    let revoked: EnrollResponse;
    let usedCode = '';
    let expiredCode = '';
    let replayBatch: unknown[] = [];
    let snapshot = '';
    let quarantinedInWindow = 0;

    const raw = (path: string, init: RequestInit = {}, token = gyjDevice.token) =>
      fetch(`${hub.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
    const expectError = async (res: Response, status: number, code: string) => {
      expect(res.status, `${code}`).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    };
    const takeSnapshot = async () => {
      const docs = await Promise.all(COLLECTION_NAMES.map(async (c) => [c, await street.pullAll(c)]));
      const devices = await fetch(`${hub.url}/v1/admin/devices`, {
        headers: { Authorization: `Bearer ${adminSecretOf(hub)}` },
      }).then((r) => r.json() as Promise<{ devices: Array<Record<string, unknown>> }>);
      const stable = devices.devices.map(({ lastSeenAt: _seen, ...rest }) => rest);
      return JSON.stringify({ docs, devices: stable });
    };

    beforeAll(async () => {
      setup = await backend.setup();
      hub = await startHubProcess({ env: setup.env });
      street = deviceClient(hub.url, (await enrollDevice(hub, 'xg', 'street-staff')).token);
      gyjDevice = await enrollDevice(hub, 'xg.gyj', 'community-worker', 'dev-1');
      gyj = deviceClient(hub.url, gyjDevice.token);
      revoked = await enrollDevice(hub, 'xg.gyj', 'community-worker');
      await fetch(`${hub.url}/v1/admin/devices/${revoked.deviceId}/revoke`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminSecretOf(hub)}` },
      });
      usedCode = (await issueCode(hub, 'xg.gyj', 'viewer')).code;
      expect((await redeem(hub.url, usedCode)).status).toBe(200);
      expiredCode = (await issueCode(hub, 'xg.gyj', 'viewer', 0.005)).code;
      await new Promise((r) => setTimeout(r, 500));
    });
    afterAll(async () => {
      await hub?.stop();
      await setup?.drop();
    });

    it('stores SQL and path strings in ids and fields verbatim, as data', async () => {
      const docs = [
        validDoc('demands', SQL.slice(0, 60), 'xg.gyj', { title: SQL, description: PATH }),
        validDoc('demands', PATH, 'xg.gyj', {
          title: '%00 \' " \\ ; -- /* */',
          reporterName: "Robert'); --",
        }),
        validDoc('cases', '😀-中文-id', 'xg.gyj', { body: '<script>alert(1)</script>' }),
      ];
      replayBatch = docs.map((d) => pushRow(d));
      const first = await gyj.push('demands', replayBatch.slice(0, 2));
      expect(first.body).toEqual({ conflicts: [], refused: [] });
      expect((await gyj.push('cases', replayBatch.slice(2))).body).toEqual({ conflicts: [], refused: [] });
      const pulled = await gyj.pullAll('demands');
      expect(pulled.find((d) => d.id === PATH)?.['reporterName']).toBe("Robert'); --");
      expect(pulled.find((d) => d.id === SQL.slice(0, 60))?.['title']).toBe(SQL);
      snapshot = await takeSnapshot();
    });

    it('changes nothing when a push is replayed', async () => {
      const seqBefore = (await gyj.pull('demands', 0, 2000)).body.checkpoint?.seq;
      const again = await gyj.push('demands', replayBatch.slice(0, 2));
      expect(again.body).toEqual({ conflicts: [], refused: [] });
      const first = (replayBatch[0] as { newDocumentState: Record<string, unknown> }).newDocumentState;
      const stale = await gyj.push('demands', [pushRow(editOf(first, 1))]);
      expect(stale.body.conflicts).toHaveLength(1);
      expect((await gyj.pull('demands', 0, 2000)).body.checkpoint?.seq).toBe(seqBefore);
    });

    it('answers malformed JSON, wrong types and unknown collections with 4xx', async () => {
      const push = (collection: string, body: string) =>
        raw(`/v1/sync/${collection}/push`, {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/json' },
        });
      await expectError(await push('demands', '{"newDocumentState":'), 400, 'bad_json');
      await expectError(await push('demands', ''), 400, 'bad_json');
      await expectError(await push('demands', '\u0000\u0001'), 400, 'bad_json');
      await expectError(await push('demands', '{}'), 400, 'bad_request');
      await expectError(await push('demands', '[1, 2]'), 400, 'bad_request');
      await expectError(await push('demands', '[{"newDocumentState":"x"}]'), 400, 'bad_request');
      await expectError(await push('demands', '[{"newDocumentState":{"id":123}}]'), 400, 'bad_request');
      await expectError(
        await push('demands', '[{"newDocumentState":{"id":"a\\u0000b"}}]'),
        400,
        'bad_request',
      );
      await expectError(
        await push('demands', '[{"newDocumentState":{"id":"a"},"assumedMasterState":"yes"}]'),
        400,
        'bad_request',
      );
      const many = JSON.stringify(Array.from({ length: 1001 }, (_, i) => pushRow({ id: `m${i}` })));
      await expectError(await push('demands', many), 400, 'bad_request');
      await expectError(
        await push('demands', `[{"newDocumentState":{"id":"d","x":${'['.repeat(200)}${']'.repeat(200)}}}]`),
        400,
        'bad_request',
      );
      for (const name of ['users', '__proto__', 'constructor', 'pg_catalog.pg_user', SQL]) {
        await expectError(await raw(`/v1/sync/${encodeURIComponent(name)}/pull`), 404, 'unknown_collection');
        await expectError(await push(encodeURIComponent(name), '[]'), 404, 'unknown_collection');
      }
      await expectError(await raw(`/v1/sync/${encodeURIComponent(PATH)}/pull`), 404, 'not_found');
      await expectError(await raw('/v1/sync/demands/pull?checkpoint=1;drop'), 400, 'bad_request');
      await expectError(await raw('/v1/sync/demands/pull?checkpoint=-1'), 400, 'bad_request');
      await expectError(await raw('/v1/sync/demands/pull?limit=99999'), 400, 'bad_request');
      await expectError(await raw('/v1/sync/demands/pull?limit=0'), 400, 'bad_request');
      await expectError(await raw('/v1/sync/demands/push'), 405, 'method_not_allowed');
      await expectError(await raw('/v1/sync/demands/pull', { method: 'DELETE' }), 405, 'method_not_allowed');
      await expectError(await raw('/etc/passwd'), 404, 'not_found');
    });

    it('answers malformed request lines and odd targets without crashing', async () => {
      const rawHttp = (text: string) =>
        new Promise<string>((resolve, reject) => {
          const { hostname, port } = new URL(hub.url);
          const socket = connect(Number(port), hostname, () => socket.end(text));
          let answer = '';
          socket.setEncoding('utf8').on('data', (c: string) => (answer += c));
          socket.on('close', () => resolve(answer));
          socket.on('error', reject);
        });
      expect(await rawHttp('GET //v1/health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n')).toMatch(
        /^HTTP\/1\.1 404/,
      );
      expect(
        await rawHttp('GET http://evil.example/v1/health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'),
      ).toMatch(/^HTTP\/1\.1 404/);
      expect(await rawHttp('BLAH BLAH\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
      expect(
        await rawHttp('POST /v1/devices/enroll HTTP/1.1\r\nHost: a\r\nContent-Length: nope\r\n\r\n'),
      ).toMatch(/^HTTP\/1\.1 400/);
    });

    it('refuses oversized bodies with 413, announced or streamed', async () => {
      const big = 'x'.repeat(6 * 1024 * 1024);
      await expectError(await raw('/v1/sync/demands/push', { method: 'POST', body: big }), 413, 'too_large');
      const chunks = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 6; i += 1) controller.enqueue(new Uint8Array(1024 * 1024).fill(32));
          controller.close();
        },
      });
      const streamed = await raw('/v1/sync/demands/push', {
        method: 'POST',
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      await expectError(streamed, 413, 'too_large');
    });

    it('refuses invalid rows into quarantine and applies nothing of them', async () => {
      const rows = [
        pushRow(validDoc('demands', 'h-scope', SQL)),
        pushRow(validDoc('demands', 'h-type', 'xg.gyj', { urgency: 12, title: ['x'] })),
        pushRow(
          validDoc('demands', 'h-extra', 'xg.gyj', {
            $where: 'sleep(1)',
            ...JSON.parse('{"__proto__":{"admin":true}}'),
          }),
        ),
        pushRow({ ...validDoc('demands', 'h-del', 'xg.gyj'), _deleted: 'true' }),
        pushRow(validDoc('demands', 'h-nul', 'xg.gyj', { title: 'a\u0000b' })),
        pushRow(validDoc('demands', 'h-path', PATH)),
        pushRow(validDoc('demands', 'h-other', 'xg.hxdj')),
      ];
      const res = await gyj.push('demands', rows);
      expect(res.status).toBe(200);
      expect(res.body.refused.map((r) => r.code)).toEqual([
        'schema',
        'schema',
        'schema',
        'schema',
        'schema',
        'schema',
        'scope',
      ]);
      quarantinedInWindow += rows.length;
    });

    it('refuses reused, expired, malformed and wrong-typed codes', async () => {
      await expectError(await redeem(hub.url, usedCode), 409, 'code_used');
      await expectError(await redeem(hub.url, expiredCode), 410, 'code_expired');
      await expectError(await redeem(hub.url, SQL), 400, 'code_invalid');
      await expectError(await redeem(hub.url, 'ABCDE-ABCDE', 'x'.repeat(101)), 400, 'bad_request');
      const enroll = (body: string) => fetch(`${hub.url}/v1/devices/enroll`, { method: 'POST', body });
      await expectError(await enroll('{"code":12345678,"deviceName":"x"}'), 400, 'bad_request');
      await expectError(await enroll('[]'), 400, 'bad_request');
      await expectError(await enroll('{"code":'), 400, 'bad_json');
    });

    it('refuses revoked, unknown and malformed tokens on every sync route', async () => {
      for (const path of ['/v1/sync/demands/pull', '/v1/sync/stream']) {
        await expectError(await raw(path, {}, revoked.token), 401, 'revoked');
        await expectError(await raw(path, {}, 'yst_' + 'A'.repeat(43)), 401, 'unauthorized');
        await expectError(await raw(path, {}, SQL), 401, 'unauthorized');
        await expectError(await raw(path, {}, 'x'.repeat(10_000)), 401, 'unauthorized');
        await expectError(await fetch(`${hub.url}${path}`), 401, 'unauthorized');
      }
      await expectError(
        await raw(
          '/v1/sync/demands/push',
          { method: 'POST', body: JSON.stringify(replayBatch) },
          revoked.token,
        ),
        401,
        'revoked',
      );
      const stream = await SseReader.open(`${hub.url}/v1/sync/stream`, {
        Authorization: `Bearer ${revoked.token}`,
      });
      expect(stream.status).toBe(401);
      stream.close();
    });

    it('is still up, never answered 5xx, and the documents and devices are unchanged', async () => {
      expect((await fetch(`${hub.url}/v1/health`)).status).toBe(200);
      expect(hub.child.exitCode).toBeNull();
      expect(await takeSnapshot()).toBe(snapshot);
      const statuses = hub.logs.filter((e) => e['msg'] === 'request').map((e) => Number(e['status']));
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(hub.logs.filter((e) => e['level'] === 'error')).toEqual([]);
    });

    it('kept exactly the refused rows in quarantine', async () => {
      await hub.stop();
      const store = await setup.openStore(hub.dataDir);
      try {
        const rows = await store.listQuarantine(1000);
        expect(rows).toHaveLength(quarantinedInWindow);
        expect(rows.every((r) => r.deviceId === gyjDevice.deviceId && r.collection === 'demands')).toBe(true);
      } finally {
        await store.close();
      }
    });
  });
}
