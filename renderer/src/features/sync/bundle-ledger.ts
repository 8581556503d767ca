// What this device remembers of its sync bundles, in the database's own local documents (wiped
// with the device): the digests of each export's rows, to know on import which rows changed since
// (never the rows themselves), and the return bundles already taken in.

import type { CarriedDigests } from '#shared/sync/bundle-exchange';
import type { YishiDatabase } from '../../db/create-database';

const LEDGER_ID = 'sync-bundles';
/** A hall rarely has more than a few bundles on the road at once. */
const KEEP = 12;

interface Ledger {
  exports: { bundleId: string; createdAt: string; carried: CarriedDigests }[];
  imported: { bundleId: string; at: string }[];
}

async function read(db: YishiDatabase): Promise<Ledger> {
  const doc = await db.getLocal<Ledger>(LEDGER_ID);
  const data = doc?.toJSON().data as Ledger | undefined;
  return { exports: data?.exports ?? [], imported: data?.imported ?? [] };
}

export async function rememberExport(
  db: YishiDatabase,
  entry: { bundleId: string; createdAt: string; carried: CarriedDigests },
): Promise<void> {
  const ledger = await read(db);
  await db.upsertLocal<Ledger>(LEDGER_ID, { ...ledger, exports: [...ledger.exports, entry].slice(-KEEP) });
}

/** The digests kept for the export a return bundle answers; null when this device has none. */
export async function carriedFor(db: YishiDatabase, bundleId: string): Promise<CarriedDigests | null> {
  return (await read(db)).exports.find((e) => e.bundleId === bundleId)?.carried ?? null;
}

export async function importedAt(db: YishiDatabase, returnId: string): Promise<string | null> {
  return (await read(db)).imported.find((e) => e.bundleId === returnId)?.at ?? null;
}

export async function rememberImport(db: YishiDatabase, returnId: string, at: string): Promise<void> {
  const ledger = await read(db);
  await db.upsertLocal<Ledger>(LEDGER_ID, {
    ...ledger,
    imported: [...ledger.imported.filter((e) => e.bundleId !== returnId), { bundleId: returnId, at }].slice(
      -KEEP,
    ),
  });
}
