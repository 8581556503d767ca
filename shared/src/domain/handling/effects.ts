import type { Effect } from '#shared/domain/machines/index';
import { resetParties, type TaskParty as MachineParty } from '#shared/domain/machines/index';

// Applies what a transition asks for besides the new state (stamps, counters, cleared fields, the
// parties of a reopened task). `subjectEvent` effects are run by the caller on the subject.

export function applyEffects<T extends object>(
  doc: T,
  effects: readonly Effect[],
  at: string,
  actorId: string,
): T {
  const next = { ...doc } as Record<string, unknown>;
  for (const effect of effects) {
    switch (effect.type) {
      case 'stamp':
        if (!(effect.onlyIfEmpty && next[effect.field] !== undefined)) next[effect.field] = at;
        break;
      case 'stampActor':
        next[effect.field] = actorId;
        break;
      case 'clear':
        delete next[effect.field];
        break;
      case 'increment':
        next[effect.field] = (Number(next[effect.field]) || 0) + 1;
        break;
      case 'set':
        next[effect.field] = effect.value;
        break;
      case 'resetParties':
        if (Array.isArray(next.parties)) next.parties = resetParties(next.parties as MachineParty[], at);
        break;
      case 'subjectEvent':
        break;
    }
  }
  return next as T;
}
