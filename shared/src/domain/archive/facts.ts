import { commonAncestor, threeRates, type RateReport } from '#shared/domain/aggregations/index';
import type { CallbackOutcome } from '#shared/domain/vocab';
import { meetingFigures } from '#shared/domain/meetings/figures';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import type { HistoryMeeting, HistoryRecord, HistoryTask, TopicHistory } from './history';

// The figures a write-up states, read off the history in a fixed order (by time, then id) so the
// same history always gives the same text.

const byAtThenId =
  <T extends { readonly id: string }>(at: (x: T) => string) =>
  (a: T, b: T) =>
    at(a).localeCompare(at(b)) || a.id.localeCompare(b.id);

export interface VoteFact {
  readonly agendaTitle: string;
  readonly motion: string;
  readonly passed: boolean;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

export interface MeetingFact {
  readonly meeting: HistoryMeeting;
  readonly entitled: number;
  readonly present: number;
  readonly proxies: number;
  readonly speakers: number;
  readonly votes: readonly VoteFact[];
  readonly decisions: readonly string[];
}

/** The story states what the minutes state: both read meetingFigures. */
function meetingFact(
  meeting: HistoryMeeting,
  records: readonly HistoryRecord[],
  topicId: string,
): MeetingFact {
  const own = records.filter((r) => r.meetingId === meeting.id);
  // The figures read only the fields a history carries; the bookkeeping fields play no part.
  const f = meetingFigures(meeting as MeetingDoc, own as MeetingRecordDoc[], { topicId });
  return {
    meeting,
    entitled: f.attendance.entitled,
    present: f.attendance.present,
    proxies: f.attendance.proxies,
    speakers: f.speeches,
    votes: f.votes
      .filter((v) => v.closed)
      .map((v) => ({
        agendaTitle: v.agendaTitle ?? meeting.title,
        motion: v.motion,
        passed: v.passed,
        yes: v.yes,
        no: v.no,
        abstain: v.abstain,
      })),
    decisions: f.decisions.map((d) => d.text),
  };
}

export interface HistoryFacts {
  readonly demandCount: number;
  readonly firstAt?: string;
  readonly lastAt?: string;
  readonly placeCount: number;
  readonly vulnerable: number;
  readonly unreasonable: number;
  readonly meetings: readonly MeetingFact[];
  readonly tasks: readonly HistoryTask[];
  readonly progress: number;
  readonly photos: number;
  readonly escalations: readonly { readonly at: string; readonly toLevel?: string; readonly note: string }[];
  readonly overdueTasks: number;
  /** 待重新交办, 已转交 and 已撤回 tasks: the story must not say all went to plan. */
  readonly returnedTasks: number;
  readonly redirectedTasks: number;
  readonly withdrawnTasks: number;
  readonly acceptances: { readonly passed: number; readonly failed: number };
  readonly callbacks: Readonly<Record<CallbackOutcome, number>>;
  readonly reopened: number;
  readonly rates?: RateReport;
}

export function historyFacts(history: TopicHistory): HistoryFacts {
  const demands = history.demands.filter((d) => d.status !== 'duplicate' && d.duplicateOf === undefined);
  const received = demands.map((d) => d.receivedAt).sort();
  const meetings = [...history.meetings]
    .sort(byAtThenId((m) => m.startsAt))
    .map((m) => meetingFact(m, history.records, history.topic.id));
  const tasks = [...history.tasks].sort(byAtThenId((t) => t.assignedAt));
  const followUps = [...history.followUps].sort(byAtThenId((f) => f.at));
  const latestCallback = new Map<string, CallbackOutcome>();
  for (const f of followUps) {
    const demandId = f.demandId ?? (f.subjectCollection === 'demands' ? f.subjectId : undefined);
    if (
      f.kind === 'callback' &&
      demandId &&
      (f.outcome === 'satisfied' || f.outcome === 'basicallySatisfied' || f.outcome === 'unsatisfied')
    ) {
      latestCallback.set(demandId, f.outcome);
    }
  }
  const callbacks = { satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 };
  for (const outcome of latestCallback.values()) callbacks[outcome] += 1;
  const acceptances = followUps.filter((f) => f.kind === 'acceptance' || f.kind === 'inspection');
  const scope = commonAncestor(demands.map((d) => d.scope));
  return {
    demandCount: demands.length,
    ...(received[0] !== undefined ? { firstAt: received[0], lastAt: received[received.length - 1] } : {}),
    placeCount: new Set(demands.map((d) => d.scope)).size,
    vulnerable: demands.filter((d) => d.vulnerable).length,
    unreasonable: demands.filter((d) => !d.reasonable).length,
    meetings,
    tasks,
    progress: followUps.filter((f) => f.kind === 'progress').length,
    // Stored photos of the tasks, plus counts noted by older progress notes without photos.
    photos:
      tasks.reduce((sum, t) => sum + (t.photos?.length ?? 0), 0) +
      followUps.reduce((sum, f) => sum + (f.photoCount ?? 0), 0),
    escalations: followUps
      .filter((f) => f.kind === 'escalation')
      .map((f) => ({ at: f.at, note: f.note, ...(f.toLevel ? { toLevel: f.toLevel } : {}) })),
    overdueTasks: tasks.filter(
      (t) => t.escalationLevel > 0 || (t.finishedAt !== undefined && t.finishedAt > t.dueAt),
    ).length,
    returnedTasks: tasks.filter((t) => t.status === 'declined').length,
    redirectedTasks: tasks.filter((t) => t.status === 'redirected').length,
    withdrawnTasks: tasks.filter((t) => t.status === 'withdrawn').length,
    acceptances: {
      passed: acceptances.filter((f) => f.outcome === 'passed').length,
      failed: acceptances.filter((f) => f.outcome === 'failed').length,
    },
    callbacks,
    reopened: demands.filter((d) => d.reopenedCount > 0).length,
    ...(scope !== ''
      ? {
          rates: threeRates(demands, history.followUps, {
            scope,
            from: '0000-01-01T00:00:00.000Z',
            to: '9999-12-31T00:00:00.000Z',
          }),
        }
      : {}),
  };
}
