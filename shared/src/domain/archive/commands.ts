import { auditEntry, change, newBase, refuse, touched } from '#shared/domain/commands/index';
import type { Change, CommandContext, Decided } from '#shared/domain/commands/index';
import { can } from '#shared/domain/permissions/index';
import type { CaseKind, CaseState } from '#shared/domain/vocab';
import type { CaseDoc } from '#shared/schema/index';
import { caseProblems } from './body';
import { generateCase } from './generate';
import type { TopicHistory } from './history';

// Writing 成果 as commands: a draft generated from a topic's whole history, then edited and
// published by people. The permission check lives here, so every screen that writes a case is
// held to it alike.

const NO_RIGHT = '本设备无权编辑该地点的成果';

const mayEdit = (ctx: CommandContext, scope: string) =>
  can(ctx.actor, 'case.edit', { scope, collection: 'cases' });

/** A new draft of the given kind from the topic's history. */
export function generateCaseDraft(
  history: TopicHistory,
  kind: CaseKind,
  ctx: CommandContext,
): Decided<{ change: Change; doc: CaseDoc }> {
  if (!mayEdit(ctx, history.topic.scope)) return refuse(NO_RIGHT);
  const draft = generateCase(history, kind, ctx.now);
  const doc: CaseDoc = {
    ...newBase(ctx, 'case', draft.scope),
    kind,
    title: draft.title,
    body: draft.body,
    topicId: history.topic.id,
    status: 'draft',
    generatedAt: ctx.now,
  };
  const audit = auditEntry(ctx, {
    scope: doc.scope,
    action: 'case.generate',
    collection: 'cases',
    id: doc.id,
    detail: doc.title,
  });
  return { ok: true, doc, change: change({ insert: { cases: [doc] }, audit: [audit] }) };
}

export interface CaseEdit {
  readonly title: string;
  readonly body: string;
  readonly kind: CaseKind;
  /** Given to publish (or take back to a draft); left out to keep the state. */
  readonly status?: CaseState;
}

/** An edited case, refused with every problem of the text at once. */
export function editCase(current: CaseDoc, edit: CaseEdit, ctx: CommandContext): Decided<{ change: Change }> {
  if (!mayEdit(ctx, current.scope)) return refuse(NO_RIGHT);
  const problems = caseProblems(edit);
  if (problems.length > 0) return refuse(problems.join('；'));
  const next: CaseDoc = {
    ...current,
    title: edit.title.trim(),
    body: edit.body,
    kind: edit.kind,
    ...(edit.status ? { status: edit.status } : {}),
    ...touched(ctx),
  };
  const audit = auditEntry(ctx, {
    scope: current.scope,
    action: edit.status === 'published' ? 'case.publish' : 'case.edit',
    collection: 'cases',
    id: current.id,
    detail: next.title,
  });
  return { ok: true, change: change({ update: { cases: [next] }, audit: [audit] }) };
}
