import { describe, it, expect } from 'vitest';
import { enrollDevice, normalizeHubUrl } from './enroll';
import { HubError, hubRequest } from './http';

const ok = {
  deviceId: 'dev_1',
  token: 'secret',
  scope: 'xg.gyj',
  role: 'community-worker',
  hubId: 'hub_1',
};

function answering(status: number, body: unknown) {
  return async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
}

async function failure(promise: Promise<unknown>): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    return error as HubError;
  }
  throw new Error('expected a failure');
}

describe('enrollDevice', () => {
  it('returns the enrollment and posts the trimmed code and name', async () => {
    let sent: unknown;
    let url = '';
    const result = await enrollDevice({
      hubUrl: ' http://127.0.0.1:8787/ ',
      code: ' ABCDE-12345 ',
      deviceName: '大厅电脑',
      fetchImpl: async (input, init) => {
        url = input;
        sent = JSON.parse(String(init?.body));
        return new Response(JSON.stringify(ok), { status: 200 });
      },
    });
    expect(result).toEqual(ok);
    expect(url).toBe('http://127.0.0.1:8787/v1/devices/enroll');
    expect(sent).toEqual({ code: 'ABCDE-12345', deviceName: '大厅电脑' });
  });

  it("names the device's own id when it enrols after working alone, and shows the hub's refusal", async () => {
    let sent: unknown;
    await enrollDevice({
      hubUrl: 'http://hub',
      code: 'x',
      deviceName: 'y',
      localDeviceId: 'local-1',
      fetchImpl: async (_input, init) => {
        sent = JSON.parse(String(init?.body));
        return new Response(JSON.stringify(ok), { status: 200 });
      },
    });
    expect(sent).toEqual({ code: 'x', deviceName: 'y', localDeviceId: 'local-1' });
    const message = '本设备此前已在本服务器登记为“议事厅电脑”，该登记仍在使用。';
    const error = await failure(
      enrollDevice({
        hubUrl: 'http://hub',
        code: 'x',
        deviceName: 'y',
        localDeviceId: 'local-1',
        fetchImpl: answering(403, { error: { code: 'forbidden', message } }),
      }),
    );
    expect(error.message).toBe(message);
  });

  it.each([
    ['code_invalid', 400, '登记码无效'],
    ['code_expired', 410, '已过期'],
    ['code_used', 409, '已经被使用'],
    ['rate_limited', 429, '尝试次数过多'],
  ])('explains %s in Chinese', async (code, status, text) => {
    const error = await failure(
      enrollDevice({
        hubUrl: 'http://hub',
        code: 'x',
        deviceName: 'y',
        fetchImpl: answering(status, { error: { code, message: 'm' } }),
      }),
    );
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
  });

  it('explains an unreachable hub, a non-hub answer and a malformed address', async () => {
    const offline = await failure(
      enrollDevice({
        hubUrl: 'http://hub',
        code: 'x',
        deviceName: 'y',
        fetchImpl: async () => {
          throw new TypeError('fetch failed');
        },
      }),
    );
    expect(offline.code).toBe('network');
    expect(offline.message).toContain('无法连接');
    const html = await failure(
      enrollDevice({ hubUrl: 'http://hub', code: 'x', deviceName: 'y', fetchImpl: answering(200, '<html>') }),
    );
    expect(html.message).toContain('不是议事同步服务器');
    const partial = await failure(
      enrollDevice({
        hubUrl: 'http://hub',
        code: 'x',
        deviceName: 'y',
        fetchImpl: answering(200, { token: 't' }),
      }),
    );
    expect(partial.code).toBe('bad_response');
    expect(() => normalizeHubUrl('ftp://hub')).toThrow('服务器地址格式不正确');
    expect(() => normalizeHubUrl('not a url')).toThrow(HubError);
    await expect(enrollDevice({ hubUrl: 'http://hub', code: ' ', deviceName: 'y' })).rejects.toThrow(
      '登记信息不完整',
    );
  });

  it('times out a hub that never answers', async () => {
    const never = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const error = await failure(hubRequest(never, 'http://hub/v1/health', { timeoutMs: 20 }));
    expect(error.code).toBe('timeout');
    expect(error.isConnectivity).toBe(true);
  });

  it('classifies server trouble as connectivity and a refusal as not', async () => {
    expect((await failure(hubRequest(answering(502, 'Bad gateway'), 'http://hub'))).code).toBe('server');
    const revoked = await failure(
      hubRequest(answering(401, { error: { code: 'revoked', message: '' } }), 'http://hub'),
    );
    expect(revoked.code).toBe('revoked');
    expect(revoked.isConnectivity).toBe(false);
    expect(revoked.message).toContain('停用');
  });
});
