import { MEETING_KINDS, type MeetingKind, type MeetingState } from '#shared/domain/vocab';
import { meetingFigures } from '#shared/domain/meetings/index';
import type { AttendanceRecord } from '#shared/domain/votes/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { liesUnder } from '#shared/domain/places/index';
import { monthOfInstant } from '#shared/domain/aggregations/instants';
import { countOf, ratio, sumOf, type Figure } from './figures';
import { inPeriod, monthsOf, type Period } from './period';

// 议事会 held and participation. A meeting is held once it started (not draft, noticed or
// cancelled) and it started in the period. 应到 and 实到 are each held meeting's own figures (the
// ones its minutes, 公示 and guide print); the drill-down lists the sign-in records behind them.

export const HELD_MEETING_STATES: readonly MeetingState[] = [
  'inProgress',
  'adjourned',
  'minutesDrafted',
  'minutesApproved',
  'published',
];

type Meeting = MeetingDoc;
type MeetingRecord = MeetingRecordDoc;

export interface MeetingMonth {
  readonly month: string;
  readonly held: Figure;
  readonly attendees: Figure;
}

export interface MeetingStats {
  readonly held: Figure;
  readonly byKind: readonly { readonly kind: MeetingKind; readonly held: Figure }[];
  readonly byMonth: readonly MeetingMonth[];
  /** People who signed in (entitled, 列席 and walk-ins), as sign-in records. */
  readonly attendees: Figure;
  /** Valid proxies (委托), as proxy records. */
  readonly proxies: Figure;
  /** 应到: entitled places on the rosters of the held meetings. */
  readonly entitled: Figure;
  /** 实到: entitled people present in person or by proxy (sign-in and proxy records). */
  readonly present: Figure;
  readonly attendanceRate: number | null;
}

/** The sign-in and proxy records in force after corrections (as `attendance` applies them). */
function effectiveIds(records: readonly AttendanceRecord[]): Map<string, AttendanceRecord> {
  const byTime = (a: AttendanceRecord, b: AttendanceRecord) =>
    a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1;
  const originals = records.filter((r) => r.kind === 'signIn' || r.kind === 'proxy');
  const rootOf = new Map(originals.map((r) => [r.id, r]));
  const current = new Map<string, AttendanceRecord | null>(originals.map((r) => [r.id, r]));
  for (const correction of records.filter((r) => r.kind === 'correction').sort(byTime)) {
    const root = correction.correctsId === undefined ? undefined : rootOf.get(correction.correctsId);
    if (!root) continue;
    rootOf.set(correction.id, root);
    const replaces = correction.personId !== undefined || correction.name !== undefined;
    current.set(root.id, replaces ? { ...correction, kind: root.kind } : null);
  }
  const out = new Map<string, AttendanceRecord>();
  for (const record of current.values()) if (record) out.set(record.id, record);
  return out;
}

export function meetingStats(
  meetings: readonly Meeting[],
  records: readonly MeetingRecord[],
  options: Period & { readonly scope: string },
): MeetingStats {
  const held = meetings
    .filter(
      (m) =>
        liesUnder(m.scope, options.scope) &&
        HELD_MEETING_STATES.includes(m.status) &&
        inPeriod(m.startsAt, options),
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  const heldIds = new Set(held.map((m) => m.id));
  const recordsOf = new Map<string, MeetingRecord[]>();
  for (const record of records) {
    if (!heldIds.has(record.meetingId)) continue;
    const list = recordsOf.get(record.meetingId);
    if (list) list.push(record);
    else recordsOf.set(record.meetingId, [record]);
  }

  const attendees: string[] = [];
  const proxies: string[] = [];
  const present: string[] = [];
  let entitled = 0;
  let presentCount = 0;
  const attendeesByMeeting = new Map<string, string[]>();
  for (const meeting of held) {
    const own = recordsOf.get(meeting.id) ?? [];
    const figures = meetingFigures(meeting, own);
    entitled += figures.attendance.entitled;
    presentCount += figures.attendance.present;
    const refused = new Set(figures.refusedRecordIds);
    const roster = new Map(meeting.roster.map((e) => [e.personId, e]));
    const signedIn: string[] = [];
    for (const record of effectiveIds(own).values()) {
      if (refused.has(record.id)) continue;
      if (record.kind === 'proxy') {
        proxies.push(record.id);
        present.push(record.id);
        continue;
      }
      signedIn.push(record.id);
      if (record.personId !== undefined && roster.get(record.personId)?.entitled) present.push(record.id);
    }
    attendees.push(...signedIn);
    attendeesByMeeting.set(meeting.id, signedIn);
  }

  const heldIdsList = held.map((m) => m.id);
  const heldByMonth = new Map<string, Meeting[]>();
  for (const meeting of held) {
    const month = monthOfInstant(meeting.startsAt);
    const list = heldByMonth.get(month);
    if (list) list.push(meeting);
    else heldByMonth.set(month, [meeting]);
  }
  return {
    held: countOf('meetings', heldIdsList),
    byKind: MEETING_KINDS.map((kind) => ({
      kind,
      held: countOf(
        'meetings',
        held.filter((m) => m.kind === kind).map((m) => m.id),
      ),
    })),
    byMonth: monthsOf(options).map((month) => {
      const inMonth = heldByMonth.get(month) ?? [];
      return {
        month,
        held: countOf(
          'meetings',
          inMonth.map((m) => m.id),
        ),
        attendees: countOf(
          'meetingRecords',
          inMonth.flatMap((m) => attendeesByMeeting.get(m.id) ?? []),
        ),
      };
    }),
    attendees: countOf('meetingRecords', attendees),
    proxies: countOf('meetingRecords', proxies),
    entitled: sumOf('meetings', heldIdsList, entitled),
    present: sumOf('meetingRecords', present, presentCount),
    attendanceRate: ratio(presentCount, entitled),
  };
}
