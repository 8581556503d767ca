// The row policy of the running hub: the shared JSON Schemas (ajv) and the shared permission
// rules (`authorize` / `writeActionFor`), the same ones the app applies before it writes.

import { authorize, writeActionFor } from '#shared/domain/permissions/index';
import { compileSchemas } from './schema-validator';
import type { RowPolicy } from './rules';

export function createRowPolicy(): RowPolicy {
  const check = compileSchemas();
  return {
    validate: (collection, fields) => check(collection, fields),
    authorize(actor, collection, master, next) {
      const action = writeActionFor(collection, master === null, {
        kind: next['kind'],
        status: next['status'],
      });
      const verdict = authorize(actor, action, { scope: next.scope, collection });
      return verdict.ok ? null : verdict.message;
    },
  };
}
