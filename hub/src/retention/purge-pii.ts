// The retention of residents' personal information on the hub (`npm run hub -- purge-pii
// --before DATE`). Past retention, a document keeps everything but its PII fields (the schemas'
// `pii` marks): a demand closed before the date, a person marked inactive and last changed before
// it, and any deleted document. The new states are written like any change, with new sequence
// numbers, so every device pulls them and drops the fields too. Refused rows in quarantine from
// before the date are deleted (they may hold the same data).

import { PII_FIELDS, withoutPii } from '#shared/schema/pii';
import type { CollectionName } from '#shared/domain/vocab';
import type { Doc } from '#shared/protocol/v1';
import type { Store } from '../store/store';

const PAGE = 1000;

export interface PurgeOutcome {
  before: string;
  documents: number;
  quarantine: number;
}

/** Whether `doc` is past the retention date `before` (ISO). */
export function pastRetention(collection: CollectionName, doc: Doc, before: string): boolean {
  if (doc._deleted === true) return true;
  const at = (field: string) => {
    const v = (doc as Record<string, unknown>)[field];
    return typeof v === 'string' && v < before;
  };
  if (collection === 'demands') return at('closedAt');
  if (collection === 'people') return (doc as Record<string, unknown>)['active'] === false && at('updatedAt');
  return false;
}

export async function purgePii(store: Store, before: Date, actor: string, now: Date): Promise<PurgeOutcome> {
  const cutoff = before.toISOString();
  const changed: Array<{ collection: CollectionName; doc: Doc }> = [];
  for (let since = 0; ;) {
    const page = await store.changesSince(since, PAGE);
    for (const { collection, doc } of page) {
      const name = collection as CollectionName;
      if ((PII_FIELDS[name] ?? []).length === 0 || !pastRetention(name, doc, cutoff)) continue;
      const stripped = withoutPii(name, doc);
      if (stripped !== doc)
        changed.push({ collection: name, doc: { ...stripped, updatedAt: now.toISOString() } });
    }
    const last = page[page.length - 1];
    if (!last || page.length < PAGE) break;
    since = last.seq;
  }
  // Written as the hub's own change, with new sequence numbers, so every device pulls it.
  const documents = (await store.seed(changed, () => false)).written;
  const quarantine = await store.purgeQuarantine({ before });
  await store.audit({
    at: now.toISOString(),
    actor,
    action: 'hub.purge-pii',
    detail: { before: cutoff, documents, quarantine },
  });
  return { before: cutoff, documents, quarantine };
}
