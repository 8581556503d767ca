import type { FileService } from './files';
import { reloadSoon, type HubOriginStore } from './hub-origin';
import type { PrintService } from './print';
import type { SecretStore } from './secrets';
import type { BridgeServices } from './types';
import type { UpdateService } from './updater';

export interface BridgeServiceParts {
  readonly files: FileService;
  readonly printing: PrintService;
  readonly secrets: SecretStore;
  readonly hubOrigin: HubOriginStore;
  /** app.getVersion() */
  readonly appVersion: () => string;
  /** Opens or focuses the projector window on a renderer route. */
  readonly openProjector: (route: string) => void;
  readonly updates: UpdateService;
}

/** The services behind each bridge method; the IPC layer has already checked sender and args. */
export function createBridgeServices(parts: BridgeServiceParts): BridgeServices {
  const { files, printing, secrets, hubOrigin } = parts;
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
    getHubOrigin: () => hubOrigin.get(),
    setHubOrigin: async (context, origin) => {
      const result = await hubOrigin.set(origin);
      if (result.status === 'saved') reloadSoon(context.sender);
      return result;
    },
    enrollAtHub: (_context, request) => hubOrigin.enroll(request),
    checkForUpdate: () => parts.updates.check(),
    installUpdate: () => parts.updates.install(),
  };
}
