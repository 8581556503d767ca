// Sandboxed preload: bundled into one CommonJS file (dist/electron/preload.cjs) because a
// sandboxed preload can require 'electron' but no local files.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './preload-bridge';

exposeBridge(contextBridge, { invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args) });
