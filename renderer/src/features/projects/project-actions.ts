// Writing projects: lifecycle steps go through the shared project machine and money through the
// shared budget check, so this device refuses exactly what the hub would, with the same reasons.
import { projectMachine, transition, type Artefacts, type Effect } from '#shared/domain/machines/index';
import { can } from '#shared/domain/permissions/index';
import { checkSpending, milestoneProblems } from '#shared/domain/projects/index';
import type {
  ActorRole,
  ConsultationPhase,
  FundSource,
  PermissionAction,
  ProjectEvent,
  ProjectKind,
} from '#shared/domain/vocab';
import type { ProjectDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';
import { audit, created, updated, type Author } from '../../db/write';
import { mergePhotos } from '../../sync';

export interface ProjectActor {
  db: YishiDatabase;
  author: Author;
  role: ActorRole;
  homeScope: string;
}

export class RefusedError extends Error {}

function allow(actor: ProjectActor, action: PermissionAction, scope: string) {
  if (
    !can({ id: actor.author.deviceId, role: actor.role, scope: actor.homeScope }, action, {
      scope,
      collection: 'projects',
    })
  ) {
    throw new RefusedError(
      action === 'project.approve' ? '本设备无权登记表决结果' : '本设备无权管理该地点的项目',
    );
  }
}

async function load(actor: ProjectActor, id: string) {
  const doc = await actor.db.projects.findOne(id).exec();
  if (!doc) throw new RefusedError('找不到该项目');
  return doc;
}

export interface NewProject {
  kind: ProjectKind;
  title: string;
  description: string;
  scope: string;
  topicIds: string[];
  fundSource: FundSource;
  year: number;
  budgetFen: number;
}

export function newProjectProblems(draft: NewProject): string[] {
  const problems: string[] = [];
  if (draft.title.trim() === '') problems.push('请填写项目名称');
  if (draft.description.trim() === '') problems.push('请填写项目内容');
  if (!Number.isSafeInteger(draft.budgetFen) || draft.budgetFen <= 0) problems.push('请填写预算金额');
  if (!Number.isInteger(draft.year) || draft.year < 2000 || draft.year > 2100) problems.push('请填写年度');
  return problems;
}

export async function createProject(actor: ProjectActor, draft: NewProject): Promise<ProjectDoc> {
  allow(actor, 'project.manage', draft.scope);
  const problems = newProjectProblems(draft);
  if (problems.length > 0) throw new RefusedError(problems.join('；'));
  const at = nowIso();
  const project: ProjectDoc = {
    ...created(actor.author, draft.scope, newId('project'), at),
    kind: draft.kind,
    title: draft.title.trim(),
    description: draft.description.trim(),
    topicIds: draft.topicIds,
    fundSource: draft.fundSource,
    year: draft.year,
    budgetFen: draft.budgetFen,
    status: 'proposed',
    milestones: [],
    spending: [],
    consultations: [],
  };
  await actor.db.projects.insert(project);
  await audit(actor.db, actor.author, project.scope, 'project.propose', {
    collection: 'projects',
    id: project.id,
    detail: project.title,
  });
  return project;
}

function effectFields(effects: readonly Effect[], at: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const effect of effects) if (effect.type === 'stamp') fields[effect.field] = at;
  return fields;
}

export interface StepInput {
  event: ProjectEvent;
  artefacts: Artefacts;
  /** Fields written with the step (feasibility, approval ids). */
  fields?: Partial<Pick<ProjectDoc, 'feasibility' | 'approvalMeetingId' | 'approvalRecordId'>>;
  /** A meeting to link as a consultation of the given phase (the approving meeting: before the works). */
  consultation?: { phase: 'before' | 'during' | 'after'; meetingId: string };
  /** A follow-up written with the step: progress at start and completion, the acceptance record. */
  followUp?: { kind: 'progress' | 'acceptance'; note: string; outcome?: 'passed' | 'failed' };
}

/** One lifecycle step; throws the machine's Chinese reason when it is refused. */
export async function stepProject(actor: ProjectActor, id: string, input: StepInput): Promise<void> {
  const doc = await load(actor, id);
  const project = doc.toJSON() as ProjectDoc;
  const approving = input.event === 'approve' || input.event === 'reject';
  allow(actor, approving ? 'project.approve' : 'project.manage', project.scope);
  const result = transition(projectMachine, project.status, input.event, {
    actor: { role: actor.role },
    artefacts: input.artefacts,
  });
  if (!result.ok) throw new RefusedError(result.message);
  const at = nowIso();
  if (input.followUp) {
    await actor.db.followUps.insert({
      ...created(actor.author, project.scope, newId('followup'), at),
      kind: input.followUp.kind,
      subjectCollection: 'projects',
      subjectId: project.id,
      at,
      by: actor.author.deviceId,
      note: input.followUp.note,
      ...(input.followUp.outcome ? { outcome: input.followUp.outcome } : {}),
    });
  }
  const consultation = input.consultation;
  await doc.incrementalModify((p) => ({
    ...p,
    ...input.fields,
    ...effectFields(result.effects, at),
    status: result.state,
    ...(consultation &&
    !p.consultations.some((c) => c.meetingId === consultation.meetingId && c.phase === consultation.phase)
      ? { consultations: [...p.consultations, consultation] }
      : {}),
    ...updated(actor.author, at),
  }));
  await audit(actor.db, actor.author, project.scope, `project.${input.event}`, {
    collection: 'projects',
    id: project.id,
    detail: project.title,
  });
}

export async function addMilestone(
  actor: ProjectActor,
  id: string,
  title: string,
  dueAt: string,
): Promise<void> {
  const doc = await load(actor, id);
  allow(actor, 'project.manage', doc.scope);
  const problems = milestoneProblems({ title, dueAt }, doc.milestones);
  if (problems.length > 0) throw new RefusedError(problems.join('；'));
  await doc.incrementalModify((p) => ({
    ...p,
    milestones: [...p.milestones, { id: newId('ms'), title: title.trim(), dueAt }],
    ...updated(actor.author),
  }));
}

export async function finishMilestone(actor: ProjectActor, id: string, milestoneId: string): Promise<void> {
  const doc = await load(actor, id);
  allow(actor, 'project.manage', doc.scope);
  const at = nowIso();
  await doc.incrementalModify((p) => ({
    ...p,
    milestones: p.milestones.map((m) => (m.id === milestoneId && !m.doneAt ? { ...m, doneAt: at } : m)),
    ...updated(actor.author, at),
  }));
}

/** Attachment ids of one spending entry's receipts: <spendingId>-receipt-1.jpg … */
export const receiptAttachmentId = (spendingId: string, index: number) =>
  `${spendingId}-receipt-${index + 1}.jpg`;

/** Records one spending entry with its receipt photos; refused beyond the budget. */
export async function addSpending(
  actor: ProjectActor,
  id: string,
  entry: { amountFen: number; note: string },
  receipts: readonly Blob[],
): Promise<void> {
  const doc = await load(actor, id);
  const project = doc.toJSON() as ProjectDoc;
  allow(actor, 'project.manage', project.scope);
  if (entry.note.trim() === '') throw new RefusedError('请填写支出用途');
  const check = checkSpending(project, entry.amountFen);
  if (!check.ok) throw new RefusedError(check.message);
  const at = nowIso();
  const spendingId = newId('spend');
  // The check runs again inside the modifier: another write may have landed in between.
  await doc.incrementalModify((p) => {
    const again = checkSpending(p, entry.amountFen);
    if (!again.ok) throw new RefusedError(again.message);
    return {
      ...p,
      spending: [
        ...p.spending,
        {
          id: spendingId,
          at,
          amountFen: entry.amountFen,
          note: entry.note.trim(),
          receiptCount: receipts.length,
        },
      ],
      ...updated(actor.author, at),
    };
  });
  if (receipts.length > 0) {
    const latest = await load(actor, id);
    const attachments = await latest.putAttachments(
      receipts.map((data, i) => ({ id: receiptAttachmentId(spendingId, i), type: 'image/jpeg', data })),
    );
    // The replicated list is what makes the hub and other devices fetch the bytes.
    await latest.getLatest().incrementalModify((d) => ({ ...d, photos: mergePhotos(d.photos, attachments) }));
  }
  await audit(actor.db, actor.author, project.scope, 'project.spend', {
    collection: 'projects',
    id: project.id,
    detail: `${entry.amountFen} 分`,
  });
}

export async function linkConsultation(
  actor: ProjectActor,
  id: string,
  phase: ConsultationPhase,
  meetingId: string,
): Promise<void> {
  const doc = await load(actor, id);
  allow(actor, 'project.manage', doc.scope);
  if (doc.consultations.some((c) => c.meetingId === meetingId && c.phase === phase)) {
    throw new RefusedError('这次会议已登记在该阶段');
  }
  await doc.incrementalModify((p) => ({
    ...p,
    consultations: [...p.consultations, { phase, meetingId }],
    ...updated(actor.author),
  }));
}

export async function unlinkConsultation(
  actor: ProjectActor,
  id: string,
  phase: ConsultationPhase,
  meetingId: string,
) {
  const doc = await load(actor, id);
  allow(actor, 'project.manage', doc.scope);
  await doc.incrementalModify((p) => ({
    ...p,
    consultations: p.consultations.filter((c) => !(c.meetingId === meetingId && c.phase === phase)),
    ...updated(actor.author),
  }));
}
