import { describe, expect, it } from 'vitest';
import type { EnrollAtHubRequest, EnrollAtHubResult, YishiBridge } from '#shared/bridge/contract';
import { createElectronPlatform } from './electron-platform';
import { MemoryStorage } from './memory-storage.testing';

const URL_ = 'http://192.168.10.5:8787/v1/devices/enroll';
const ANSWER = JSON.stringify({
  deviceId: 'dev_1',
  token: 't0k',
  hubId: 'hub-xg',
  scope: 'xg',
  role: 'viewer',
});

function platformWith(answer: (request: EnrollAtHubRequest) => Promise<EnrollAtHubResult>) {
  const sent: EnrollAtHubRequest[] = [];
  const api = {
    enrollAtHub: (request: EnrollAtHubRequest) => {
      sent.push(request);
      return answer(request);
    },
  } as unknown as YishiBridge;
  return { platform: createElectronPlatform(api, new MemoryStorage(), () => null), sent };
}

const post = (body: Record<string, unknown>, signal?: AbortSignal): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  ...(signal ? { signal } : {}),
});

describe('Electron enrollment goes through the main process', () => {
  it('hands the main process the enrollment and the page the hub’s answer as a Response', async () => {
    const { platform, sent } = platformWith(async () => ({
      status: 'answered',
      httpStatus: 200,
      body: ANSWER,
    }));
    const response = await platform.enrollFetch(
      URL_,
      post({ code: 'ABCD-1234', deviceName: '议事厅电脑', localDeviceId: 'local-1' }),
    );
    expect(sent).toEqual([
      { url: URL_, code: 'ABCD-1234', deviceName: '议事厅电脑', localDeviceId: 'local-1' },
    ]);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(ANSWER);
  });

  it('passes a refusal on, and makes no answer a network error', async () => {
    const refusal = JSON.stringify({ error: { code: 'code_used', message: '登记码已被使用' } });
    const refused = platformWith(async () => ({ status: 'answered', httpStatus: 409, body: refusal }));
    const response = await refused.platform.enrollFetch(URL_, post({ code: 'X', deviceName: '电脑' }));
    expect([response.status, await response.text()]).toEqual([409, refusal]);
    const nobody = platformWith(async () => ({ status: 'unreachable' }));
    await expect(
      nobody.platform.enrollFetch(URL_, post({ code: 'X', deviceName: '电脑' })),
    ).rejects.toBeInstanceOf(TypeError);
  });

  it('answers what the bridge would refuse as an incomplete enrollment, without calling it', async () => {
    const { platform, sent } = platformWith(async () => ({ status: 'unreachable' }));
    const response = await platform.enrollFetch(URL_, post({ code: 'x'.repeat(65), deviceName: '电脑' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect(sent).toEqual([]);
  });

  it('gives up when the caller’s time is over, as fetch does', async () => {
    const { platform } = platformWith(() => new Promise(() => undefined));
    const controller = new AbortController();
    const pending = platform.enrollFetch(URL_, post({ code: 'X', deviceName: '电脑' }, controller.signal));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
