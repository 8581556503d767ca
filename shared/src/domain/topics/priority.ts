// 楼院议题顺序: which topic a courtyard takes up first. More residents asking, more urgency,
// vulnerable residents affected and demands left waiting longer all move a topic up. The score is
// explainable part by part, because the order is read out and argued over in the meeting.
import type { Urgency } from '#shared/domain/vocab';

export interface PriorityDemand {
  readonly urgency: Urgency;
  readonly vulnerable: boolean;
  readonly receivedAt: string;
}

export interface PriorityPart {
  readonly key: 'demands' | 'urgency' | 'vulnerable' | 'age';
  readonly label: string;
  readonly points: number;
}

export interface Priority {
  readonly score: number;
  readonly parts: readonly PriorityPart[];
}

const PER_DEMAND = 10;
const URGENCY_POINTS: Readonly<Record<Urgency, number>> = { normal: 0, urgent: 5, critical: 15 };
const PER_VULNERABLE = 8;
const PER_WAITING_DAY = 0.5;
const MAX_AGE_POINTS = 15;
const DAY = 86_400_000;

export function topicPriority(demands: readonly PriorityDemand[], now: string): Priority {
  const nowMs = Date.parse(now);
  const urgent = demands.filter((d) => d.urgency === 'urgent').length;
  const critical = demands.filter((d) => d.urgency === 'critical').length;
  const vulnerable = demands.filter((d) => d.vulnerable).length;
  const oldest = demands.reduce((min, d) => Math.min(min, Date.parse(d.receivedAt)), nowMs);
  const waitingDays = Math.max(0, Math.floor((nowMs - oldest) / DAY));
  const agePoints = Math.min(MAX_AGE_POINTS, waitingDays * PER_WAITING_DAY);
  const parts: PriorityPart[] = [
    { key: 'demands', label: `${demands.length} 条诉求`, points: demands.length * PER_DEMAND },
    {
      key: 'urgency',
      label: critical > 0 ? `特急 ${critical} 条、紧急 ${urgent} 条` : `紧急 ${urgent} 条`,
      points: urgent * URGENCY_POINTS.urgent + critical * URGENCY_POINTS.critical,
    },
    { key: 'vulnerable', label: `涉及困难群体 ${vulnerable} 条`, points: vulnerable * PER_VULNERABLE },
    { key: 'age', label: `最早一条已等待 ${waitingDays} 天`, points: agePoints },
  ];
  const score = Math.round(parts.reduce((sum, p) => sum + p.points, 0) * 10) / 10;
  return { score, parts };
}

export interface Orderable {
  readonly id: string;
  readonly order: number;
  readonly priority: number;
}

/** The display order of a list: the kept manual order first, priority breaking ties. */
export function byTopicOrder(a: Orderable, b: Orderable): number {
  return a.order - b.order || b.priority - a.priority || a.id.localeCompare(b.id);
}

/** New `order` values that rank the topics by priority (highest first), as the courtyard's start. */
export function ordersByPriority(topics: readonly Orderable[]): Map<string, number> {
  const ranked = [...topics].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  return new Map(ranked.map((t, i) => [t.id, i]));
}

/**
 * Moves one topic up or down one place in the displayed order; returns the topics whose `order`
 * changes (all renumbered 0…n-1, so older gaps and ties disappear). Empty when it cannot move.
 */
export function moveInOrder(
  topics: readonly Orderable[],
  id: string,
  direction: 'up' | 'down',
): Map<string, number> {
  const list = [...topics].sort(byTopicOrder);
  const from = list.findIndex((t) => t.id === id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= list.length) return new Map();
  [list[from], list[to]] = [list[to] as Orderable, list[from] as Orderable];
  const changes = new Map<string, number>();
  list.forEach((t, i) => {
    if (t.order !== i) changes.set(t.id, i);
  });
  return changes;
}
