// Pure decisions of the topics screen: where a new topic belongs, how a machine's effects change a
// document, and where a new topic enters a list ordered by hand.
import type { Effect } from '#shared/domain/machines/index';
import { commonAncestor } from '#shared/domain/aggregations/index';
import { levelOf, scopeAtLevel } from '#shared/domain/places/index';
import { byTopicOrder, type Orderable } from '#shared/domain/topics/priority';
import type { Level } from '#shared/domain/vocab';

/** A topic lives at the level its demands share: one courtyard → 院, several courtyards → 社区 … */
export function topicHome(demandScopes: readonly string[]): { scope: string; level: Level } {
  const shared = commonAncestor(demandScopes);
  const level = levelOf(shared);
  return { scope: scopeAtLevel(shared, level) ?? shared, level };
}

/** Applies the effects a transition returned (stamps, sets, clears, counters) to a copy of `doc`. */
export function applyEffects<T extends object>(
  doc: T,
  effects: readonly Effect[],
  at: string,
  actorId: string,
): T {
  const next = { ...doc } as Record<string, unknown>;
  for (const effect of effects) {
    if (effect.type === 'stamp') {
      if (!(effect.onlyIfEmpty && next[effect.field] !== undefined)) next[effect.field] = at;
    } else if (effect.type === 'stampActor') next[effect.field] = actorId;
    else if (effect.type === 'clear') delete next[effect.field];
    else if (effect.type === 'increment') next[effect.field] = (Number(next[effect.field]) || 0) + 1;
    else if (effect.type === 'set') next[effect.field] = effect.value;
  }
  return next as T;
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
