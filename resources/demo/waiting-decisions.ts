import type { DemandDoc, MeetingRecordDoc, TaskDoc, TopicDoc } from '#shared/schema/index';

// A decision naming responsible parties that no task comes from yet is work waiting in 待交办. Its
// topic is then decided, not dropped: the street has deliberated it and owes the hand-out. The
// generator can draw 'dropped' for such an old topic; this pass states it as the app would hold it
// (topic 已议定, its demands still in the topic), so the demo's 待交办 item leads through the whole
// loop to a topic that closes.

export function keepWaitingDecisionsOpen(
  topics: readonly TopicDoc[],
  demands: readonly DemandDoc[],
  decisionOf: ReadonlyMap<string, MeetingRecordDoc>,
  tasks: readonly TaskDoc[],
): void {
  const handed = new Set(tasks.map((t) => t.decisionRecordId));
  for (const topic of topics) {
    const decision = decisionOf.get(topic.id);
    if (topic.status !== 'dropped' || !decision || handed.has(decision.id)) continue;
    if ((decision.parties?.length ?? 0) === 0) continue;
    topic.status = 'deliberated';
    delete topic.dropReason;
    if (decision.text) topic.decision = decision.text;
    for (const demand of demands) {
      if (demand.topicId !== topic.id || demand.status !== 'answered') continue;
      demand.status = 'inTopic';
      delete demand.answer;
    }
  }
}
