import { liesUnder, visibilityOf, isVisible } from '#shared/domain/places/scope';
import type { CollectionName, PermissionAction } from '#shared/domain/vocab';
import { ACTOR_ROLE_LABELS, type Actor } from './roles';
import { PERMISSION_ACTION_LABELS, PERMISSIONS } from './table';

/** What an action is applied to: the place subtree it belongs to and, when known, its collection. */
export interface Resource {
  readonly scope: string;
  readonly collection?: CollectionName;
}

export type Authorization =
  { readonly ok: true } | { readonly ok: false; readonly code: 'role' | 'scope'; readonly message: string };

/**
 * The role must allow the action and the resource must lie under the actor's scope. Reference
 * data (places, organisations) of the actor's ancestors may be read too, so a community device
 * knows its street and the organisations serving it.
 */
export function authorize(actor: Actor, action: PermissionAction, resource: Resource): Authorization {
  if (!(PERMISSIONS[action] ?? []).includes(actor.role)) {
    return {
      ok: false,
      code: 'role',
      message: `${ACTOR_ROLE_LABELS[actor.role] ?? actor.role}无权${PERMISSION_ACTION_LABELS[action] ?? action}`,
    };
  }
  const inScope =
    action === 'read'
      ? isVisible(visibilityOf(actor.scope, resource.collection), resource.scope)
      : liesUnder(resource.scope, actor.scope);
  if (inScope) return { ok: true };
  // People read this refusal: no scope codes in it (the code and the record's id say which place).
  return { ok: false, code: 'scope', message: '超出本设备的管辖范围：这个地点不在本设备负责的地点之内' };
}

export function can(actor: Actor, action: PermissionAction, resource: Resource): boolean {
  return authorize(actor, action, resource).ok;
}

/**
 * The action the hub checks for a pushed row. `row` refines it where one collection holds steps
 * of different weight: call-backs among follow-ups, minutes approval on meetings, escalation on
 * topics, the approval vote on projects.
 */
export function writeActionFor(
  collection: CollectionName,
  isNew: boolean,
  row?: { readonly kind?: unknown; readonly status?: unknown },
): PermissionAction {
  switch (collection) {
    case 'places':
      return 'place.edit';
    case 'people':
      return 'person.edit';
    case 'organizations':
      return 'organization.edit';
    case 'demands':
      return isNew ? 'demand.create' : 'demand.update';
    case 'topics':
      if (isNew) return 'topic.create';
      return row?.status === 'escalated' ? 'topic.escalate' : 'topic.update';
    case 'meetings':
      if (isNew) return 'meeting.schedule';
      return row?.status === 'minutesApproved' ? 'minutes.approve' : 'meeting.run';
    case 'meetingRecords':
      return 'meeting.record';
    case 'tasks':
      return isNew ? 'task.assign' : 'task.update';
    case 'followUps':
      return row?.kind === 'callback' ? 'callback.record' : 'followUp.create';
    case 'projects':
      return !isNew && (row?.status === 'approved' || row?.status === 'rejected')
        ? 'project.approve'
        : 'project.manage';
    case 'cases':
      return 'case.edit';
    case 'auditTrail':
      return 'audit.write';
  }
}
