import { attendance, quorum, type Attendance, type QuorumResult } from '#shared/domain/votes/index';
import type { AgendaItem, MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { attendanceRecords, byTime, currentEntries } from './records';
import { votesOf, type VoteView } from './vote-view';

// The live picture of a meeting, derived from its record alone: who is present, whether the
// quorum is reached, which agenda item runs since when, who speaks, the votes and decisions.
// The console and the projector both draw this, so they never disagree.

export interface ItemTiming {
  readonly itemId: string;
  readonly startedAt?: string;
  /** Seconds the item took, once ended. */
  readonly durationSeconds?: number;
}

export interface SpeakerEntry {
  readonly entryId: string;
  readonly name: string;
  readonly personId?: string;
  readonly agendaItemId?: string;
  readonly requestedAt: string;
  readonly state: 'queued' | 'speaking' | 'done';
  readonly startedAt?: string;
  readonly durationSeconds?: number;
  readonly text?: string;
}

export interface DecisionView {
  readonly rootId: string;
  readonly record: MeetingRecordDoc;
  readonly agendaItemId?: string;
  readonly voteId?: string;
  readonly text: string;
  readonly parties: NonNullable<MeetingRecordDoc['parties']>;
  readonly corrected: boolean;
}

export interface LiveState {
  readonly attendance: Attendance;
  readonly quorum: QuorumResult;
  readonly timings: ReadonlyMap<string, ItemTiming>;
  /** The agenda item started last and not yet ended. */
  readonly currentItem?: AgendaItem & { readonly startedAt: string };
  readonly speakers: readonly SpeakerEntry[];
  readonly speaking?: SpeakerEntry;
  readonly votes: readonly VoteView[];
  readonly decisions: readonly DecisionView[];
}

export function attendanceOf(meeting: MeetingDoc, records: readonly MeetingRecordDoc[]): Attendance {
  return attendance(meeting.roster, attendanceRecords(records), meeting.proxyLimit);
}

export function quorumOf(meeting: MeetingDoc, present: Attendance): QuorumResult {
  return quorum({
    entitled: present.entitled,
    present: present.presentCount,
    numerator: meeting.quorumNumerator,
    denominator: meeting.quorumDenominator,
  });
}

function timingsOf(records: readonly MeetingRecordDoc[]): Map<string, ItemTiming> {
  const timings = new Map<string, ItemTiming>();
  for (const { record } of currentEntries(records, ['agendaTiming'])) {
    const id = record.agendaItemId;
    if (id === undefined) continue;
    const before = timings.get(id);
    if (record.durationSeconds === undefined) {
      // A restart after an end reopens the item; its earlier time is kept in the record.
      timings.set(id, { itemId: id, startedAt: record.at });
    } else {
      timings.set(id, {
        itemId: id,
        ...(before?.startedAt !== undefined ? { startedAt: before.startedAt } : {}),
        durationSeconds: record.durationSeconds,
      });
    }
  }
  return timings;
}

function speakersOf(records: readonly MeetingRecordDoc[]): SpeakerEntry[] {
  return currentEntries(records, ['speaker']).map(({ root, record, history }) => {
    const started = history.find((r) => r !== root && r.durationSeconds === undefined);
    const done = record.durationSeconds !== undefined;
    const state: SpeakerEntry['state'] = done ? 'done' : record === root ? 'queued' : 'speaking';
    // A turn recorded after the fact (no queue) started at its own time.
    const startedAt = started?.at ?? (done && record === root ? root.at : undefined);
    return {
      entryId: root.id,
      name: root.name ?? '',
      ...(root.personId !== undefined ? { personId: root.personId } : {}),
      ...(root.agendaItemId !== undefined ? { agendaItemId: root.agendaItemId } : {}),
      requestedAt: root.at,
      state,
      ...(startedAt !== undefined ? { startedAt } : {}),
      ...(record.durationSeconds !== undefined ? { durationSeconds: record.durationSeconds } : {}),
      ...(record.text !== undefined ? { text: record.text } : {}),
    };
  });
}

export function decisionsOf(records: readonly MeetingRecordDoc[]): DecisionView[] {
  return currentEntries(records, ['decision']).map(({ rootId, record, history }) => ({
    rootId,
    record,
    ...(record.agendaItemId !== undefined ? { agendaItemId: record.agendaItemId } : {}),
    ...(record.voteId !== undefined ? { voteId: record.voteId } : {}),
    text: record.text ?? '',
    parties: record.parties ?? [],
    corrected: history.length > 1,
  }));
}

export function liveState(meeting: MeetingDoc, records: readonly MeetingRecordDoc[]): LiveState {
  const own = records.filter((r) => r.meetingId === meeting.id).sort(byTime);
  const present = attendanceOf(meeting, own);
  const timings = timingsOf(own);
  let currentItem: LiveState['currentItem'];
  for (const item of meeting.agenda) {
    const timing = timings.get(item.itemId);
    if (timing?.startedAt !== undefined && timing.durationSeconds === undefined) {
      if (!currentItem || timing.startedAt >= currentItem.startedAt)
        currentItem = { ...item, startedAt: timing.startedAt };
    }
  }
  const speakers = speakersOf(own);
  const speaking = speakers.find((s) => s.state === 'speaking');
  return {
    attendance: present,
    quorum: quorumOf(meeting, present),
    timings,
    ...(currentItem ? { currentItem } : {}),
    speakers,
    ...(speaking ? { speaking } : {}),
    votes: votesOf(meeting, own, present),
    decisions: decisionsOf(own),
  };
}

/** Seconds between two ISO times, never negative. */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}
