import { liesUnder } from '#shared/domain/places/index';
import type { MeetingDoc, MeetingRecordDoc, TaskDoc, TopicDoc } from '#shared/schema/index';
import { decisionSource, quickAnswerSource, type HandlingSource } from './tasks-from-decision';

// The 待交办 list: decisions and quick-track answers under a place that no task comes from yet.
// A decision is work to hand out when it names responsible parties or settles a topic; a
// micro-project's approval (no parties, no topic) is followed up as a project instead.

export interface PendingItem {
  readonly key: string;
  readonly source: HandlingSource;
}

export function pendingHandling(
  input: {
    readonly records: readonly MeetingRecordDoc[];
    readonly meetings: readonly Pick<MeetingDoc, 'id' | 'title' | 'agenda'>[];
    readonly topics: readonly TopicDoc[];
    readonly tasks: readonly Pick<TaskDoc, 'topicId' | 'decisionRecordId'>[];
  },
  scope: string,
): PendingItem[] {
  const handedDecisions = new Set(
    input.tasks.map((t) => t.decisionRecordId).filter((id) => id !== undefined),
  );
  const handedTopics = new Set(input.tasks.map((t) => t.topicId).filter((id) => id !== undefined));
  const corrected = new Set(input.records.map((r) => r.correctsId).filter((id) => id !== undefined));
  const meetings = new Map(input.meetings.map((m) => [m.id, m]));
  const topics = new Map(input.topics.map((t) => [t.id, t]));
  const out: PendingItem[] = [];
  for (const record of input.records) {
    if (record.kind !== 'decision' || handedDecisions.has(record.id) || corrected.has(record.id)) continue;
    const meeting = meetings.get(record.meetingId);
    const topicId = meeting?.agenda.find((a) => a.itemId === record.agendaItemId)?.topicId;
    const topic = topicId !== undefined ? topics.get(topicId) : undefined;
    if ((record.parties?.length ?? 0) === 0 && !topic) continue;
    const source = decisionSource(record, { ...(meeting ? { meeting } : {}), ...(topic ? { topic } : {}) });
    if (liesUnder(source.scope, scope) || liesUnder(record.scope, scope))
      out.push({ key: `decision:${record.id}`, source });
  }
  for (const topic of input.topics) {
    if (topic.track !== 'quick' || topic.status !== 'answered' || !topic.quickAnswer) continue;
    if (handedTopics.has(topic.id) || !liesUnder(topic.originScope, scope)) continue;
    out.push({ key: `quick:${topic.id}`, source: quickAnswerSource(topic) });
  }
  return out.sort((a, b) => (a.source.at < b.source.at ? 1 : a.source.at > b.source.at ? -1 : 0));
}
