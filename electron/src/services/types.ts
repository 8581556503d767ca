import type { BaseWindow, PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import type { BridgeArgs, BridgeMethod, BridgeResults } from '#shared/bridge/contract';

/** The page that made the bridge call (the part of Electron's WebContents services use). */
export interface SenderContents {
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  /** After the hub origin changes: the page's CSP is fixed when it loads. */
  reload(): void;
  isDestroyed(): boolean;
}

/** Who is calling: services print the sender's page and parent their dialogs to its window. */
export interface CallContext {
  readonly sender: SenderContents;
  readonly parent: BaseWindow | null;
}

/** One implementation per bridge method, derived from the shared contract. */
export type BridgeServices = {
  readonly [M in BridgeMethod]: (context: CallContext, ...args: BridgeArgs<M>) => Promise<BridgeResults[M]>;
};
