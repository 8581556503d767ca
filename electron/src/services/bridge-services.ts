import type { FileService } from './files';
import type { PrintService } from './print';
import type { SecretStore } from './secrets';
import type { BridgeServices } from './types';

export interface BridgeServiceParts {
  readonly files: FileService;
  readonly printing: PrintService;
  readonly secrets: SecretStore;
  /** app.getVersion() */
  readonly appVersion: () => string;
  /** Opens or focuses the projector window on a renderer route. */
  readonly openProjector: (route: string) => void;
}

/** The services behind each bridge method; the IPC layer has already checked sender and args. */
export function createBridgeServices(parts: BridgeServiceParts): BridgeServices {
  const { files, printing, secrets } = parts;
  return {
    openFile: (context, options) => files.openFile(context, options),
    saveFile: (context, options) => files.saveFile(context, options),
    print: (context) => printing.print(context),
    printToPdf: (context, options) => printing.printToPdf(context, options),
    getSecret: (_context, name) => secrets.get(name),
    setSecret: (_context, name, value) => secrets.set(name, value),
    deleteSecret: (_context, name) => secrets.delete(name),
    appVersion: async () => parts.appVersion(),
    openProjector: async (_context, route) => parts.openProjector(route),
  };
}
