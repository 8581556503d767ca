import { isEnrollAtHubRequest } from '#shared/bridge/contract';
import type { EnrollAtHubRequest, YishiBridge } from '#shared/bridge/contract';
import { createBrowserSecrets } from './browser-secrets';
import type { Platform } from './platform';

/** Set once the OS keychain refused a secret: from then on this device works with a passphrase. */
const NO_KEYCHAIN = 'yishi.keychain-unavailable';

/** The OS offers no keychain (common on UOS and Kylin without a keyring): ask for a passphrase instead. */
export class KeychainUnavailableError extends Error {
  constructor() {
    super('本机系统钥匙串不可用');
    this.name = 'KeychainUnavailableError';
  }
}

/** Electron: every OS service goes through the one typed bridge the preload exposes. */
export function createElectronPlatform(
  bridge: YishiBridge,
  storage: Storage,
  secretsKey: () => CryptoKey | null,
): Platform {
  // Without a keychain, secrets are sealed under the passphrase's key ring exactly as in browser mode.
  const sealed = createBrowserSecrets(storage, secretsKey);
  const noKeychain = () => storage.getItem(NO_KEYCHAIN) === '1';
  return {
    kind: 'electron',
    get usesPassphrase() {
      return noKeychain();
    },
    appVersion: () => bridge.appVersion(),
    checkForUpdate: () => bridge.checkForUpdate(),
    installUpdate: () => bridge.installUpdate(),
    async openFile(filters) {
      const opened = await bridge.openFile({ filters });
      if (opened.status === 'canceled') return null;
      if (opened.status === 'tooLarge') {
        throw new Error(
          `文件“${opened.name}”过大（${Math.round(opened.size / 1048576)} MB），上限 ${Math.round(opened.limit / 1048576)} MB`,
        );
      }
      return { name: opened.name, data: opened.data };
    },
    async saveFile(suggestedName, data, filters) {
      const result = await bridge.saveFile({ suggestedName, data, filters });
      return result.status === 'saved';
    },
    async print() {
      const result = await bridge.print();
      if (result.status === 'failed') throw new Error(`打印失败：${result.reason}`);
    },
    async printToPdf(suggestedName) {
      const result = await bridge.printToPdf({ suggestedName });
      return result.status === 'saved';
    },
    openProjector(route) {
      void bridge.openProjector(route);
    },
    enrollFetch: (url, init) => enrollThroughMain(bridge, url, init),
    async allowHub(origin) {
      if ((await bridge.getHubOrigin()) === origin) return 'ready';
      const result = await bridge.setHubOrigin(origin);
      return result.status === 'saved' ? 'reloading' : 'notEnrolled';
    },
    getSecret: (name) => (noKeychain() ? sealed.get(name) : bridge.getSecret(name)),
    async setSecret(name, value) {
      if (noKeychain()) return sealed.set(name, value);
      const result = await bridge.setSecret(name, value);
      if (result.status === 'unavailable') {
        storage.setItem(NO_KEYCHAIN, '1');
        throw new KeychainUnavailableError();
      }
    },
    deleteSecret: (name) => (noKeychain() ? sealed.delete(name) : bridge.deleteSecret(name)),
  };
}

/**
 * The enrollment as the main process sends it, answered as fetch would: the hub's answer as a
 * Response, no answer as a network error, the caller's timeout as an abort.
 */
async function enrollThroughMain(
  bridge: YishiBridge,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const body = JSON.parse(String(init.body)) as Record<string, unknown>;
  const request: Partial<EnrollAtHubRequest> = {
    url,
    code: body['code'] as string,
    deviceName: body['deviceName'] as string,
    ...(body['localDeviceId'] !== undefined ? { localDeviceId: body['localDeviceId'] as string } : {}),
  };
  // What the bridge would refuse (a code or name too long, control characters) is the person's
  // to correct, so it is answered as the hub answers an incomplete enrollment.
  if (!isEnrollAtHubRequest(request))
    return new Response(JSON.stringify({ error: { code: 'bad_request', message: '登记信息无效' } }), {
      status: 400,
    });
  const signal = init.signal;
  const aborted = new Promise<never>((_resolve, reject) => {
    if (signal?.aborted) reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), {
      once: true,
    });
  });
  const result = await Promise.race([bridge.enrollAtHub(request), aborted]);
  if (result.status === 'unreachable') throw new TypeError('hub unreachable');
  return new Response(result.body, { status: result.httpStatus });
}
