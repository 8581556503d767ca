import { addStrings } from '../../kit/i18n';

const zh = {
  title: '督办',
  hint: '被退回待重新交办、逾期、临期和停滞的办理任务，按地点和责任方统计；逾期任务可提交上一级督办，完成的任务组织验收。',
  scope: '范围',
  home: '本级',
  buckets: {
    open: '办理中',
    returned: '待重新交办',
    overdue: '已逾期',
    dueSoon: '临期（3日内）',
    stalled: '停滞（7日无进展）',
    awaitingAcceptance: '待验收',
  },
  columns: {
    open: '办理中',
    returned: '被退回',
    overdue: '逾期',
    dueSoon: '临期',
    stalled: '停滞',
    awaitingAcceptance: '待验收',
  },
  byPlace: '按地点',
  byParty: '按责任方',
  place: '地点',
  party: '责任方',
  items: '需要关注的任务（{{count}} 项）',
  noItems: '没有需要督办的任务。',
  hoursOver: '逾期 {{hours}} 小时',
  daysOver: '逾期 {{days}} 天',
  hoursLeft: '还剩 {{hours}} 小时',
  idle: '{{days}} 天无进展',
  supervisedBy: '{{level}}督办',
  reassign: '重新交办',
  all: '全部',
  loading: '正在加载…',
};

const en: typeof zh = {
  title: 'Supervision',
  hint: 'Overdue, due-soon and stalled tasks by place and by responsible party; escalate overdue work to the next level, inspect finished work.',
  scope: 'Scope',
  home: 'This level',
  buckets: {
    open: 'Open',
    returned: 'Returned, to reassign',
    overdue: 'Overdue',
    dueSoon: 'Due within 3 days',
    stalled: 'Stalled (7 days without progress)',
    awaitingAcceptance: 'Awaiting acceptance',
  },
  columns: {
    open: 'Open',
    returned: 'Returned',
    overdue: 'Overdue',
    dueSoon: 'Due soon',
    stalled: 'Stalled',
    awaitingAcceptance: 'To accept',
  },
  byPlace: 'By place',
  byParty: 'By responsible party',
  place: 'Place',
  party: 'Party',
  items: 'Tasks needing attention ({{count}})',
  noItems: 'Nothing to supervise.',
  hoursOver: '{{hours}} h overdue',
  daysOver: '{{days}} days overdue',
  hoursLeft: '{{hours}} h left',
  idle: '{{days}} days without progress',
  reassign: 'Reassign',
  supervisedBy: 'Supervised by the {{level}}',
  all: 'All',
  loading: 'Loading…',
};

addStrings('supervision', zh, en);

declare module '../../kit/i18n' {
  interface YishiResources {
    supervision: typeof zh;
  }
}
