import {
  BRIDGE_CONTRACT,
  BRIDGE_GLOBAL,
  BRIDGE_METHODS,
  invalidArgumentsMessage,
  type BridgeMethod,
  type YishiBridge,
} from '#shared/bridge/contract';

// Builds `window.yishi` from the contract: one method per channel, nothing else. ipcRenderer is
// never handed to the page. Arguments are checked here too so a mistake fails fast in the
// renderer; the main process checks them again because a compromised page could skip this.

export interface Invoker {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

export interface ContextBridgeApi {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export function createBridge(ipc: Invoker): YishiBridge {
  const bridge: Partial<Record<BridgeMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of BRIDGE_METHODS) {
    const { channel, validate } = BRIDGE_CONTRACT[method];
    bridge[method] = (...args) =>
      validate(args)
        ? ipc.invoke(channel, ...args)
        : Promise.reject(new TypeError(invalidArgumentsMessage(method)));
  }
  return Object.freeze(bridge) as unknown as YishiBridge;
}

export function exposeBridge(contextBridge: ContextBridgeApi, ipc: Invoker): void {
  contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipc));
}
