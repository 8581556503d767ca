import { commonAncestor, threeRates, type RateReport } from '#shared/domain/aggregations/index';
import type { CallbackOutcome } from '#shared/domain/vocab';
import type { HistoryMeeting, HistoryRecord, HistoryTask, TopicHistory } from './history';

// The figures a write-up states, read off the history in a fixed order (by time, then id) so the
// same history always gives the same text.

const byAtThenId =
  <T extends { readonly id: string }>(at: (x: T) => string) =>
  (a: T, b: T) =>
    at(a).localeCompare(at(b)) || a.id.localeCompare(b.id);

export interface VoteFact {
  readonly agendaTitle: string;
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

const num = (v: unknown, fallback?: number): number => (typeof v === 'number' ? v : (fallback ?? 0));

function meetingFact(
  meeting: HistoryMeeting,
  records: readonly HistoryRecord[],
  topicId: string,
): MeetingFact {
  const superseded = new Set(records.flatMap((r) => (r.correctsId ? [r.correctsId] : [])));
  const own = records
    .filter((r) => r.meetingId === meeting.id && !superseded.has(r.id))
    .sort(byAtThenId((r) => r.at));
  // Only the agenda items about this topic, unless the meeting never said which item was whose.
  const topicItems = meeting.agenda.filter((a) => a.topicId === topicId).map((a) => a.itemId);
  const about = (r: HistoryRecord) =>
    topicItems.length === 0 || (r.agendaItemId !== undefined && topicItems.includes(r.agendaItemId));
  const title = (r: HistoryRecord) =>
    meeting.agenda.find((a) => a.itemId === r.agendaItemId)?.title ?? meeting.title;
  const signedIn = new Set(
    own.filter((r) => r.kind === 'signIn' && !r.walkIn && r.personId).map((r) => r.personId),
  );
  const proxies = own.filter((r) => r.kind === 'proxy').length;
  return {
    meeting,
    entitled: meeting.roster.filter((e) => e.entitled).length,
    present: signedIn.size + proxies,
    proxies,
    speakers: own.filter((r) => r.kind === 'speaker' && about(r)).length,
    votes: own
      .filter(
        (r) => (r.kind === 'voteResult' || (r.kind === 'correction' && r.result)) && about(r) && r.result,
      )
      .map((r) => ({
        agendaTitle: title(r),
        passed: r.result?.passed === true,
        yes: num(r.result?.yes, r.yes),
        no: num(r.result?.no, r.no),
        abstain: num(r.result?.abstain, r.abstain),
      })),
    decisions: own.filter((r) => r.kind === 'decision' && about(r) && r.text).map((r) => r.text as string),
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
    photos: followUps.reduce((sum, f) => sum + (f.photoCount ?? 0), 0),
    escalations: followUps
      .filter((f) => f.kind === 'escalation')
      .map((f) => ({ at: f.at, note: f.note, ...(f.toLevel ? { toLevel: f.toLevel } : {}) })),
    overdueTasks: tasks.filter(
      (t) => t.escalationLevel > 0 || (t.finishedAt !== undefined && t.finishedAt > t.dueAt),
    ).length,
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
