import { LEVELS, type Level, type TopicTrack } from '#shared/domain/vocab';
import { CHINA_CALENDAR, type WorkingCalendar } from '#shared/domain/calendar/calendar';
import { liesBelow } from '#shared/domain/places/scope';
import { deadlineFor } from './topic';

// What a level cannot settle goes up one level (院 → 社区 → 街道). The topic at the next level
// keeps where it came from (originScope/originLevel never change) and the chain of hand-overs.

export interface Escalation {
  readonly fromLevel: Level;
  readonly toLevel: Level;
  readonly fromScope: string;
  readonly toScope: string;
  readonly at: string;
  readonly by: string;
  readonly reason: string;
  /** The deadline the topic had at the level it came from: shown beside the new one. */
  readonly deadlineAt?: string;
  /** When the level above took the topic up; until then it reads 已上报 there too. */
  readonly takenUpAt?: string;
  readonly takenUpBy?: string;
}

export interface EscalatableTopic {
  readonly scope: string;
  readonly level: Level;
  readonly track?: TopicTrack;
  readonly originScope?: string;
  readonly originLevel?: Level;
  readonly escalations: readonly Escalation[];
  readonly deadlineAt?: string;
}

export interface EscalationRequest {
  readonly at: string;
  readonly by: string;
  readonly reason: string;
  readonly toScope: string;
}

export interface EscalatedFields {
  readonly scope: string;
  readonly level: Level;
  readonly originScope: string;
  readonly originLevel: Level;
  readonly escalations: Escalation[];
  readonly status: 'collecting';
  readonly deadlineAt?: string;
}

export type EscalationResult =
  | { readonly ok: true; readonly fields: EscalatedFields }
  | {
      readonly ok: false;
      readonly code: 'topLevel' | 'missingReason' | 'badTarget';
      readonly message: string;
    };

/** The level of a scope by its depth in the place tree (街道 `xg`, 社区 `xg.gyj`, 院 `xg.gyj.hxnl5`). */
export function levelOfScope(scope: string): Level | undefined {
  return (['street', 'community', 'courtyard'] as const)[scope.split('.').length - 1];
}

export function nextLevel(level: Level): Level | undefined {
  return LEVELS[LEVELS.indexOf(level) + 1];
}

export function escalateTopic(
  topic: EscalatableTopic,
  request: EscalationRequest,
  options: { calendar?: WorkingCalendar; scopeLevel?: (scope: string) => Level | undefined } = {},
): EscalationResult {
  const toLevel = nextLevel(topic.level);
  if (toLevel === undefined) return { ok: false, code: 'topLevel', message: '街道层级的议题不能再上报' };
  if (request.reason.trim() === '') return { ok: false, code: 'missingReason', message: '上报需要说明理由' };
  const scopeLevel = options.scopeLevel ?? levelOfScope;
  const isAncestor = liesBelow(topic.scope, request.toScope);
  if (!isAncestor || scopeLevel(request.toScope) !== toLevel) {
    return {
      ok: false,
      code: 'badTarget',
      message: `只能上报到本议题所在的上一级(${toLevel === 'community' ? '社区' : '街道'})`,
    };
  }
  const escalation: Escalation = {
    fromLevel: topic.level,
    toLevel,
    fromScope: topic.scope,
    toScope: request.toScope,
    at: request.at,
    by: request.by,
    reason: request.reason,
    ...(topic.deadlineAt ? { deadlineAt: topic.deadlineAt } : {}),
  };
  return {
    ok: true,
    fields: {
      scope: request.toScope,
      level: toLevel,
      originScope: topic.originScope ?? topic.scope,
      originLevel: topic.originLevel ?? topic.level,
      escalations: [...topic.escalations, escalation],
      status: 'collecting',
      ...(topic.track
        ? { deadlineAt: deadlineFor(topic.track, request.at, options.calendar ?? CHINA_CALENDAR) }
        : {}),
    },
  };
}
