import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CONTRACT, BRIDGE_METHODS } from '#shared/bridge/contract';
import { createBridge, exposeBridge } from './preload-bridge';

const electronFake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electronFake.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      electronFake.invoked.push(args);
      return 'from-main';
    },
    send: () => undefined,
    on: () => undefined,
  },
}));

function recordingInvoker() {
  const calls: unknown[][] = [];
  return {
    calls,
    ipc: {
      invoke: async (channel: string, ...args: unknown[]) => {
        calls.push([channel, ...args]);
        return { channel };
      },
    },
  };
}

describe('preload bridge', () => {
  it('exposes exactly the contract methods as window.yishi', () => {
    const exposed: [string, unknown][] = [];
    exposeBridge({ exposeInMainWorld: (key, api) => exposed.push([key, api]) }, recordingInvoker().ipc);
    expect(exposed).toHaveLength(1);
    const [key, api] = exposed[0] ?? [];
    expect(key).toBe('yishi');
    expect(Object.keys(api as object).sort()).toEqual([...BRIDGE_METHODS].sort());
    expect(Object.keys(api as object)).toEqual(expect.arrayContaining(['getHubOrigin', 'setHubOrigin']));
    expect(Object.values(api as object).every((v) => typeof v === 'function')).toBe(true);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method on its contract channel', async () => {
    const { ipc, calls } = recordingInvoker();
    const bridge = createBridge(ipc);
    await bridge.appVersion();
    await bridge.setSecret('hub.token', 'x');
    await bridge.openFile({ filters: [] });
    await bridge.openProjector('/projector');
    await bridge.getHubOrigin();
    await bridge.setHubOrigin('http://192.168.10.5:8787');
    await bridge.setHubOrigin(null);
    expect(calls).toEqual([
      [BRIDGE_CONTRACT.appVersion.channel],
      [BRIDGE_CONTRACT.setSecret.channel, 'hub.token', 'x'],
      [BRIDGE_CONTRACT.openFile.channel, { filters: [] }],
      [BRIDGE_CONTRACT.openProjector.channel, '/projector'],
      ['hub:getOrigin'],
      ['hub:setOrigin', 'http://192.168.10.5:8787'],
      ['hub:setOrigin', null],
    ]);
  });

  it('rejects bad arguments before they reach IPC', async () => {
    const { ipc, calls } = recordingInvoker();
    const bridge = createBridge(ipc) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    await expect(bridge.getSecret?.('../x')).rejects.toThrow(TypeError);
    await expect(bridge.print?.('extra')).rejects.toThrow(/yishi\.print/);
    await expect(bridge.setHubOrigin?.('https://hub.example/v1')).rejects.toThrow(/yishi\.setHubOrigin/);
    await expect(bridge.setHubOrigin?.('javascript:alert(1)')).rejects.toThrow(TypeError);
    expect(calls).toEqual([]);
  });

  it('the bundled entry wires contextBridge to ipcRenderer.invoke', async () => {
    await import('./preload');
    expect([...electronFake.exposed.keys()]).toEqual(['yishi']);
    const api = electronFake.exposed.get('yishi') as { appVersion: () => Promise<unknown> };
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_METHODS].sort());
    expect(await api.appVersion()).toBe('from-main');
    expect(electronFake.invoked).toEqual([['app:version']]);
  });
});
