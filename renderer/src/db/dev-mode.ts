import { addRxPlugin } from 'rxdb';
import type { RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';

export interface DevTools {
  wrapStorage<I, C>(storage: RxStorage<I, C>): RxStorage<I, C>;
}

let loaded = false;

/** Development and tests only: import this module behind `import.meta.env.DEV` or from a test. */
export function devTools(): DevTools {
  if (!loaded) {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
    loaded = true;
  }
  return { wrapStorage: (storage) => wrappedValidateAjvStorage({ storage }) };
}
