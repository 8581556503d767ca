import { authorize, type Actor, type Authorization } from '#shared/domain/permissions/index';
import type { DemandDoc, TaskDoc } from '#shared/schema/index';

// Who may take the steps of 办 督 评. The commands refuse with these; screens ask the same
// functions to disable a control and say why, so the rule is written once.

/** 接单, 办结, 督办, 验收 and 办结 of the task: changing the task itself. */
export const mayUpdateTask = (actor: Actor, task: Pick<TaskDoc, 'scope'>): Authorization =>
  authorize(actor, 'task.update', { scope: task.scope, collection: 'tasks' });

/** A progress note (进展) is a follow-up about the task. */
export const mayNoteProgress = (actor: Actor, task: Pick<TaskDoc, 'scope'>): Authorization =>
  authorize(actor, 'followUp.create', { scope: task.scope, collection: 'followUps' });

export const mayRecordCallback = (actor: Actor, demand: Pick<DemandDoc, 'scope'>): Authorization =>
  authorize(actor, 'callback.record', { scope: demand.scope, collection: 'followUps' });
