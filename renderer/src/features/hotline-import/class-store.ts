// The street's table from the city's classes to the app's categories lives in an RxDB local
// document: it belongs to this device (how its exports are classified), is never replicated, and
// survives restarts. Entries a person chose are kept over the built-in ones.
import { DEFAULT_CLASS_MAPPING, type ClassMapping } from '#shared/domain/hotline/classes';
import type { DemandCategory } from '#shared/domain/vocab';
import type { YishiDatabase } from '../../db/create-database';

const CLASSES_ID = 'hotline-classes';

interface StoredClasses {
  chosen: Record<string, DemandCategory>;
}

/** The built-in table with what people chose on this device laid over it. */
export async function readClassMapping(db: YishiDatabase): Promise<ClassMapping> {
  const doc = await db.getLocal<StoredClasses>(CLASSES_ID);
  const chosen = doc ? (doc.toJSON().data as StoredClasses).chosen : {};
  return { ...DEFAULT_CLASS_MAPPING, ...chosen };
}

/** Remembers the classes a person assigned (added to, or replacing, earlier choices). */
export async function rememberClasses(
  db: YishiDatabase,
  assigned: Readonly<Record<string, DemandCategory>>,
): Promise<ClassMapping> {
  const doc = await db.getLocal<StoredClasses>(CLASSES_ID);
  const chosen = { ...(doc ? (doc.toJSON().data as StoredClasses).chosen : {}), ...assigned };
  await db.upsertLocal<StoredClasses>(CLASSES_ID, { chosen });
  return { ...DEFAULT_CLASS_MAPPING, ...chosen };
}
