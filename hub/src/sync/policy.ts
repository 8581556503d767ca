// The row policy of the running hub: the shared JSON Schemas (ajv), the shared permission rules
// (`authorize` / `writeActionFor`), the shared state machines (`refusedStateChange`) and the
// author check (`refusedAuthor`): the same rules the app applies before it writes.

import { authorize, refusedAuthor, writeActionFor } from '#shared/domain/permissions/index';
import { refusedStateChange } from '#shared/domain/machines/index';
import { compileSchemas } from './schema-validator';
import { authorIdsOf } from './rules';
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
    transition: (actor, collection, master, next) => refusedStateChange(collection, actor.role, master, next),
    author: (actor, collection, master, next) => refusedAuthor(collection, authorIdsOf(actor), master, next),
  };
}
