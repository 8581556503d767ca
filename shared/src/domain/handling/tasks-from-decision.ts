import { CHINA_CALENDAR } from '#shared/domain/calendar/index';
import { demandMachine, topicMachine, transition } from '#shared/domain/machines/index';
import { levelOf } from '#shared/domain/places/index';
import type { TaskClassification, TaskPartyKind } from '#shared/domain/vocab';
import type { DemandDoc, MeetingDoc, MeetingRecordDoc, TaskDoc, TopicDoc } from '#shared/schema/index';
import { newBase, refuse, touched, type CommandContext, type Refusal } from '#shared/domain/commands/index';
import { applyEffects } from './effects';
import { classificationForLevel, DEFAULT_DUE_WORKING_DAYS, HANDLING_LEVEL, handlingScope } from './levels';

// 办: a meeting decision (or a quick-track answer that needs work done) becomes tasks for the
// responsible parties it names. One joint task by default; `split` gives each party its own task
// (and its own due date, supervision and acceptance).

export interface PlannedParty {
  readonly name: string;
  readonly kind: TaskPartyKind;
  readonly organizationId?: string;
}

export interface TaskPlan {
  /** Default: from the topic's level (院 → 个别性, 社区 → 普遍性, 街道 → 老大难). */
  readonly classification?: TaskClassification;
  /** Working days from now; default by classification. */
  readonly dueWorkingDays?: number;
  /** Default: the parties the decision names. */
  readonly parties?: readonly PlannedParty[];
  readonly split?: boolean;
  readonly title?: string;
}

/** What is to be handled: a decision record or an answered quick-track topic. */
export interface HandlingSource {
  readonly kind: 'decision' | 'quickAnswer';
  readonly scope: string;
  readonly at: string;
  readonly title: string;
  readonly text: string;
  readonly parties: readonly PlannedParty[];
  readonly demandIds: readonly string[];
  readonly topicId?: string;
  readonly meetingId?: string;
  readonly decisionRecordId?: string;
  readonly suggested: TaskClassification;
}

export type TasksResult = { readonly ok: true; readonly tasks: TaskDoc[] } | Refusal;

type DecisionRecord = Pick<
  MeetingRecordDoc,
  'id' | 'scope' | 'kind' | 'meetingId' | 'at' | 'text' | 'agendaItemId' | 'parties'
>;
type MeetingFacts = Pick<MeetingDoc, 'id' | 'title' | 'agenda'>;
type TopicFacts = Pick<TopicDoc, 'id' | 'title' | 'level' | 'originScope' | 'demandIds'> &
  Partial<Pick<TopicDoc, 'quickAnswer' | 'answeredAt' | 'scope'>>;

const partiesOf = (record: DecisionRecord): PlannedParty[] =>
  (record.parties ?? []).map((p) => ({
    name: p.name,
    kind: p.kind,
    ...(p.organizationId !== undefined ? { organizationId: p.organizationId } : {}),
  }));

export function decisionSource(
  record: DecisionRecord,
  related: { readonly meeting?: MeetingFacts; readonly topic?: TopicFacts } = {},
): HandlingSource {
  const { meeting, topic } = related;
  const item = meeting?.agenda.find((a) => a.itemId === record.agendaItemId);
  const text = record.text ?? '';
  return {
    kind: 'decision',
    scope: topic?.originScope ?? record.scope,
    at: record.at,
    title: item?.title ?? topic?.title ?? (text.slice(0, 40) || meeting?.title || '议定事项'),
    text,
    parties: partiesOf(record),
    demandIds: [...(topic?.demandIds ?? [])],
    ...(topic ? { topicId: topic.id } : {}),
    meetingId: record.meetingId,
    decisionRecordId: record.id,
    suggested: classificationForLevel(topic?.level ?? levelOf(record.scope)),
  };
}

export function quickAnswerSource(topic: TopicFacts): HandlingSource {
  return {
    kind: 'quickAnswer',
    scope: topic.originScope,
    at: topic.answeredAt ?? '',
    title: topic.title,
    text: topic.quickAnswer ?? '',
    parties: [],
    demandIds: [...topic.demandIds],
    topicId: topic.id,
    suggested: classificationForLevel(topic.level),
  };
}

/** The tasks for a source; refused when nobody is responsible or the due date makes no sense. */
export function tasksFromSource(source: HandlingSource, plan: TaskPlan, ctx: CommandContext): TasksResult {
  const parties = plan.parties ?? source.parties;
  if (parties.length === 0) return refuse('请至少选择一个责任方');
  if (parties.some((p) => p.name.trim() === '')) return refuse('责任方名称不能为空');
  const classification = plan.classification ?? source.suggested;
  const days = plan.dueWorkingDays ?? DEFAULT_DUE_WORKING_DAYS[classification];
  if (!Number.isInteger(days) || days < 1 || days > 250) return refuse('办理时限应为 1 至 250 个工作日');
  const calendar = ctx.calendar ?? CHINA_CALENDAR;
  const scope = handlingScope(source.scope, classification);
  const groups = plan.split ? parties.map((p) => [p]) : [parties];
  const baseTitle = (plan.title ?? source.title).trim() || source.title;
  const tasks = groups.map((group): TaskDoc => {
    const names = group.map((p) => p.name).join('、');
    return {
      ...newBase(ctx, 'task', scope),
      ...(source.topicId !== undefined ? { topicId: source.topicId } : {}),
      ...(source.meetingId !== undefined ? { meetingId: source.meetingId } : {}),
      ...(source.decisionRecordId !== undefined ? { decisionRecordId: source.decisionRecordId } : {}),
      demandIds: [...source.demandIds],
      title: `${baseTitle}——${names}`.slice(0, 200),
      description: source.text.slice(0, 4000),
      classification,
      level: HANDLING_LEVEL[classification],
      status: 'assigned',
      parties: group.map((p) => ({
        partyId: ctx.newId('party'),
        name: p.name.trim(),
        kind: p.kind,
        state: 'pending',
        updatedAt: ctx.now,
        ...(p.organizationId !== undefined ? { organizationId: p.organizationId } : {}),
      })),
      assignedAt: ctx.now,
      dueAt: calendar.addWorkingDays(ctx.now, days),
      escalationLevel: 0,
    };
  });
  return { ok: true, tasks };
}

/** `tasksFromDecision(decisionRecord, { meeting, topic }, ctx, plan)`. */
export function tasksFromDecision(
  record: DecisionRecord,
  related: { readonly meeting?: MeetingFacts; readonly topic?: TopicFacts },
  ctx: CommandContext,
  plan: TaskPlan = {},
): TasksResult {
  if (record.kind !== 'decision') return refuse('只有议定事项可以转为办理任务');
  return tasksFromSource(decisionSource(record, related), plan, ctx);
}

/**
 * What handing work out does to its topic and demands: a deliberated topic goes to 结果办理 and
 * demands still waiting (受理/已归入议题) go to 办理中 (which answers the resident: 响应). Demands
 * already answered, resolved, closed or set apart keep their state.
 */
export function startHandling(
  tasks: readonly TaskDoc[],
  related: { readonly topic?: TopicDoc; readonly demands: readonly DemandDoc[] },
  ctx: CommandContext,
): { topic?: TopicDoc; demands: DemandDoc[] } {
  const actor = { role: ctx.actor.role };
  const demands = related.demands.flatMap((demand) => {
    if (demand.status !== 'accepted' && demand.status !== 'inTopic') return [];
    const step = transition(demandMachine, demand.status, 'startHandling', { actor });
    if (!step.ok) return [];
    return [
      { ...applyEffects(demand, step.effects, ctx.now, ctx.actor.id), status: step.state, ...touched(ctx) },
    ];
  });
  const topic = related.topic;
  if (!topic || topic.status !== 'deliberated') return { demands };
  const step = transition(topicMachine, topic.status, 'startHandling', {
    actor,
    track: topic.track,
    level: topic.level,
    artefacts: { taskIds: tasks.map((t) => t.id) },
  });
  if (!step.ok) return { demands };
  return {
    topic: {
      ...applyEffects(topic, step.effects, ctx.now, ctx.actor.id),
      status: step.state,
      ...touched(ctx),
    },
    demands,
  };
}
