// Mapping presets live in an RxDB local document: they belong to this device (how its 12345
// exports look), are never replicated, and survive restarts.
import { DEFAULT_PRESET, type MappingPreset } from '#shared/domain/hotline/fields';
import type { YishiDatabase } from '../../db/create-database';

const PRESETS_ID = 'hotline-presets';

export interface PresetStore {
  presets: MappingPreset[];
  lastId: string;
}

export async function readPresets(db: YishiDatabase): Promise<PresetStore> {
  const doc = await db.getLocal<PresetStore>(PRESETS_ID);
  const saved = doc ? (doc.toJSON().data as PresetStore) : undefined;
  const custom = (saved?.presets ?? []).filter((p) => p.id !== DEFAULT_PRESET.id);
  return { presets: [DEFAULT_PRESET, ...custom], lastId: saved?.lastId ?? DEFAULT_PRESET.id };
}

export async function writePresets(db: YishiDatabase, store: PresetStore): Promise<void> {
  await db.upsertLocal<PresetStore>(PRESETS_ID, {
    presets: store.presets.filter((p) => p.id !== DEFAULT_PRESET.id),
    lastId: store.lastId,
  });
}
