// Devices enrolled before the hub asked for their local id write their documents under an id the
// hub was never told. Such a device names it by the documents themselves: when every row of a push
// that names an author other than the device's hub id as both creator and last editor (what only a
// new document of its own does) names the same id, that id is the candidate; the store records it
// once, for a device enrolled before, and only when no other active device writes under it.

import type { DeviceActor, ParsedRow } from './rules';

/** The one local id the rows claim for `actor`, or null (none, several, or it already has one). */
export function claimedLocalId(actor: DeviceActor, rows: readonly ParsedRow[]): string | null {
  if (actor.localId) return null;
  const claimed = new Set<string>();
  for (const row of rows) {
    const { createdBy, updatedBy } = row.next as Record<string, unknown>;
    if (typeof createdBy === 'string' && createdBy === updatedBy && createdBy !== actor.id)
      claimed.add(createdBy);
  }
  return claimed.size === 1 ? ([...claimed][0] as string) : null;
}
