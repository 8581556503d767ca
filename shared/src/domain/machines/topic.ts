import {
  TOPIC_EVENTS,
  TOPIC_STATES,
  type Level,
  type TopicEvent,
  type TopicState,
  type TopicTrack,
} from '#shared/domain/vocab';
import { CHINA_CALENDAR, type WorkingCalendar } from '#shared/domain/calendar/calendar';
import { addHours } from '#shared/domain/calendar/days';
import type { Machine, MachineContext } from './machine';
import { FIELD, HALL, STAFF } from './role-groups';

// 议题: 议题征集 → 主体确定 → 议事组织 → 结果办理 → 监督跟进. 即时议 topics are answered within
// 48 hours without a meeting; 深入议 topics go to a meeting within 5 working days and close only
// once the minutes of that meeting are approved.

export interface TopicContext extends MachineContext {
  readonly track: TopicTrack;
  readonly level: Level;
  /** Tasks of the topic that still owe work (not accepted, closed, withdrawn or handed on). */
  readonly openTasks?: number;
}

const quickOnly = (ctx: TopicContext) => (ctx.track === 'quick' ? undefined : '只有即时议议题可以这样处理');
const inDepthOnly = (ctx: TopicContext) =>
  ctx.track === 'inDepth' ? undefined : '只有深入议议题需要确定参与主体';
const noOpenTasks = (ctx: TopicContext) => {
  if (ctx.openTasks === undefined) return '办结议题前须核对它的全部任务';
  return ctx.openTasks > 0 ? `还有 ${ctx.openTasks} 项任务未验收或撤回，议题不能办结` : undefined;
};
const belowStreet = (ctx: TopicContext) => (ctx.level === 'street' ? '街道层级的议题不能再上报' : undefined);

export const topicMachine: Machine<TopicState, TopicEvent, TopicContext> = {
  name: 'topic',
  states: TOPIC_STATES,
  events: TOPIC_EVENTS,
  stateLabels: {
    collecting: '议题征集',
    stakeholders: '主体确定',
    scheduled: '议事组织',
    deliberated: '已议定',
    answered: '已答复',
    handling: '结果办理',
    closed: '已办结',
    escalated: '已上报',
    dropped: '已撤销',
  },
  eventLabels: {
    selectStakeholders: '确定参与主体',
    schedule: '安排议事会',
    postpone: '延期议事',
    deliberate: '形成议定事项',
    answer: '即时答复',
    deepen: '转为深入议',
    startHandling: '交办',
    close: '办结议题',
    escalate: '上报上一级',
    drop: '撤销议题',
    restore: '恢复议题',
  },
  rules: [
    {
      event: 'selectStakeholders',
      from: ['collecting'],
      to: 'stakeholders',
      roles: FIELD,
      requires: ['stakeholders'],
      guard: inDepthOnly,
    },
    {
      event: 'answer',
      from: ['collecting'],
      to: 'answered',
      roles: HALL,
      requires: ['answerText'],
      guard: quickOnly,
      effects: [{ type: 'stamp', field: 'answeredAt' }],
    },
    {
      event: 'deepen',
      from: ['collecting', 'answered'],
      to: 'stakeholders',
      roles: HALL,
      requires: ['reason'],
      guard: quickOnly,
      effects: [{ type: 'set', field: 'track', value: 'inDepth' }],
    },
    { event: 'schedule', from: ['stakeholders'], to: 'scheduled', roles: HALL, requires: ['meetingId'] },
    { event: 'postpone', from: ['scheduled'], to: 'stakeholders', roles: HALL, requires: ['reason'] },
    { event: 'deliberate', from: ['scheduled'], to: 'deliberated', roles: HALL, requires: ['decision'] },
    { event: 'startHandling', from: ['deliberated'], to: 'handling', roles: STAFF, requires: ['taskIds'] },
    {
      event: 'close',
      from: ['deliberated', 'handling'],
      to: 'closed',
      roles: HALL,
      requires: ['approvedMinutes'],
      guard: noOpenTasks,
    },
    { event: 'close', from: ['answered'], to: 'closed', roles: HALL, requires: ['answerText'] },
    {
      event: 'escalate',
      from: ['collecting', 'stakeholders', 'scheduled', 'deliberated', 'answered', 'handling'],
      to: 'escalated',
      roles: FIELD,
      requires: ['reason'],
      guard: belowStreet,
    },
    {
      event: 'drop',
      from: ['collecting', 'stakeholders', 'scheduled', 'answered'],
      to: 'dropped',
      roles: HALL,
      requires: ['reason'],
    },
    { event: 'restore', from: ['dropped'], to: 'collecting', roles: STAFF, requires: ['reason'] },
  ],
};

/** 即时议: answered within 48 hours; 深入议: a meeting within 5 working days (same time of day). */
export function deadlineFor(
  track: TopicTrack,
  createdAt: string,
  calendar: WorkingCalendar = CHINA_CALENDAR,
): string {
  return track === 'quick' ? addHours(createdAt, 48) : calendar.addWorkingDays(createdAt, 5);
}
