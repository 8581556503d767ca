import type { BaseWindow } from 'electron';
import {
  BRIDGE_CONTRACT,
  BRIDGE_METHODS,
  invalidArgumentsMessage,
  type BridgeMethod,
} from '#shared/bridge/contract';
import { originOf } from './origin';
import type { Logger } from './log';
import type { BridgeServices, SenderContents } from './services/types';

// One handler per contract entry. A call is served only when it comes from the main frame of one
// of the app's own pages and its arguments pass the contract's guards; anything else is refused
// with an error the renderer sees and a log line a support person can find.

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export interface BridgeInvokeEvent {
  readonly senderFrame: SenderFrame | null;
  readonly sender: SenderContents;
}

export interface IpcRegistrar {
  handle(channel: string, listener: (event: BridgeInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface IpcOptions {
  readonly ipcMain: IpcRegistrar;
  readonly services: BridgeServices;
  /** app://yishi, plus the dev server origin in dev mode only. */
  readonly trustedOrigins: readonly string[];
  /** BrowserWindow.fromWebContents, to parent dialogs. */
  readonly windowOf: (sender: SenderContents) => BaseWindow | null;
  readonly log: Logger;
}

export class BridgeRefusal extends Error {
  override readonly name = 'BridgeRefusal';
}

/** Why a sender may not use the bridge, or null when it may. */
export function senderProblem(frame: SenderFrame | null, trustedOrigins: readonly string[]): string | null {
  if (!frame) return 'no sender frame (the page is gone or navigating)';
  if (frame.parent !== null) return 'sender is a subframe';
  const origin = originOf(frame.url);
  if (!origin || !trustedOrigins.includes(origin))
    return `sender origin ${origin ?? 'unknown'} is not trusted`;
  return null;
}

export function registerBridgeHandlers(options: IpcOptions): void {
  const { ipcMain, services, trustedOrigins, windowOf, log } = options;
  const call = services as Record<BridgeMethod, (...args: unknown[]) => Promise<unknown>>;

  for (const method of BRIDGE_METHODS) {
    const { channel, validate } = BRIDGE_CONTRACT[method];
    ipcMain.handle(channel, async (event, ...args) => {
      const problem = senderProblem(event.senderFrame, trustedOrigins);
      if (problem) {
        log.warn('bridge call refused: foreign sender', { channel, problem, url: event.senderFrame?.url });
        throw new BridgeRefusal(`yishi.${method}: refused, ${problem}`);
      }
      if (!validate(args)) {
        log.warn('bridge call refused: invalid arguments', { channel, url: event.senderFrame?.url });
        throw new BridgeRefusal(invalidArgumentsMessage(method));
      }
      return call[method]({ sender: event.sender, parent: windowOf(event.sender) }, ...args);
    });
  }
}
