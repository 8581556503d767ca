import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { DeviceKind } from '#shared/domain/vocab';
import { defaultRoleFor, STREET_CODE_PATTERN } from '#shared/domain/device';
import { initials } from '#shared/domain/text/pinyin';
import type { PlaceDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';
import { audit, created } from '../../db/write';
import { saveSettings } from '../../db/settings';

const BATCH = 500;

export interface Progress {
  done: number;
  total: number;
}

/**
 * Loads the demo street (小关街道). Ids are deterministic, so loading twice updates in place and
 * never duplicates. The generator is loaded on demand: it is not needed by people who never ask.
 */
export async function loadDemoStreet(db: YishiDatabase, onProgress: (p: Progress) => void): Promise<number> {
  const { generateDemoStreet } = await import('#resources/demo/index');
  const data = generateDemoStreet({ seed: 1, now: nowIso(), scale: 1 });
  const total = COLLECTION_NAMES.reduce((sum, name) => sum + data[name].length, 0);
  let done = 0;
  onProgress({ done, total });
  for (const name of COLLECTION_NAMES) {
    const docs = data[name];
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH);
      const result = await db.collections[name].bulkUpsert(batch as never[]);
      if (result.error.length > 0) {
        throw new Error(`${name}: ${result.error.length} 条示例数据写入失败`);
      }
      done += batch.length;
      onProgress({ done, total });
    }
  }
  return total;
}

export function validateStreet(name: string, code: string): 'streetNameMissing' | 'streetCodeInvalid' | null {
  if (!name.trim()) return 'streetNameMissing';
  if (!STREET_CODE_PATTERN.test(code)) return 'streetCodeInvalid';
  return null;
}

/** A standalone street: the root of the place tree for people who start with their own data. */
export async function createStreet(
  db: YishiDatabase,
  deviceId: string,
  name: string,
  code: string,
): Promise<PlaceDoc> {
  const at = nowIso();
  const place: PlaceDoc = {
    ...created({ deviceId }, code, newId('place'), at),
    kind: 'street',
    name: name.trim(),
    parentId: null,
    code,
    initials: initials(name.trim()),
    order: 0,
  };
  await db.places.insert(place);
  return place;
}

export async function completeSetup(
  db: YishiDatabase,
  input: { deviceId: string; deviceName: string; deviceKind: DeviceKind; homeScope: string },
): Promise<void> {
  const at = nowIso();
  await saveSettings(db, {
    deviceId: input.deviceId,
    deviceName: input.deviceName.trim(),
    deviceKind: input.deviceKind,
    homeScope: input.homeScope,
    role: defaultRoleFor(input.deviceKind),
    setupAt: at,
    hub: null,
  });
  await audit(db, { deviceId: input.deviceId }, input.homeScope, 'device.setup', {
    collection: 'places',
    detail: `${input.deviceName.trim()} · ${input.deviceKind}`,
  });
}

export function newDeviceId(): string {
  return newId('device');
}
