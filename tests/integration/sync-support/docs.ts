// Minimal valid documents for the sync tests (the hub validates every row against the shared
// schemas, so these must be real documents). Creation fields are filled in by the device.

export function demand(
  id: string,
  scope: string,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    scope,
    placeId: 'place-1',
    title: `诉求 ${id}`,
    description: '楼道照明损坏',
    type: 'complaint',
    category: 'publicFacilities',
    source: 'visit',
    urgency: 'normal',
    status: 'received',
    receivedAt: '2026-11-29T08:00:00.000Z',
    vulnerable: false,
    reasonable: true,
    reopenedCount: 0,
    ...fields,
  };
}

export function followUp(
  id: string,
  scope: string,
  subjectId: string,
  note: string,
): Record<string, unknown> {
  return {
    id,
    scope,
    kind: 'progress',
    subjectCollection: 'demands',
    subjectId,
    at: '2026-11-29T09:00:00.000Z',
    by: 'worker-1',
    note,
  };
}

type Dump = Record<string, Array<Record<string, unknown>>>;

/** A device's database without per-device bookkeeping, for comparing devices. */
export function comparable(dump: Dump): Dump {
  const out: Dump = {};
  for (const [name, docs] of Object.entries(dump)) out[name] = docs.map((d) => ({ ...d }));
  return out;
}
