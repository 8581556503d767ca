import { deadlineFor } from '#shared/domain/machines/index';
import type { DemandCategory } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc, OrganizationDoc, TaskDoc, TopicDoc } from '#shared/schema/index';
import { chineseDateTime } from './labels';
import { unsettledTasks } from '#shared/domain/handling/reassign';
import { attendanceText, meetingFigures, voteOutcomeText } from './figures';
import { liveState } from './live';

// 议事指引: for organisers unsure how to run a deliberation, the five steps of the guideline
// (议题征集 → 主体确定 → 议事组织 → 结果办理 → 监督跟进), each with what the record already
// shows as done and what is still missing. 即时议 answers within 48 hours without a meeting;
// 深入议 needs stakeholders and a formal meeting within 5 working days.

export const GUIDE_STEPS = ['collect', 'stakeholders', 'meeting', 'handling', 'supervision'] as const;
export type GuideStepKey = (typeof GUIDE_STEPS)[number];

export const GUIDE_STEP_LABELS: Readonly<Record<GuideStepKey, string>> = {
  collect: '议题征集',
  stakeholders: '主体确定',
  meeting: '议事组织',
  handling: '结果办理',
  supervision: '监督跟进',
};

/** The screen (area of the app) where a step's open lines are put right. */
export type GuideScreen = 'topics' | 'meetings' | 'tasks' | 'supervision' | 'callbacks';

export const GUIDE_STEP_SCREENS: Readonly<Record<GuideStepKey, GuideScreen>> = {
  collect: 'topics',
  stakeholders: 'meetings',
  meeting: 'meetings',
  handling: 'tasks',
  supervision: 'supervision',
};

export interface GuideStep {
  readonly key: GuideStepKey;
  readonly label: string;
  readonly screen: GuideScreen;
  readonly status: 'done' | 'missing' | 'notApplicable';
  readonly done: readonly string[];
  readonly missing: readonly string[];
}

export interface GuideInput {
  readonly tasks?: readonly TaskDoc[];
  readonly organizations?: readonly OrganizationDoc[];
  /** Now, for deadlines (shared code has no clock). */
  readonly now: string;
}

/** Categories where the property company must sit at the table (物业 is the one who acts). */
const PROPERTY_CATEGORIES: readonly DemandCategory[] = [
  'propertyService',
  'parking',
  'evCharging',
  'housingRepair',
  'electricHeating',
  'sanitation',
  'greening',
  'publicFacilities',
];

function step(key: GuideStepKey, done: string[], missing: string[], applicable = true): GuideStep {
  return {
    key,
    label: GUIDE_STEP_LABELS[key],
    screen: GUIDE_STEP_SCREENS[key],
    status: !applicable ? 'notApplicable' : missing.length === 0 ? 'done' : 'missing',
    done,
    missing,
  };
}

/** Residents' side in the hall, from the same figures as the minutes (居民, 居民代表, 门楼院长). */
function residentsPresent(
  topic: TopicDoc,
  meetings: readonly MeetingDoc[],
  records: readonly MeetingRecordDoc[],
) {
  const held = meetingsOf(topic, meetings).filter((m) => HELD.includes(m.status));
  const first = held[0];
  if (!first) return undefined;
  const a = meetingFigures(first, records).attendance.attendees;
  return { total: a.residents + a.representatives + a.leaders, ...a };
}

const HELD = ['inProgress', 'adjourned', 'minutesDrafted', 'minutesApproved', 'published'];

function collectStep(topic: TopicDoc): GuideStep {
  const done: string[] = [`已立项为议题“${topic.title}”`];
  const missing: string[] = [];
  if (topic.demandIds.length > 0) done.push(`关联居民诉求 ${topic.demandIds.length} 件`);
  else if (topic.description.trim() !== '') done.push('已写明议题内容');
  else missing.push('未关联居民诉求，也没有议题说明');
  return step('collect', done, missing);
}

function stakeholderStep(
  topic: TopicDoc,
  input: GuideInput,
  meetings: readonly MeetingDoc[],
  records: readonly MeetingRecordDoc[],
): GuideStep {
  if (topic.track === 'quick')
    return step('stakeholders', ['即时议由社区直接答复，无需确定参与主体'], [], false);
  const done: string[] = [];
  const missing: string[] = [];
  const s = topic.stakeholders;
  if (s.length === 0) missing.push('尚未确定参与主体');
  else done.push(`已确定参与主体 ${s.length} 方`);
  const came = residentsPresent(topic, meetings, records);
  if (came !== undefined && came.total > 0)
    done.push(
      `居民一方到会 ${came.total} 人（居民 ${came.residents} 人、居民代表 ${came.representatives} 人、门楼院长 ${came.leaders} 人）`,
    );
  else if (came !== undefined) missing.push('议事会上没有居民、居民代表或门楼院长到会');
  else if (!s.some((x) => x.kind === 'resident' || x.kind === 'residentRep' || x.kind === 'leader'))
    missing.push('参与主体中还没有居民、居民代表或门楼院长');
  else done.push('参与主体中有居民一方');
  if (PROPERTY_CATEGORIES.includes(topic.category as DemandCategory)) {
    const orgKind = (id?: string) => input.organizations?.find((o) => o.id === id)?.kind;
    const property = s.some(
      (x) => x.kind === 'organization' && (orgKind(x.refId) === 'propertyCompany' || /物业/.test(x.name)),
    );
    if (property) done.push('已邀请物业服务企业');
    else missing.push('未邀请物业服务企业参加');
  }
  return step('stakeholders', done, missing);
}

function meetingsOf(topic: TopicDoc, meetings: readonly MeetingDoc[]): MeetingDoc[] {
  return meetings
    .filter(
      (m) =>
        m.status !== 'cancelled' &&
        (topic.meetingIds.includes(m.id) || m.agenda.some((a) => a.topicId === topic.id)),
    )
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
}

function meetingStep(
  topic: TopicDoc,
  meetings: MeetingDoc[],
  records: readonly MeetingRecordDoc[],
  input: GuideInput,
): GuideStep {
  if (topic.track === 'quick') {
    const deadline = topic.deadlineAt ?? deadlineFor('quick', topic.createdAt);
    if (topic.answeredAt !== undefined) {
      const late = topic.answeredAt > deadline;
      return step(
        'meeting',
        [`已于${chineseDateTime(topic.answeredAt)}答复`],
        late ? ['答复超过了48小时时限'] : [],
      );
    }
    return step(
      'meeting',
      [],
      [
        input.now > deadline
          ? `已超过48小时答复时限（${chineseDateTime(deadline)}）`
          : `须在${chineseDateTime(deadline)}前答复`,
      ],
    );
  }
  const meeting = meetings[0];
  if (!meeting) {
    const deadline = topic.deadlineAt ?? deadlineFor('inDepth', topic.createdAt);
    return step('meeting', [], [`尚未安排议事会（深入议须在${chineseDateTime(deadline)}前召开）`]);
  }
  const done = [`已安排“${meeting.title}”（${chineseDateTime(meeting.startsAt)}）`];
  const missing: string[] = [];
  (meeting.noticePrintedAt ? done : missing).push(
    meeting.noticePrintedAt ? '会议通知已张贴或发送给参会人' : '会议通知还没有张贴或发送给参会人',
  );
  if (!HELD.includes(meeting.status)) missing.push('议事会尚未召开');
  else {
    const f = meetingFigures(meeting, records, { topicId: topic.id });
    const a = f.attendance;
    if (a.quorumReached) done.push(`${attendanceText(a)}，达到法定人数`);
    else missing.push(`${attendanceText(a)}，未达到法定人数 ${a.quorumRequired} 人`);
    const votes = f.votes.filter((v) => v.closed && v.agendaItemId !== undefined);
    if (votes.length > 0)
      done.push(`已表决：${votes.map((v) => `“${v.motion}”${voteOutcomeText(v)}`).join('；')}`);
    else missing.push('本议题尚未表决或协商一致');
  }
  return step('meeting', done, missing);
}

function decisionsFor(topic: TopicDoc, meetings: MeetingDoc[], records: readonly MeetingRecordDoc[]) {
  return meetings.flatMap((m) => {
    const items = m.agenda.filter((a) => a.topicId === topic.id).map((a) => a.itemId);
    return liveState(m, records).decisions.filter(
      (d) => d.agendaItemId !== undefined && items.includes(d.agendaItemId),
    );
  });
}

function handlingStep(
  topic: TopicDoc,
  meetings: MeetingDoc[],
  records: readonly MeetingRecordDoc[],
  input: GuideInput,
): GuideStep {
  const tasks = (input.tasks ?? []).filter((t) => t.topicId === topic.id);
  if (topic.track === 'quick') {
    return topic.quickAnswer
      ? step('handling', ['已给出答复意见'], [])
      : step('handling', [], ['尚无答复意见']);
  }
  const done: string[] = [];
  const missing: string[] = [];
  const decisions = decisionsFor(topic, meetings, records);
  if (decisions.length > 0 || topic.decision) done.push('已形成议定事项');
  else missing.push('尚未形成议定事项');
  const withoutParty = decisions.filter((d) => d.parties.length === 0);
  if (withoutParty.length > 0) missing.push('议定事项没有指定责任方');
  const approved = meetings.some((m) => m.minutesApprovedAt !== undefined);
  (approved ? done : missing).push(approved ? '会议纪要已批准' : '会议纪要尚未批准');
  if (tasks.length > 0) done.push(`已交办任务 ${tasks.length} 项`);
  else missing.push('议定事项尚未交办给责任方');
  return step('handling', done, missing);
}

function supervisionStep(topic: TopicDoc, meetings: MeetingDoc[], input: GuideInput): GuideStep {
  const done: string[] = [];
  const missing: string[] = [];
  if (topic.track === 'inDepth') {
    const published = meetings.some((m) => m.publishedAt !== undefined);
    (published ? done : missing).push(published ? '议事结果已公示' : '议事结果尚未公示');
    const tasks = (input.tasks ?? []).filter((t) => t.topicId === topic.id);
    const open = unsettledTasks(tasks);
    const returned = open.filter((t) => t.status === 'declined');
    const overdue = open.filter((t) => t.dueAt < input.now);
    if (returned.length > 0) missing.push(`${returned.length} 项任务被责任方退回，待重新交办`);
    if (tasks.length > 0 && open.length === 0) done.push('交办任务均已验收或撤回');
    else if (open.length > returned.length)
      missing.push(
        `还有 ${open.length - returned.length} 项任务在办或待验收${overdue.length > 0 ? `，其中 ${overdue.length} 项已逾期` : ''}`,
      );
  }
  if (topic.status === 'closed') done.push('议题已办结');
  else missing.push('议题尚未办结（办结前应回访居民）');
  return step('supervision', done, missing);
}

export function guideFor(
  topic: TopicDoc,
  meetings: readonly MeetingDoc[],
  records: readonly MeetingRecordDoc[],
  input: GuideInput,
): GuideStep[] {
  const mine = meetingsOf(topic, meetings);
  return [
    collectStep(topic),
    stakeholderStep(topic, input, meetings, records),
    meetingStep(topic, mine, records, input),
    handlingStep(topic, mine, records, input),
    supervisionStep(topic, mine, input),
  ];
}
