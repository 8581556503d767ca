// Writing projects: the shared project commands decide (machine, budget check, milestones and
// consultations); this reads the stored project right before, commits the Change and attaches
// the receipt photos, which live beside the document rather than in it.
import { refuse, type CommandContext, type Outcome } from '#shared/domain/commands/index';
import * as projects from '#shared/domain/projects/index';
import type { ActorRole, ConsultationPhase } from '#shared/domain/vocab';
import type { ProjectDoc } from '#shared/schema/index';
import { commit, commitDecided } from '../../db/commit';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';
import type { Author } from '../../db/write';
import { mergePhotos } from '../../sync';

export type { NewProject, StepInput } from '#shared/domain/projects/index';

export interface ProjectActor {
  db: YishiDatabase;
  author: Author;
  role: ActorRole;
  homeScope: string;
}

const contextOf = (actor: ProjectActor): CommandContext => ({
  actor: { id: actor.author.deviceId, role: actor.role, scope: actor.homeScope },
  deviceId: actor.author.deviceId,
  now: nowIso(),
  newId,
});

async function stored(actor: ProjectActor, id: string): Promise<ProjectDoc | undefined> {
  const doc = await actor.db.projects.findOne(id).exec();
  return doc ? (doc.toJSON() as ProjectDoc) : undefined;
}

const NOT_FOUND = refuse('找不到该项目');

/** Decides on the stored project and commits; refused when the project is gone. */
async function onProject(
  actor: ProjectActor,
  id: string,
  decide: (project: ProjectDoc, ctx: CommandContext) => Parameters<typeof commitDecided>[1],
): Promise<Outcome> {
  const project = await stored(actor, id);
  if (!project) return NOT_FOUND;
  return commitDecided(actor.db, decide(project, contextOf(actor)));
}

/** The new project, or why it was refused (or could not be saved). */
export async function createProject(
  actor: ProjectActor,
  draft: projects.NewProject,
): Promise<{ ok: true; project: ProjectDoc } | { ok: false; message: string }> {
  const decided = projects.createProject(draft, contextOf(actor));
  if (!decided.ok) return decided;
  const written = await commit(actor.db, decided.change);
  return written.ok ? { ok: true, project: decided.project } : written;
}

/** One lifecycle step; refused with the machine's Chinese reason. */
export const stepProject = (actor: ProjectActor, id: string, input: projects.StepInput) =>
  onProject(actor, id, (p, ctx) => projects.stepProject(p, input, ctx));

export const addMilestone = (actor: ProjectActor, id: string, title: string, dueAt: string) =>
  onProject(actor, id, (p, ctx) => projects.addMilestone(p, title, dueAt, ctx));

export const finishMilestone = (actor: ProjectActor, id: string, milestoneId: string) =>
  onProject(actor, id, (p, ctx) => projects.finishMilestone(p, milestoneId, ctx));

export const linkConsultation = (
  actor: ProjectActor,
  id: string,
  phase: ConsultationPhase,
  meetingId: string,
) => onProject(actor, id, (p, ctx) => projects.linkConsultation(p, phase, meetingId, ctx));

export const unlinkConsultation = (
  actor: ProjectActor,
  id: string,
  phase: ConsultationPhase,
  meetingId: string,
) => onProject(actor, id, (p, ctx) => projects.unlinkConsultation(p, phase, meetingId, ctx));

/** Attachment ids of one spending entry's receipts: <spendingId>-receipt-1.jpg … */
export const receiptAttachmentId = (spendingId: string, index: number) =>
  `${spendingId}-receipt-${index + 1}.jpg`;

/** Records one spending entry with its receipt photos; refused beyond the budget. */
export async function addSpending(
  actor: ProjectActor,
  id: string,
  entry: { amountFen: number; note: string },
  receipts: readonly Blob[],
): Promise<Outcome> {
  const project = await stored(actor, id);
  if (!project) return NOT_FOUND;
  const decided = projects.addSpending(
    project,
    { ...entry, receiptCount: receipts.length },
    contextOf(actor),
  );
  if (!decided.ok) return decided;
  const written = await commit(actor.db, decided.change);
  if (!written.ok) return written;
  if (receipts.length > 0) {
    const latest = await actor.db.projects.findOne(id).exec();
    if (!latest) return NOT_FOUND;
    const attachments = await latest.putAttachments(
      receipts.map((data, i) => ({
        id: receiptAttachmentId(decided.spendingId, i),
        type: 'image/jpeg',
        data,
      })),
    );
    // The replicated list is what makes the hub and other devices fetch the bytes.
    await latest.getLatest().incrementalModify((d) => ({ ...d, photos: mergePhotos(d.photos, attachments) }));
  }
  return { ok: true };
}
