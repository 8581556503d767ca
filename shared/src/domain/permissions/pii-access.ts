import type { ActorRole, CollectionName } from '#shared/domain/vocab';
import { withoutPii } from '#shared/schema/pii';
import { PERMISSIONS } from './table';

// What of residents' personal information a role receives at all (PIPL, least privilege): a role
// without `pii.read` is never sent the fields the schemas mark as PII. The hub applies this to
// every document it sends a device (pull pages, stream events, conflict answers, return bundles).

export function readsPii(role: ActorRole): boolean {
  return PERMISSIONS['pii.read'].includes(role);
}

/** The document as a device of `role` may receive it: without its PII unless the role reads it. */
export function asSeenBy<T extends Record<string, unknown>>(
  role: ActorRole,
  collection: CollectionName,
  doc: T,
): T {
  return readsPii(role) ? doc : withoutPii(collection, doc);
}
