import type { CommandContext } from '#shared/domain/commands/index';
import type { MeetingRecordDoc } from '#shared/schema/index';

// Every console entry is one immutable meetingRecords document. A later record that names an
// earlier one in `correctsId` stands in its place (same kind: the new content; kind
// 'correction' without content: the entry is void). Two devices recording the same meeting
// therefore only ever add documents and never edit the same one.

/** The fields a command chooses; base fields, meetingId, at and by come from the context. */
export type RecordFields = Omit<
  MeetingRecordDoc,
  'id' | 'scope' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'meetingId' | 'at' | 'by'
>;

export function makeRecord(
  meeting: { readonly id: string; readonly scope: string },
  ctx: CommandContext,
  fields: RecordFields,
): MeetingRecordDoc {
  return {
    id: ctx.newId('mrec'),
    scope: meeting.scope,
    createdAt: ctx.now,
    createdBy: ctx.deviceId,
    updatedAt: ctx.now,
    updatedBy: ctx.deviceId,
    meetingId: meeting.id,
    at: ctx.now,
    by: ctx.actor.id,
    ...fields,
  };
}

export const byTime = (a: MeetingRecordDoc, b: MeetingRecordDoc): number =>
  a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1;

/** A record in force: the latest version standing for the original entry `rootId`. */
export interface Current {
  readonly rootId: string;
  readonly root: MeetingRecordDoc;
  readonly record: MeetingRecordDoc;
  /** Every version of the entry, oldest first (the root first). */
  readonly history: readonly MeetingRecordDoc[];
}

/**
 * Entries of the given kinds after corrections, in the order their originals were recorded.
 * Voided entries are left out. Corrections are applied in time order, so the last word wins
 * whichever device wrote it.
 */
export function currentEntries(records: readonly MeetingRecordDoc[], kinds: readonly string[]): Current[] {
  const sorted = [...records].sort(byTime);
  const rootOf = new Map<string, MeetingRecordDoc>();
  const state = new Map<string, { record: MeetingRecordDoc | null; history: MeetingRecordDoc[] }>();
  for (const record of sorted) {
    if (record.correctsId === undefined) {
      if (!kinds.includes(record.kind)) continue;
      rootOf.set(record.id, record);
      state.set(record.id, { record, history: [record] });
      continue;
    }
    const root = rootOf.get(record.correctsId);
    const entry = root ? state.get(root.id) : undefined;
    if (!root || !entry) continue;
    rootOf.set(record.id, root);
    entry.history.push(record);
    entry.record = record.kind === 'correction' ? null : record;
  }
  const out: Current[] = [];
  for (const [rootId, entry] of state) {
    const root = rootOf.get(rootId);
    if (root && entry.record) out.push({ rootId, root, record: entry.record, history: entry.history });
  }
  return out;
}

/** Ids of the sign-in and proxy entries and of the corrections aimed at them (for `attendance`). */
export function attendanceRecords(records: readonly MeetingRecordDoc[]): MeetingRecordDoc[] {
  const related = new Set<string>();
  const out: MeetingRecordDoc[] = [];
  for (const record of [...records].sort(byTime)) {
    const isEntry = (record.kind === 'signIn' || record.kind === 'proxy') && record.correctsId === undefined;
    const correctsEntry = record.correctsId !== undefined && related.has(record.correctsId);
    if (isEntry || correctsEntry) {
      related.add(record.id);
      // attendance() reads every correction as kind 'correction'; a same-kind replacement is one too.
      out.push(correctsEntry && record.kind !== 'correction' ? { ...record, kind: 'correction' } : record);
    }
  }
  return out;
}
