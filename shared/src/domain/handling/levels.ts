import { LEVELS, type Level, type TaskClassification } from '#shared/domain/vocab';
import { scopeAtLevel } from '#shared/domain/places/index';

// 个别性 matters are settled in the courtyard, 普遍性 ones by the community, 老大难 ones by the street.
// The due dates are working days (工作日) from the assignment, longer for harder classes.

export const HANDLING_LEVEL: Readonly<Record<TaskClassification, Level>> = {
  individual: 'courtyard',
  common: 'community',
  chronic: 'street',
};

export const DEFAULT_DUE_WORKING_DAYS: Readonly<Record<TaskClassification, number>> = {
  individual: 10,
  common: 20,
  chronic: 40,
};

export const CLASSIFICATION_LABELS: Readonly<Record<TaskClassification, string>> = {
  individual: '个别性',
  common: '普遍性',
  chronic: '老大难',
};

/** The classification a topic's level suggests (a courtyard topic is usually 个别性). */
export function classificationForLevel(level: Level): TaskClassification {
  if (level === 'courtyard') return 'individual';
  return level === 'community' ? 'common' : 'chronic';
}

/**
 * Where a task of this classification is handled: the place of its handling level that contains
 * the origin (a 普遍性 task of a courtyard decision sits at the community). An origin above the
 * level (a street decision classed 个别性) keeps its own place.
 */
export function handlingScope(originScope: string, classification: TaskClassification): string {
  return scopeAtLevel(originScope, HANDLING_LEVEL[classification]) ?? originScope;
}

/** The level that supervises a task now: its handling level raised once per 督办, at most the street. */
export function supervisingLevel(level: Level, escalationLevel: number): Level {
  const index = Math.min(LEVELS.indexOf(level) + escalationLevel, LEVELS.length - 1);
  return LEVELS[index] ?? 'street';
}
