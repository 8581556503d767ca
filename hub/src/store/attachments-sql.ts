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
