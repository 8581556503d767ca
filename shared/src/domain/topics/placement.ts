// Where a new topic belongs, and where it enters a list ordered by hand.
import { commonAncestor } from '#shared/domain/aggregations/index';
import { levelOf, scopeAtLevel } from '#shared/domain/places/index';
import { byTopicOrder, type Orderable } from './priority';
import type { Level } from '#shared/domain/vocab';

/** A topic lives at the level its demands share: one courtyard → 院, several courtyards → 社区 … */
export function topicHome(demandScopes: readonly string[]): { scope: string; level: Level } {
  const shared = commonAncestor(demandScopes);
  const level = levelOf(shared);
  return { scope: scopeAtLevel(shared, level) ?? shared, level };
}

/**
 * Where a new topic with `priority` enters a hand-ordered list: before the first topic it outranks,
 * keeping the order people gave the others. Returns the new topic's order and the renumbered rest.
 */
export function insertByPriority(
  topics: readonly Orderable[],
  priority: number,
): { order: number; changes: Map<string, number> } {
  const list = [...topics].sort(byTopicOrder);
  const at = list.findIndex((t) => t.priority < priority);
  const order = at < 0 ? list.length : at;
  const changes = new Map<string, number>();
  list.forEach((t, i) => {
    const next = i < order ? i : i + 1;
    if (t.order !== next) changes.set(t.id, next);
  });
  return { order, changes };
}
