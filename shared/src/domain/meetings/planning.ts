import {
  auditEntry,
  change,
  NO_CHANGE,
  newBase,
  refuse,
  touched,
  type Change,
  type CommandContext,
  type Decided,
} from '#shared/domain/commands/index';
import { topicMachine, transition } from '#shared/domain/machines/index';
import { can } from '#shared/domain/permissions/index';
import type { MeetingKind } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc, Stakeholder, TopicDoc } from '#shared/schema/index';
import { MEETING_KIND_LABELS } from './labels';
import { KIND_DEFAULTS } from './prepare';
import { nextSession } from './series';

// Planning a meeting (新建, 会前准备) and what it does to its topics (主体确定, 议事组织), as
// commands: each checks the device's right on the place and returns the documents to write.

const mayPlan = (ctx: CommandContext, scope: string) =>
  can(ctx.actor, 'meeting.schedule', { scope, collection: 'meetings' });
const mayMoveTopic = (ctx: CommandContext, scope: string) =>
  can(ctx.actor, 'topic.update', { scope, collection: 'topics' });

export interface NewMeeting {
  readonly kind: MeetingKind;
  readonly title: string;
  readonly venueId?: string;
  readonly startsAt: string;
  readonly durationMinutes: number;
}

/** A new meeting in the device's own place, with the kind's rules, as a draft to prepare. */
export function scheduleMeeting(
  input: NewMeeting,
  ctx: CommandContext,
): Decided<{ change: Change; meeting: MeetingDoc }> {
  const scope = ctx.actor.scope;
  if (!mayPlan(ctx, scope)) return refuse('本设备的角色不能安排议事会');
  if (Number.isNaN(Date.parse(input.startsAt))) return refuse('请填写会议时间');
  const defaults = KIND_DEFAULTS[input.kind];
  const meeting: MeetingDoc = {
    ...newBase(ctx, 'meeting', scope),
    kind: input.kind,
    title: input.title.trim() || MEETING_KIND_LABELS[input.kind],
    ...(input.venueId ? { venueId: input.venueId } : {}),
    startsAt: input.startsAt,
    durationMinutes: input.durationMinutes,
    status: 'draft',
    agenda: [],
    roster: [],
    quorumNumerator: defaults.quorumNumerator,
    quorumDenominator: defaults.quorumDenominator,
    defaultRule: defaults.defaultRule,
    defaultBase: defaults.defaultBase,
    proxyLimit: defaults.proxyLimit,
  };
  const audit = auditEntry(ctx, {
    scope,
    action: 'meeting.schedule',
    collection: 'meetings',
    id: meeting.id,
    detail: meeting.title,
  });
  return { ok: true, meeting, change: change({ insert: { meetings: [meeting] }, audit: [audit] }) };
}

/** What 会前准备 edits on a meeting; its steps (通知, 开始 …) go through the meeting machine. */
export type PreparationEdit = Partial<
  Pick<
    MeetingDoc,
    | 'title'
    | 'kind'
    | 'venueId'
    | 'startsAt'
    | 'durationMinutes'
    | 'agenda'
    | 'roster'
    | 'quorumNumerator'
    | 'quorumDenominator'
    | 'defaultRule'
    | 'defaultBase'
    | 'proxyLimit'
    | 'chairVotes'
    | 'noticePrintedAt'
  >
>;

/** The stored meeting with the preparation's edits. */
export function editPreparation(
  current: MeetingDoc,
  edit: PreparationEdit,
  ctx: CommandContext,
): Decided<{ change: Change }> {
  if (!mayPlan(ctx, current.scope)) return refuse('本设备的角色不能准备这次议事会');
  const next: MeetingDoc = { ...current, ...edit, ...touched(ctx) };
  return { ok: true, change: change({ update: { meetings: [next] } }) };
}

/** 主体确定: the topic keeps its stakeholders; a collecting in-depth topic moves on with them. */
export function setTopicStakeholders(
  topic: TopicDoc,
  stakeholders: readonly Stakeholder[],
  ctx: CommandContext,
): Decided<{ change: Change }> {
  if (!mayMoveTopic(ctx, topic.scope)) return refuse('本设备的角色不能推进这个议题');
  let status = topic.status;
  if (status === 'collecting' && topic.track === 'inDepth' && stakeholders.length > 0) {
    const step = transition(topicMachine, status, 'selectStakeholders', {
      actor: ctx.actor,
      track: topic.track,
      level: topic.level,
      artefacts: { stakeholders },
    });
    if (!step.ok) return refuse(step.message);
    status = step.state;
  }
  const next: TopicDoc = { ...topic, stakeholders: [...stakeholders], status, ...touched(ctx) };
  return { ok: true, change: change({ update: { topics: [next] } }) };
}

/** 议事组织: the topic is linked to its meeting; one whose stakeholders are chosen is scheduled. */
export function linkTopicToMeeting(
  topic: TopicDoc,
  meetingId: string,
  ctx: CommandContext,
): Decided<{ change: Change }> {
  if (!mayMoveTopic(ctx, topic.scope)) return refuse('本设备的角色不能推进这个议题');
  const meetingIds = topic.meetingIds.includes(meetingId)
    ? topic.meetingIds
    : [...topic.meetingIds, meetingId];
  let status = topic.status;
  if (status === 'stakeholders') {
    const step = transition(topicMachine, status, 'schedule', {
      actor: ctx.actor,
      track: topic.track,
      level: topic.level,
      artefacts: { meetingId },
    });
    if (step.ok) status = step.state;
  }
  if (meetingIds === topic.meetingIds && status === topic.status) return { ok: true, change: NO_CHANGE };
  const next: TopicDoc = { ...topic, meetingIds: [...meetingIds], status, ...touched(ctx) };
  return { ok: true, change: change({ update: { topics: [next] } }) };
}

const WEEK_MS = 7 * 86_400_000;

/** 每周一议: the next session one week later, the open items carried over, audited as scheduled. */
export function scheduleNextSession(
  previous: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  ctx: CommandContext,
): Decided<{ change: Change; meeting: MeetingDoc }> {
  if (!mayPlan(ctx, previous.scope)) return refuse('本设备的角色不能安排议事会');
  const meeting = nextSession(previous, records, {
    id: ctx.newId('meeting'),
    startsAt: new Date(Date.parse(previous.startsAt) + WEEK_MS).toISOString(),
    at: ctx.now,
    by: ctx.deviceId,
    newItemId: () => ctx.newId('item'),
  });
  const audit = auditEntry(ctx, {
    scope: meeting.scope,
    action: 'meeting.schedule',
    collection: 'meetings',
    id: meeting.id,
    detail: `${meeting.title}（续会）`,
  });
  return { ok: true, meeting, change: change({ insert: { meetings: [meeting] }, audit: [audit] }) };
}
