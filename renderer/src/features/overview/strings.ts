import { addStrings } from '../../kit/i18n';

const zh = {
  title: '{{place}}总览',
  loading: '正在汇总…',
  hint: '今天要关注的：超期和即将到期的诉求与任务、待回访的居民、本周的议事会、本月的三率。',
  overdueDemands: '超期诉求',
  dueSoonDemands: '48 小时内到期的诉求',
  overdueTasks: '超期任务',
  dueSoonTasks: '48 小时内到期的任务',
  callbacks: '待回访',
  meetings: '本周议事会',
  rates: '本月三率（{{month}}）',
  responseRate: '响应率',
  resolutionRate: '解决率',
  satisfactionRate: '满意率',
  noRate: '暂无',
  overdueBy: '超期 {{hours}} 小时',
  dueIn: '还剩 {{hours}} 小时',
  waitingSince: '{{at}} 办结',
  none: '没有',
  more: '还有 {{count}} 项',
  toLedger: '打开需求台账',
  toSupervision: '打开督办',
  toCallbacks: '打开回访与三率',
  toMeetings: '打开议事会',
  count: '{{count}} 项',
  recurring: '未诉先办（近 {{days}} 天）',
  recurringHint:
    '同一院落近 {{days}} 天里反复出现的同类诉求（3 件起）。在下一次投诉之前，可以主动把它列为议题。',
  recurringLine: '{{place}} · {{category}} · {{count}} 件',
  recurringSpan: '{{first}} 至 {{last}}',
  linkable: '{{count}} 件尚未归入议题',
  allInTopics: '这些诉求都已归入议题或已在办理，无需再建议题',
  createTopic: '建立议题',
  topicTitle: '{{place}}{{category}}问题（未诉先办）',
  topicDescription: '近 {{days}} 天同一院落反复出现 {{count}} 件同类诉求。主动协商，防止再次发生。',
  topicCreated: '已建立议题“{{title}}”',
  openTopics: '查看议题',
  toProactive: '打开未诉先办',
};

const en: typeof zh = {
  title: 'Overview of {{place}}',
  loading: 'Adding up…',
  hint: 'What needs attention today: overdue and due demands and tasks, residents awaiting a call-back, this week’s meetings, this month’s three rates.',
  overdueDemands: 'Overdue demands',
  dueSoonDemands: 'Demands due within 48 hours',
  overdueTasks: 'Overdue tasks',
  dueSoonTasks: 'Tasks due within 48 hours',
  callbacks: 'Awaiting a call-back',
  meetings: 'Meetings this week',
  rates: 'Three rates this month ({{month}})',
  responseRate: 'Response rate',
  resolutionRate: 'Resolution rate',
  satisfactionRate: 'Satisfaction rate',
  noRate: 'None yet',
  overdueBy: '{{hours}} h overdue',
  dueIn: '{{hours}} h left',
  waitingSince: 'done {{at}}',
  none: 'None',
  more: '{{count}} more',
  toLedger: 'Open the ledger',
  toSupervision: 'Open supervision',
  toCallbacks: 'Open call-backs & rates',
  toMeetings: 'Open meetings',
  count: '{{count}}',
  recurring: 'Act before complaints (last {{days}} days)',
  recurringHint:
    'The same kind of demand coming back at one courtyard within {{days}} days (3 or more). Put it on the agenda before the next complaint.',
  recurringLine: '{{place}} · {{category}} · {{count}}',
  recurringSpan: '{{first}} to {{last}}',
  linkable: '{{count}} not yet in a topic',
  allInTopics: 'All of these are in a topic or being handled already',
  createTopic: 'Create a topic',
  topicTitle: '{{place}} {{category}} (proactive)',
  topicDescription:
    '{{count}} demands of this kind at one courtyard within {{days}} days. Acting before the next complaint.',
  topicCreated: 'Topic “{{title}}” created',
  openTopics: 'Open topics',
  toProactive: 'Open proactive governance',
};

addStrings('overview', zh, en);

declare module '../../kit/i18n' {
  interface YishiResources {
    overview: typeof zh;
  }
}
