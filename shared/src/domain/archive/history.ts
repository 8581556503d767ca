import type {
  CallbackOutcome,
  DemandCategory,
  DemandSource,
  DemandState,
  DemandType,
  FollowUpKind,
  FollowUpSubject,
  Level,
  PartyState,
  TaskClassification,
  TaskPartyKind,
  TaskState,
  TopicTrack,
  Urgency,
  CaseKind,
} from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';

// A topic's whole history, as the fields of the stored documents the write-up reads (a real
// document fits structurally), and the pure selection of that history from the collections.

export interface HistoryTopic {
  readonly id: string;
  readonly scope: string;
  readonly title: string;
  readonly description: string;
  readonly category: DemandCategory;
  readonly level: Level;
  readonly originLevel: Level;
  readonly track: TopicTrack;
  readonly demandIds: readonly string[];
  readonly meetingIds: readonly string[];
  readonly stakeholders: readonly { readonly kind: string; readonly name: string }[];
  readonly escalations: readonly {
    readonly fromLevel: Level;
    readonly toLevel: Level;
    readonly at: string;
    readonly reason: string;
  }[];
  readonly decision?: string;
  readonly quickAnswer?: string;
  readonly answeredAt?: string;
}

export interface HistoryDemand {
  readonly id: string;
  readonly scope: string;
  readonly title: string;
  readonly description: string;
  readonly type: DemandType;
  readonly source: DemandSource;
  readonly category: DemandCategory;
  readonly urgency: Urgency;
  readonly status: DemandState;
  readonly receivedAt: string;
  readonly respondedAt?: string;
  readonly resolvedAt?: string;
  readonly reasonable: boolean;
  readonly reopenedCount: number;
  readonly vulnerable: boolean;
  readonly topicId?: string;
  readonly duplicateOf?: string;
}

/** The meeting fields the figures of every paper are read from (meetingFigures). */
export type HistoryMeeting = Pick<
  MeetingDoc,
  | 'id'
  | 'title'
  | 'kind'
  | 'startsAt'
  | 'agenda'
  | 'roster'
  | 'quorumNumerator'
  | 'quorumDenominator'
  | 'proxyLimit'
  | 'defaultRule'
  | 'defaultBase'
>;

/** A meeting record without the bookkeeping fields (scope, created/updated). */
export type HistoryRecord = Omit<
  MeetingRecordDoc,
  'scope' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'by'
>;

export interface HistoryTask {
  readonly id: string;
  readonly title: string;
  readonly topicId?: string;
  readonly meetingId?: string;
  readonly photos?: readonly unknown[];
  readonly classification: TaskClassification;
  readonly level: Level;
  readonly status: TaskState;
  readonly parties: readonly {
    readonly name: string;
    readonly kind: TaskPartyKind;
    readonly state: PartyState;
    readonly reason?: string;
    readonly redirectedTo?: string;
  }[];
  readonly assignedAt: string;
  readonly dueAt: string;
  readonly finishedAt?: string;
  readonly acceptedAt?: string;
  readonly escalationLevel: number;
}

export interface HistoryFollowUp {
  readonly id: string;
  readonly scope: string;
  readonly kind: FollowUpKind;
  readonly subjectCollection: FollowUpSubject;
  readonly subjectId: string;
  readonly at: string;
  readonly note: string;
  readonly outcome?: CallbackOutcome | 'passed' | 'failed';
  readonly toLevel?: Level;
  readonly demandId?: string;
  readonly photoCount?: number;
}

export interface TopicHistory {
  readonly topic: HistoryTopic;
  /** Name of the place the topic belongs to (e.g. 华严北里). */
  readonly placeName: string;
  readonly demands: readonly HistoryDemand[];
  readonly meetings: readonly HistoryMeeting[];
  readonly records: readonly HistoryRecord[];
  readonly tasks: readonly HistoryTask[];
  readonly followUps: readonly HistoryFollowUp[];
}

export interface HistorySources {
  readonly demands: readonly HistoryDemand[];
  readonly meetings: readonly HistoryMeeting[];
  readonly records: readonly HistoryRecord[];
  readonly tasks: readonly HistoryTask[];
  readonly followUps: readonly HistoryFollowUp[];
}

/**
 * Everything that belongs to the topic: its demands (listed or pointing at it), the meetings it
 * was on (listed or on their agenda), those meetings' records, its tasks, and the follow-ups about
 * the topic, its tasks or its demands.
 */
export function collectTopicHistory(
  topic: HistoryTopic,
  placeName: string,
  sources: HistorySources,
): TopicHistory {
  const demandIds = new Set(topic.demandIds);
  const demands = sources.demands.filter((d) => demandIds.has(d.id) || d.topicId === topic.id);
  const meetingIds = new Set(topic.meetingIds);
  const meetings = sources.meetings.filter(
    (m) => meetingIds.has(m.id) || m.agenda.some((a) => a.topicId === topic.id),
  );
  const inMeetings = new Set(meetings.map((m) => m.id));
  const tasks = sources.tasks.filter((t) => t.topicId === topic.id);
  const taskIds = new Set(tasks.map((t) => t.id));
  const ownDemands = new Set(demands.map((d) => d.id));
  const followUps = sources.followUps.filter(
    (f) =>
      (f.subjectCollection === 'topics' && f.subjectId === topic.id) ||
      (f.subjectCollection === 'tasks' && taskIds.has(f.subjectId)) ||
      (f.subjectCollection === 'demands' && ownDemands.has(f.subjectId)) ||
      (f.demandId !== undefined && ownDemands.has(f.demandId)),
  );
  return {
    topic,
    placeName,
    demands,
    meetings,
    records: sources.records.filter((r) => inMeetings.has(r.meetingId)),
    tasks,
    followUps,
  };
}

export const CASE_KIND_LABELS: Readonly<Record<CaseKind, string>> = {
  experience: '经验',
  case: '案例',
  story: '故事',
};
