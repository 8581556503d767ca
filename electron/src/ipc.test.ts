import { describe, expect, it } from 'vitest';
import type { BaseWindow } from 'electron';
import { BRIDGE_CONTRACT, BRIDGE_METHODS } from '#shared/bridge/contract';
import { registerBridgeHandlers, senderProblem, type BridgeInvokeEvent, type SenderFrame } from './ipc';
import { memoryLogger } from './log';
import type { BridgeServices, CallContext, SenderContents } from './services/types';

type Handler = (event: BridgeInvokeEvent, ...args: unknown[]) => Promise<unknown>;

const sender: SenderContents = {
  print: () => undefined,
  printToPDF: async () => new Uint8Array(),
  reload: () => undefined,
  isDestroyed: () => false,
};
const parentWindow = { id: 'main-window' } as unknown as BaseWindow;

function setup(trustedOrigins: readonly string[] = ['app://yishi']) {
  const handlers = new Map<string, Handler>();
  const calls: { method: string; context: CallContext; args: unknown[] }[] = [];
  const record =
    (method: string, result: unknown) =>
    async (context: CallContext, ...args: unknown[]) => {
      calls.push({ method, context, args });
      return result;
    };
  const services = {
    openFile: record('openFile', { status: 'canceled' }),
    saveFile: record('saveFile', { status: 'saved', name: 'a.xlsx' }),
    print: record('print', { status: 'printed' }),
    printToPdf: record('printToPdf', { status: 'canceled' }),
    getSecret: record('getSecret', 'token-1'),
    setSecret: record('setSecret', { status: 'stored' }),
    deleteSecret: record('deleteSecret', undefined),
    appVersion: record('appVersion', '0.1.0'),
    openProjector: record('openProjector', undefined),
    getHubOrigin: record('getHubOrigin', 'http://10.0.0.2:8787'),
    setHubOrigin: record('setHubOrigin', { status: 'saved', origin: 'https://hub.example' }),
  } as unknown as BridgeServices;
  const log = memoryLogger();
  registerBridgeHandlers({
    ipcMain: { handle: (channel, listener) => void handlers.set(channel, listener) },
    services,
    trustedOrigins,
    windowOf: (s) => (s === sender ? parentWindow : null),
    log,
  });
  const invoke = (channel: string, frame: SenderFrame | null, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame, sender }, ...args);
  };
  return { handlers, calls, invoke, log };
}

const appFrame: SenderFrame = { url: 'app://yishi/meetings/m1', parent: null };

describe('bridge IPC handlers', () => {
  it('registers one handler per contract channel', () => {
    const { handlers } = setup();
    expect([...handlers.keys()].sort()).toEqual(BRIDGE_METHODS.map((m) => BRIDGE_CONTRACT[m].channel).sort());
  });

  it('passes valid calls to the service with the caller context', async () => {
    const { invoke, calls } = setup();
    const data = new Uint8Array([1, 2, 3]);
    const options = { suggestedName: '台账.xlsx', data, filters: [{ name: 'Excel', extensions: ['xlsx'] }] };
    expect(await invoke('dialog:saveFile', appFrame, options)).toEqual({ status: 'saved', name: 'a.xlsx' });
    expect(await invoke('secrets:get', appFrame, 'hub.token')).toBe('token-1');
    expect(await invoke('secrets:set', appFrame, 'hub.token', 'abc')).toEqual({ status: 'stored' });
    expect(await invoke('app:version', appFrame)).toBe('0.1.0');
    expect(await invoke('window:openProjector', appFrame, '/projector/meeting/m1')).toBeUndefined();
    expect(await invoke('hub:getOrigin', appFrame)).toBe('http://10.0.0.2:8787');
    expect(await invoke('hub:setOrigin', appFrame, 'https://hub.example')).toEqual({
      status: 'saved',
      origin: 'https://hub.example',
    });
    await invoke('hub:setOrigin', appFrame, null);
    expect(calls.map((c) => [c.method, c.args])).toEqual([
      ['saveFile', [options]],
      ['getSecret', ['hub.token']],
      ['setSecret', ['hub.token', 'abc']],
      ['appVersion', []],
      ['openProjector', ['/projector/meeting/m1']],
      ['getHubOrigin', []],
      ['setHubOrigin', ['https://hub.example']],
      ['setHubOrigin', [null]],
    ]);
    expect(calls[0]?.context).toEqual({ sender, parent: parentWindow });
  });

  it.each([
    ['dialog:openFile', [{ filters: [], defaultPath: '/etc' }]],
    ['dialog:openFile', []],
    ['dialog:saveFile', [{ suggestedName: '../../.bashrc', data: new Uint8Array(1), filters: [] }]],
    ['dialog:saveFile', [{ suggestedName: 'a.txt', data: 'text', filters: [] }]],
    ['print:page', ['extra']],
    ['print:pdf', [{ suggestedName: '/tmp/x.pdf' }]],
    ['secrets:get', ['../token']],
    ['secrets:set', ['hub.token']],
    ['secrets:set', ['hub.token', { value: 1 }]],
    ['secrets:delete', ['HUB']],
    ['app:version', [1]],
    ['window:openProjector', ['https://evil.example/']],
    ['hub:getOrigin', ['https://hub.example']],
    ['hub:setOrigin', []],
    ['hub:setOrigin', ['https://hub.example/v1']],
    ['hub:setOrigin', ['javascript:alert(1)']],
    ['hub:setOrigin', ['file:///etc/passwd']],
    ['hub:setOrigin', ['https://user:pw@hub.example']],
    ['hub:setOrigin', [`https://${'a.'.repeat(100)}b`]],
    ['hub:setOrigin', ['https://hub.example', 'extra']],
    ['hub:setOrigin', [undefined]],
  ])('refuses bad arguments on %s %j', async (channel, args) => {
    const { invoke, calls, log } = setup();
    await expect(invoke(channel, appFrame, ...args)).rejects.toThrow(/invalid arguments/);
    expect(calls).toEqual([]);
    expect(log.entries).toEqual([
      expect.objectContaining({ level: 'warn', message: 'bridge call refused: invalid arguments' }),
    ]);
  });

  it.each([
    ['a null frame', null],
    ['a subframe', { url: 'app://yishi/index.html', parent: { url: 'app://yishi/' } }],
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['another app host', { url: 'app://other/', parent: null }],
    ['a file page', { url: 'file:///tmp/x.html', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['the dev server outside dev mode', { url: 'http://127.0.0.1:5173/', parent: null }],
  ])('refuses calls from %s', async (_label, frame) => {
    const { invoke, calls, log } = setup();
    for (const method of BRIDGE_METHODS) {
      await expect(invoke(BRIDGE_CONTRACT[method].channel, frame, 'hub.token')).rejects.toThrow(/refused/);
    }
    expect(calls).toEqual([]);
    expect(log.entries.every((e) => e.message === 'bridge call refused: foreign sender')).toBe(true);
    expect(log.entries).toHaveLength(BRIDGE_METHODS.length);
  });

  it('trusts the dev server origin only when it is configured', async () => {
    const { invoke } = setup(['app://yishi', 'http://127.0.0.1:5173']);
    expect(await invoke('app:version', { url: 'http://127.0.0.1:5173/', parent: null })).toBe('0.1.0');
  });
});

describe('senderProblem', () => {
  it('accepts the main frame of the app', () => {
    expect(senderProblem(appFrame, ['app://yishi'])).toBeNull();
  });

  it('explains each refusal', () => {
    expect(senderProblem(null, ['app://yishi'])).toMatch(/no sender frame/);
    expect(senderProblem({ url: 'app://yishi/', parent: {} }, ['app://yishi'])).toMatch(/subframe/);
    expect(senderProblem({ url: 'https://x.example/', parent: null }, ['app://yishi'])).toMatch(
      /not trusted/,
    );
  });
});
