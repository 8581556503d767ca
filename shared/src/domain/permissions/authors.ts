import type { CollectionName } from '#shared/domain/vocab';

// The author fields of a pushed document must name the device that pushed it: the hub knows the
// device from its token, so that id is the truth. `ids` are the ids this device writes under (the
// hub-issued one, and the id it had set itself up with before it enrolled, which its older
// documents carry).

type DocState = Record<string, unknown>;

/**
 * Why `next` (over `master`, null for a new document) misnames its author, or null. A new document
 * is created and last updated by the device; an existing one keeps its creator, and names as last
 * editor either the device or the editor it already had (a merge may keep the other side's stamp
 * when that side edited later). An audit entry's actor and device are the device.
 */
export function refusedAuthor(
  collection: CollectionName,
  ids: readonly string[],
  master: DocState | null,
  next: DocState,
): string | null {
  const own = (value: unknown) => typeof value === 'string' && ids.includes(value);
  if (master === null) {
    if (!own(next['createdBy'])) return `createdBy 不是本设备（${String(next['createdBy'])}）`;
  } else if (next['createdBy'] !== master['createdBy']) {
    return 'createdBy 不能修改';
  }
  if (!own(next['updatedBy']) && (master === null || next['updatedBy'] !== master['updatedBy'])) {
    return `updatedBy 不是本设备（${String(next['updatedBy'])}）`;
  }
  if (collection === 'auditTrail') {
    if (!own(next['actor'])) return `审计记录的操作人不是本设备（${String(next['actor'])}）`;
    if (!own(next['device'])) return `审计记录的设备不是本设备（${String(next['device'])}）`;
  }
  return null;
}
