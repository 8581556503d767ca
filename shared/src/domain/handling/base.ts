import type { ActorRole } from '#shared/domain/vocab';
import type { WorkingCalendar } from '#shared/domain/calendar/index';

// What every handling step is given: the time, who acts in which role, and how ids are made.
// Nothing here reads a clock or draws random numbers.

export interface HandlingContext {
  readonly now: string;
  /** The actor (device) id stamped as createdBy/updatedBy and `by`. */
  readonly by: string;
  readonly role: ActorRole;
  readonly ids: (prefix: string) => string;
  readonly calendar?: WorkingCalendar;
}

/** An audit entry the caller writes beside the documents. */
export interface AuditNote {
  readonly scope: string;
  readonly action: string;
  readonly collection: 'tasks' | 'followUps' | 'demands' | 'topics';
  readonly id: string;
  readonly detail: string;
}

export type Refused = { readonly ok: false; readonly message: string };

export const refused = (message: string): Refused => ({ ok: false, message });

export function newBase(ctx: HandlingContext, prefix: string, scope: string) {
  return {
    id: ctx.ids(prefix),
    scope,
    createdAt: ctx.now,
    createdBy: ctx.by,
    updatedAt: ctx.now,
    updatedBy: ctx.by,
  };
}

export const touched = (ctx: HandlingContext) => ({ updatedAt: ctx.now, updatedBy: ctx.by });
