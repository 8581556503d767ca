import type { Escalation } from './topic-escalation';

// An escalated topic arrives at the level above as 已上报 and stays so until someone there takes
// it up (受理): the level below sees its hand-over was received, and the original deadline stays
// on the record beside the new one, so neither level's clock is rewritten silently.

export interface TakeUpTopic {
  readonly scope: string;
  readonly escalations: readonly Escalation[];
}

/** The escalation that brought the topic here and still waits to be taken up, if any. */
export function pendingEscalation(topic: TakeUpTopic): Escalation | undefined {
  const last = topic.escalations.at(-1);
  return last && last.toScope === topic.scope && last.takenUpAt === undefined ? last : undefined;
}

export type TakeUpResult =
  | { readonly ok: true; readonly escalations: Escalation[] }
  | { readonly ok: false; readonly code: 'notPending' | 'notHere'; readonly message: string };

/**
 * 受理上报: the level above records that it took the topic up. Only a device whose place covers
 * the topic's place may, and only once.
 */
export function takeUpEscalation(
  topic: TakeUpTopic,
  request: { readonly at: string; readonly by: string; readonly actorScope: string },
): TakeUpResult {
  const pending = pendingEscalation(topic);
  if (!pending) return { ok: false, code: 'notPending', message: '这个议题没有待受理的上报' };
  const covers = topic.scope === request.actorScope || topic.scope.startsWith(`${request.actorScope}.`);
  if (!covers) return { ok: false, code: 'notHere', message: '只有上报到的这一级才能受理' };
  const escalations = [...topic.escalations];
  escalations[escalations.length - 1] = { ...pending, takenUpAt: request.at, takenUpBy: request.by };
  return { ok: true, escalations };
}
