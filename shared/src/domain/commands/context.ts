import type { WorkingCalendar } from '#shared/domain/calendar/index';
import type { Actor } from '#shared/domain/permissions/index';
import type { CollectionName } from '#shared/domain/vocab';
import type { AuditEntryDoc } from '#shared/schema/index';

// What every command is given besides its input: who acts on which device, the time, and how ids
// are made. Nothing in shared/ reads a clock or draws random numbers.

export interface CommandContext {
  readonly actor: Actor;
  /** Stamped as createdBy/updatedBy and as the device of audit entries. */
  readonly deviceId: string;
  readonly now: string;
  readonly newId: (prefix: string) => string;
  /** Working days for due dates; the Chinese calendar when not given. */
  readonly calendar?: WorkingCalendar;
}

/**
 * What a record needs of a context: who wrote it, on which device, when, and a new id. Device
 * records (setup, enrolment, imports, exports) have no role to act in, only a device.
 */
export type AuditContext = Pick<CommandContext, 'deviceId' | 'now' | 'newId'> & {
  readonly actor: Pick<CommandContext['actor'], 'id'>;
};

/** The base fields of a new document. */
export function newBase(
  ctx: Pick<CommandContext, 'deviceId' | 'now' | 'newId'>,
  prefix: string,
  scope: string,
) {
  return {
    id: ctx.newId(prefix),
    scope,
    createdAt: ctx.now,
    createdBy: ctx.deviceId,
    updatedAt: ctx.now,
    updatedBy: ctx.deviceId,
  };
}

/** The base fields that change with every edit. */
export const touched = (ctx: Pick<CommandContext, 'deviceId' | 'now'>) => ({
  updatedAt: ctx.now,
  updatedBy: ctx.deviceId,
});

/** What an audit entry says; the text is Chinese and is built by the command, not the screen. */
export interface AuditNote {
  readonly scope: string;
  readonly action: string;
  readonly collection?: CollectionName;
  readonly id?: string;
  readonly detail?: string;
}

/** The audit text column holds at most this many characters. */
const DETAIL_MAX = 1000;

export function auditEntry(ctx: AuditContext, note: AuditNote): AuditEntryDoc {
  return {
    ...newBase(ctx, 'audit', note.scope),
    at: ctx.now,
    actor: ctx.actor.id,
    device: ctx.deviceId,
    action: note.action,
    ...(note.collection !== undefined ? { targetCollection: note.collection } : {}),
    ...(note.id ? { targetId: note.id } : {}),
    ...(note.detail ? { detail: note.detail.slice(0, DETAIL_MAX) } : {}),
  };
}
