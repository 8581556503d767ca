import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  isEnrollAtHubRequest,
  BRIDGE_CONTRACT,
  BRIDGE_METHODS,
  MAX_FILE_BYTES,
  MAX_FILTERS,
  MAX_HUB_ORIGIN_CHARS,
  MAX_SECRET_CHARS,
  invalidArgumentsMessage,
  isFileName,
  isHubOrigin,
  isOpenFileOptions,
  isRoute,
  isSaveFileOptions,
  isSecretName,
  type YishiBridge,
} from '#shared/bridge/contract';

const xlsx = { name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] };

describe('bridge contract', () => {
  it('lists the fourteen channels under their method names', () => {
    const channels = Object.fromEntries(BRIDGE_METHODS.map((m) => [m, BRIDGE_CONTRACT[m].channel]));
    expect(channels).toEqual({
      openFile: 'dialog:openFile',
      saveFile: 'dialog:saveFile',
      print: 'print:page',
      printToPdf: 'print:pdf',
      getSecret: 'secrets:get',
      setSecret: 'secrets:set',
      deleteSecret: 'secrets:delete',
      appVersion: 'app:version',
      openProjector: 'window:openProjector',
      getHubOrigin: 'hub:getOrigin',
      setHubOrigin: 'hub:setOrigin',
      enrollAtHub: 'hub:enroll',
      checkForUpdate: 'update:check',
      installUpdate: 'update:install',
    });
    expect(new Set(Object.values(channels)).size).toBe(BRIDGE_METHODS.length);
  });

  it('derives the bridge type from the contract', async () => {
    // Type-checked calls (tsc fails if a signature drifts) that must also pass the runtime guards.
    const seen: string[] = [];
    const bridge = Object.fromEntries(
      BRIDGE_METHODS.map((m) => [
        m,
        (...args: unknown[]) => {
          seen.push(`${m}:${String(BRIDGE_CONTRACT[m].validate(args))}`);
          return Promise.resolve(undefined);
        },
      ]),
    ) as unknown as YishiBridge;
    await bridge.openFile({ filters: [xlsx] });
    await bridge.saveFile({ suggestedName: 'a.xlsx', data: new Uint8Array(1), filters: [] });
    await bridge.print();
    await bridge.printToPdf({ suggestedName: '签到表.pdf' });
    await bridge.getSecret('hub.token');
    await bridge.setSecret('hub.token', 'x');
    await bridge.deleteSecret('hub.token');
    await bridge.appVersion();
    await bridge.openProjector('/projector/meeting/m1');
    await bridge.getHubOrigin();
    await bridge.setHubOrigin('http://192.168.10.5:8787');
    await bridge.enrollAtHub({
      url: 'http://192.168.10.5:8787/v1/devices/enroll',
      code: 'A1',
      deviceName: '电脑',
    });
    await bridge.checkForUpdate();
    await bridge.installUpdate();
    expect(seen).toEqual(BRIDGE_METHODS.map((m) => `${m}:true`));
  });

  it('checks the arity of every call', () => {
    expect(BRIDGE_CONTRACT.print.validate([])).toBe(true);
    expect(BRIDGE_CONTRACT.print.validate([{}])).toBe(false);
    expect(BRIDGE_CONTRACT.appVersion.validate(['x'])).toBe(false);
    expect(BRIDGE_CONTRACT.getSecret.validate(['hub.token'])).toBe(true);
    expect(BRIDGE_CONTRACT.getSecret.validate(['hub.token', 'extra'])).toBe(false);
    expect(BRIDGE_CONTRACT.getSecret.validate([])).toBe(false);
    expect(BRIDGE_CONTRACT.setSecret.validate(['hub.token', 'v'])).toBe(true);
    expect(BRIDGE_CONTRACT.setSecret.validate(['hub.token'])).toBe(false);
    expect(BRIDGE_CONTRACT.getHubOrigin.validate([])).toBe(true);
    expect(BRIDGE_CONTRACT.getHubOrigin.validate([null])).toBe(false);
    expect(BRIDGE_CONTRACT.setHubOrigin.validate([])).toBe(false);
    expect(BRIDGE_CONTRACT.setHubOrigin.validate(['https://hub.example', 'extra'])).toBe(false);
  });

  it('names the method in refusals', () => {
    expect(invalidArgumentsMessage('saveFile')).toContain('yishi.saveFile');
  });
});

describe('secret names and values', () => {
  it.each(['hub.token', 'device-key', 'a', 'a'.repeat(64)])('accepts %s', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(['', 'Hub', '1abc', '-a', 'a/b', 'a_b', 'a'.repeat(65), '../x', 'a b', 42, null])(
    'refuses %s',
    (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );

  it('bounds the value size', () => {
    expect(BRIDGE_CONTRACT.setSecret.validate(['k', 'x'.repeat(MAX_SECRET_CHARS)])).toBe(true);
    expect(BRIDGE_CONTRACT.setSecret.validate(['k', 'x'.repeat(MAX_SECRET_CHARS + 1)])).toBe(false);
    expect(BRIDGE_CONTRACT.setSecret.validate(['k', 7])).toBe(false);
  });
});

describe('file options', () => {
  it('accepts well-formed open options', () => {
    expect(isOpenFileOptions({ filters: [] })).toBe(true);
    expect(
      isOpenFileOptions({ title: '导入 12345 工单', filters: [xlsx, { name: '全部', extensions: ['*'] }] }),
    ).toBe(true);
  });

  it('refuses malformed filters and unknown keys', () => {
    expect(isOpenFileOptions({})).toBe(false);
    expect(isOpenFileOptions({ filters: [xlsx], defaultPath: '/etc' })).toBe(false);
    expect(isOpenFileOptions({ filters: [{ name: 'x', extensions: ['.xlsx'] }] })).toBe(false);
    expect(isOpenFileOptions({ filters: [{ name: 'x', extensions: [] }] })).toBe(false);
    expect(isOpenFileOptions({ filters: [{ name: '', extensions: ['xlsx'] }] })).toBe(false);
    expect(isOpenFileOptions({ filters: [{ name: 'x', extensions: ['xl sx'] }] })).toBe(false);
    expect(isOpenFileOptions({ filters: [{ name: 'x', extensions: ['xlsx'], extra: 1 }] })).toBe(false);
    expect(isOpenFileOptions({ filters: Array.from({ length: MAX_FILTERS + 1 }, () => xlsx) })).toBe(false);
    expect(isOpenFileOptions({ title: 'a\nb', filters: [] })).toBe(false);
    expect(isOpenFileOptions([])).toBe(false);
    expect(isOpenFileOptions(null)).toBe(false);
  });

  it('refuses objects with a foreign prototype', () => {
    class Sneaky {
      filters = [];
    }
    expect(isOpenFileOptions(new Sneaky())).toBe(false);
    expect(isOpenFileOptions(Object.assign(Object.create(null) as object, { filters: [] }))).toBe(true);
  });

  it('accepts save options with bytes and a plain file name', () => {
    expect(
      isSaveFileOptions({ suggestedName: '议题清单.xlsx', data: new Uint8Array([1, 2]), filters: [xlsx] }),
    ).toBe(true);
  });

  it('refuses save options whose data is not bytes or too large', () => {
    const base = { suggestedName: 'a.json', filters: [] };
    expect(isSaveFileOptions({ ...base, data: 'text' })).toBe(false);
    expect(isSaveFileOptions({ ...base, data: [1, 2] })).toBe(false);
    expect(isSaveFileOptions({ ...base, data: new ArrayBuffer(2) })).toBe(false);
    const huge = { byteLength: MAX_FILE_BYTES + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    expect(isSaveFileOptions({ ...base, data: huge })).toBe(false);
  });

  it.each(['a.xlsx', '签到表 2026-11-29.pdf', 'backup.yishi.json'])('accepts the file name %s', (name) => {
    expect(isFileName(name)).toBe(true);
  });

  it.each([
    '',
    '.',
    '..',
    '../a.pdf',
    '/etc/passwd',
    'C:\\x.pdf',
    'a:b',
    'a\u0000b',
    'a\nb',
    ' a.pdf',
    'a.pdf.',
    'a*.pdf',
    'a'.repeat(201),
  ])('refuses the file name %j', (name) => {
    expect(isFileName(name)).toBe(false);
  });

  it('never accepts a name containing a path separator', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('/', '\\'), fc.string(), (a, sep, b) => {
        expect(isFileName(`${a}${sep}${b}`)).toBe(false);
      }),
    );
  });
});

describe('projector routes', () => {
  it.each(['/', '/projector', '/projector/meeting/m-1_2'])('accepts %s', (route) => {
    expect(isRoute(route)).toBe(true);
  });

  it.each(['', 'projector', '//evil.example', '/a/../b', '/a/./b', 'https://x', '/a?b=c', '/a#b', '/a//b'])(
    'refuses %s',
    (route) => {
      expect(isRoute(route)).toBe(false);
    },
  );

  it('bounds the route length', () => {
    expect(isRoute('/' + 'a'.repeat(199))).toBe(true);
    expect(isRoute('/' + 'a'.repeat(200))).toBe(false);
  });
});

describe('hub origins', () => {
  it.each([
    'http://192.168.10.5:8787',
    'https://hub.xg.example',
    'http://localhost:8787',
    'HTTP://Hub.Example:80',
    'https://a-b.example:65535',
    'http://10.0.0.1',
    'https://xn--fiq.example',
  ])('accepts %s', (origin) => {
    expect(isHubOrigin(origin)).toBe(true);
    expect(BRIDGE_CONTRACT.setHubOrigin.validate([origin])).toBe(true);
  });

  it('accepts null to clear the hub', () => {
    expect(BRIDGE_CONTRACT.setHubOrigin.validate([null])).toBe(true);
    expect(isHubOrigin(null)).toBe(false);
  });

  it.each([
    'https://hub.example/',
    'https://hub.example/v1',
    'https://hub.example?x=1',
    'https://hub.example#x',
    'https://user:pw@hub.example',
    'https://user@hub.example',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://hub.example',
    'ws://hub.example',
    'data:text/html,x',
    'hub.example',
    '//hub.example',
    'https://',
    'https://hub.example:',
    'https://hub.example:65536',
    'https://hub.example:123456',
    'https://hub.example.',
    'https://.hub.example',
    'https://hub..example',
    'https://-hub.example',
    'https://hub_1.example',
    'https://hub.example; script-src *',
    "https://hub.example 'unsafe-eval'",
    'https://hub.example,https://evil.example',
    'https://*.example',
    'https://[::1]:8787',
    'https://议事.example',
    'https://1.2.3.256',
    'https://1.2.3',
    'https://0x7f.1',
    'https://010.0.0.1',
    'https://a.1',
    ' https://hub.example',
    'https://hub.example\n',
    '',
    42,
    undefined,
    {},
  ])('refuses %j', (origin) => {
    expect(isHubOrigin(origin)).toBe(false);
    expect(BRIDGE_CONTRACT.setHubOrigin.validate([origin])).toBe(false);
  });

  it('bounds the length', () => {
    const origin = (length: number) => `https://${'a.'.repeat((length - 9) / 2)}b`;
    expect(origin(MAX_HUB_ORIGIN_CHARS - 1)).toHaveLength(MAX_HUB_ORIGIN_CHARS - 1);
    expect(isHubOrigin(origin(MAX_HUB_ORIGIN_CHARS - 1))).toBe(true);
    expect(isHubOrigin(origin(MAX_HUB_ORIGIN_CHARS + 1))).toBe(false);
  });

  it('never accepts anything after the authority', () => {
    fc.assert(
      fc.property(fc.constantFrom('/', '?', '#', '@', ' ', ';', ','), fc.string(), (mark, rest) => {
        expect(isHubOrigin(`https://hub.example${mark}${rest}`)).toBe(false);
      }),
    );
  });

  it('accepts every well-formed name and port', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'https'),
        fc.array(label, { minLength: 1, maxLength: 4 }),
        fc.option(fc.integer({ min: 0, max: 65535 }), { nil: undefined }),
        (scheme, labels, port) => {
          const origin = `${scheme}://${labels.join('.')}${port === undefined ? '' : `:${port}`}`;
          expect(isHubOrigin(origin)).toBe(true);
        },
      ),
    );
  });

  it('sends enrollments only to a hub address, with a code and a name that fit', () => {
    const ok = {
      url: 'http://192.168.10.5:8787/v1/devices/enroll',
      code: 'ABCD-1234',
      deviceName: '议事厅电脑',
    };
    expect(isEnrollAtHubRequest(ok)).toBe(true);
    expect(isEnrollAtHubRequest({ ...ok, url: 'https://hub.xg.example/yishi/v1/devices/enroll' })).toBe(true);
    expect(isEnrollAtHubRequest({ ...ok, localDeviceId: 'dev-local-1' })).toBe(true);
    for (const url of [
      'http://192.168.10.5:8787/v1/health',
      'http://192.168.10.5:8787/v1/devices/enroll?x=1',
      'http://user:pw@192.168.10.5/v1/devices/enroll',
      'file:///etc/v1/devices/enroll',
      'http://[::1]/v1/devices/enroll',
      'http://10.0.0.1/../v1/devices/enroll',
      'http://0x7f.1/v1/devices/enroll',
    ])
      expect(isEnrollAtHubRequest({ ...ok, url }), url).toBe(false);
    expect(isEnrollAtHubRequest({ ...ok, code: 'x'.repeat(65) })).toBe(false);
    expect(isEnrollAtHubRequest({ ...ok, deviceName: '电脑\n' })).toBe(false);
    expect(isEnrollAtHubRequest({ ...ok, token: 'x' })).toBe(false);
  });
});
