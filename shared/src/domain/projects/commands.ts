import {
  auditEntry,
  change,
  newBase,
  refuse,
  touched,
  type Change,
  type CommandContext,
  type Decided,
} from '#shared/domain/commands/index';
import { projectMachine, transition, type Artefacts, type Effect } from '#shared/domain/machines/index';
import { can, type Actor } from '#shared/domain/permissions/index';
import type { ConsultationPhase, FundSource, ProjectEvent, ProjectKind } from '#shared/domain/vocab';
import type { FollowUpDoc, ProjectDoc } from '#shared/schema/index';
import { checkSpending } from './budget';
import { CONSULTATION_PHASE_LABELS } from './labels';
import { milestoneProblems } from './milestones';

// Projects (为民办实事 and 社区公益金): the lifecycle through the shared project machine, money
// through the shared budget check, milestones and the consultations of each phase. Each command
// returns the Change to commit, so the device refuses exactly what the hub would.

type Decision = Decided<{ readonly change: Change }>;

/** The project machine's approving steps need 议事会 rights; the rest needs project management. */
export function mayActOnProject(actor: Actor, scope: string, approving = false): string | undefined {
  const action = approving ? 'project.approve' : 'project.manage';
  if (can(actor, action, { scope, collection: 'projects' })) return undefined;
  return approving ? '本设备无权登记表决结果' : '本设备无权管理该地点的项目';
}

export interface NewProject {
  readonly kind: ProjectKind;
  readonly title: string;
  readonly description: string;
  readonly scope: string;
  readonly topicIds: readonly string[];
  readonly fundSource: FundSource;
  readonly year: number;
  readonly budgetFen: number;
}

export function newProjectProblems(draft: NewProject): string[] {
  const problems: string[] = [];
  if (draft.title.trim() === '') problems.push('请填写项目名称');
  if (draft.description.trim() === '') problems.push('请填写项目内容');
  if (!Number.isSafeInteger(draft.budgetFen) || draft.budgetFen <= 0) problems.push('请填写预算金额');
  if (!Number.isInteger(draft.year) || draft.year < 2000 || draft.year > 2100) problems.push('请填写年度');
  return problems;
}

const projectAudit = (ctx: CommandContext, project: ProjectDoc, action: string, detail: string) =>
  auditEntry(ctx, { scope: project.scope, action, collection: 'projects', id: project.id, detail });

export function createProject(
  draft: NewProject,
  ctx: CommandContext,
): Decided<{ readonly change: Change; readonly project: ProjectDoc }> {
  const denied = mayActOnProject(ctx.actor, draft.scope);
  if (denied) return refuse(denied);
  const problems = newProjectProblems(draft);
  if (problems.length > 0) return refuse(problems.join('；'));
  const project: ProjectDoc = {
    ...newBase(ctx, 'project', draft.scope),
    kind: draft.kind,
    title: draft.title.trim(),
    description: draft.description.trim(),
    topicIds: [...draft.topicIds],
    fundSource: draft.fundSource,
    year: draft.year,
    budgetFen: draft.budgetFen,
    status: 'proposed',
    milestones: [],
    spending: [],
    consultations: [],
  };
  return {
    ok: true,
    project,
    change: change({
      insert: { projects: [project] },
      audit: [projectAudit(ctx, project, 'project.propose', project.title)],
    }),
  };
}

export interface StepInput {
  readonly event: ProjectEvent;
  readonly artefacts: Artefacts;
  /** Fields written with the step (feasibility, approval ids). */
  readonly fields?: Partial<Pick<ProjectDoc, 'feasibility' | 'approvalMeetingId' | 'approvalRecordId'>>;
  /** A meeting to link as a consultation of the given phase (the approving meeting: before the works). */
  readonly consultation?: { readonly phase: ConsultationPhase; readonly meetingId: string };
  /**
   * Why the project is accepted without a consultation during or after the works (项目中/项目后协商);
   * acceptance asks for it then, and the project keeps it in its record.
   */
  readonly missingConsultationReason?: string;
  /** A follow-up written with the step: progress at start and completion, the acceptance record. */
  readonly followUp?: {
    readonly kind: 'progress' | 'acceptance';
    readonly note: string;
    readonly outcome?: 'passed' | 'failed';
  };
}

function effectFields(effects: readonly Effect[], at: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const effect of effects) if (effect.type === 'stamp') fields[effect.field] = at;
  return fields;
}

const hasConsultation = (p: ProjectDoc, phase: ConsultationPhase, meetingId: string) =>
  p.consultations.some((c) => c.meetingId === meetingId && c.phase === phase);

/** One lifecycle step, refused with the machine's Chinese reason. */
/** The phases after approval that have no consultation linked (项目中, 项目后). */
export function missingConsultations(project: Pick<ProjectDoc, 'consultations'>): ConsultationPhase[] {
  return (['during', 'after'] as const).filter(
    (phase) => !project.consultations.some((c) => c.phase === phase),
  );
}

export function stepProject(project: ProjectDoc, input: StepInput, ctx: CommandContext): Decision {
  const denied = mayActOnProject(
    ctx.actor,
    project.scope,
    input.event === 'approve' || input.event === 'reject',
  );
  if (denied) return refuse(denied);
  const result = transition(projectMachine, project.status, input.event, {
    actor: { role: ctx.actor.role },
    artefacts: input.artefacts,
  });
  if (!result.ok) return refuse(result.message);
  const missing = input.event === 'passAcceptance' ? missingConsultations(project) : [];
  const why = input.missingConsultationReason?.trim() ?? '';
  if (missing.length > 0 && why === '') {
    const phases = missing.map((p) => CONSULTATION_PHASE_LABELS[p]).join('、');
    return refuse(`本项目没有登记${phases}，验收前请说明原因`);
  }
  const followUps: FollowUpDoc[] = input.followUp
    ? [
        {
          ...newBase(ctx, 'followup', project.scope),
          kind: input.followUp.kind,
          subjectCollection: 'projects',
          subjectId: project.id,
          at: ctx.now,
          by: ctx.actor.id,
          note: input.followUp.note,
          ...(input.followUp.outcome ? { outcome: input.followUp.outcome } : {}),
        },
      ]
    : [];
  const { consultation } = input;
  const next: ProjectDoc = {
    ...project,
    ...input.fields,
    ...effectFields(result.effects, ctx.now),
    status: result.state,
    ...(missing.length > 0 ? { missingConsultationReason: why } : {}),
    ...(consultation && !hasConsultation(project, consultation.phase, consultation.meetingId)
      ? { consultations: [...project.consultations, { ...consultation }] }
      : {}),
    ...touched(ctx),
  };
  return {
    ok: true,
    change: change({
      insert: { followUps },
      update: { projects: [next] },
      audit: [projectAudit(ctx, project, `project.${input.event}`, project.title)],
    }),
  };
}

const updatedProject = (next: ProjectDoc): Decision => ({
  ok: true,
  change: change({ update: { projects: [next] } }),
});

export function addMilestone(
  project: ProjectDoc,
  title: string,
  dueAt: string,
  ctx: CommandContext,
): Decision {
  const denied = mayActOnProject(ctx.actor, project.scope);
  if (denied) return refuse(denied);
  const problems = milestoneProblems({ title, dueAt }, project.milestones);
  if (problems.length > 0) return refuse(problems.join('；'));
  return updatedProject({
    ...project,
    milestones: [...project.milestones, { id: ctx.newId('ms'), title: title.trim(), dueAt }],
    ...touched(ctx),
  });
}

export function finishMilestone(project: ProjectDoc, milestoneId: string, ctx: CommandContext): Decision {
  const denied = mayActOnProject(ctx.actor, project.scope);
  if (denied) return refuse(denied);
  return updatedProject({
    ...project,
    milestones: project.milestones.map((m) =>
      m.id === milestoneId && !m.doneAt ? { ...m, doneAt: ctx.now } : m,
    ),
    ...touched(ctx),
  });
}

/** One spending entry (its receipts are attached by the caller under `spendingId`); refused beyond the budget. */
export function addSpending(
  project: ProjectDoc,
  entry: { readonly amountFen: number; readonly note: string; readonly receiptCount: number },
  ctx: CommandContext,
): Decided<{ readonly change: Change; readonly spendingId: string }> {
  const denied = mayActOnProject(ctx.actor, project.scope);
  if (denied) return refuse(denied);
  if (entry.note.trim() === '') return refuse('请填写支出用途');
  const check = checkSpending(project, entry.amountFen);
  if (!check.ok) return refuse(check.message);
  const spendingId = ctx.newId('spend');
  const next: ProjectDoc = {
    ...project,
    spending: [
      ...project.spending,
      {
        id: spendingId,
        at: ctx.now,
        amountFen: entry.amountFen,
        note: entry.note.trim(),
        receiptCount: entry.receiptCount,
      },
    ],
    ...touched(ctx),
  };
  return {
    ok: true,
    spendingId,
    change: change({
      update: { projects: [next] },
      audit: [projectAudit(ctx, project, 'project.spend', `${entry.amountFen} 分`)],
    }),
  };
}

export function linkConsultation(
  project: ProjectDoc,
  phase: ConsultationPhase,
  meetingId: string,
  ctx: CommandContext,
): Decision {
  const denied = mayActOnProject(ctx.actor, project.scope);
  if (denied) return refuse(denied);
  if (hasConsultation(project, phase, meetingId)) return refuse('这次会议已登记在该阶段');
  return updatedProject({
    ...project,
    consultations: [...project.consultations, { phase, meetingId }],
    ...touched(ctx),
  });
}

export function unlinkConsultation(
  project: ProjectDoc,
  phase: ConsultationPhase,
  meetingId: string,
  ctx: CommandContext,
): Decision {
  const denied = mayActOnProject(ctx.actor, project.scope);
  if (denied) return refuse(denied);
  return updatedProject({
    ...project,
    consultations: project.consultations.filter((c) => !(c.meetingId === meetingId && c.phase === phase)),
    ...touched(ctx),
  });
}
