// SQL of the attachments table: photo bytes keyed by document, attachment id and digest, so a
// replaced photo never overwrites the bytes another device may still be fetching.

import type { Doc } from '#shared/protocol/v1';
import type { SqlClient } from '../db/driver';

export interface AttachmentInput {
  collection: string;
  docId: string;
  attId: string;
  digest: string;
  contentType: string;
  data: Buffer;
}

export interface StoredAttachment {
  contentType: string;
  data: Buffer;
}

export async function findDocument(db: SqlClient, collection: string, id: string): Promise<Doc | null> {
  const rows = await db.query<{ deleted: boolean; data: Record<string, unknown> }>(
    `select deleted, data from documents where collection = $1 and id = $2`,
    [collection, id],
  );
  const row = rows[0];
  return row ? ({ ...row.data, _deleted: row.deleted } as Doc) : null;
}

/** Stores the bytes unless they are already there; true when this call stored them. */
export async function insertAttachment(db: SqlClient, input: AttachmentInput): Promise<boolean> {
  const rows = await db.query<{ att_id: string }>(
    `insert into attachments (collection, doc_id, att_id, digest, content_type, length, data)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (collection, doc_id, att_id, digest) do nothing
     returning att_id`,
    [
      input.collection,
      input.docId,
      input.attId,
      input.digest,
      input.contentType,
      input.data.length,
      input.data,
    ],
  );
  return rows.length > 0;
}

export async function findAttachment(
  db: SqlClient,
  collection: string,
  docId: string,
  attId: string,
  digest: string,
): Promise<StoredAttachment | null> {
  const rows = await db.query<{ content_type: string; data: Uint8Array }>(
    `select content_type, data from attachments
     where collection = $1 and doc_id = $2 and att_id = $3 and digest = $4`,
    [collection, docId, attId, digest],
  );
  const row = rows[0];
  if (!row) return null;
  // PGlite answers bytea as a Uint8Array, node-postgres as a Buffer: hand out one kind.
  return {
    contentType: row.content_type,
    data: Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength),
  };
}

/**
 * Collects photo bytes no document references any more (the document was deleted or no longer
 * lists that id and digest). An unreferenced attachment is first marked; it is deleted only once
 * it has stayed unreferenced for `graceMs`, since a device that is behind may still fetch it, and
 * a document may point at it again (a restore, an undo). Returns what was deleted.
 */
export async function collectAttachments(
  db: SqlClient,
  now: Date,
  graceMs: number,
): Promise<{ deleted: number; bytes: number }> {
  const referenced = `exists (
      select 1 from documents d
      cross join lateral jsonb_array_elements(
        case when jsonb_typeof(d.data->'photos') = 'array' then d.data->'photos' else '[]'::jsonb end) p
      where d.collection = a.collection and d.id = a.doc_id and not d.deleted
        and p->>'id' = a.att_id and p->>'digest' = a.digest)`;
  await db.query(
    `update attachments a set unreferenced_since = null where unreferenced_since is not null and ${referenced}`,
  );
  await db.query(
    `update attachments a set unreferenced_since = $1 where unreferenced_since is null and not ${referenced}`,
    [now.toISOString()],
  );
  const rows = await db.query<{ n: number | string; bytes: number | string | null }>(
    `with d as (delete from attachments where unreferenced_since <= $1 returning length)
     select count(*) as n, sum(length) as bytes from d`,
    [new Date(now.getTime() - graceMs).toISOString()],
  );
  return { deleted: Number(rows[0]?.n ?? 0), bytes: Number(rows[0]?.bytes ?? 0) };
}
