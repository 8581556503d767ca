import { addStrings } from '../../kit/i18n';

const zh = {
  title: '回访与三率',
  loading: '正在加载…',
  period: '统计期间',
  periods: { month: '本月', lastMonth: '上月', quarter: '本季度', year: '本年', last12: '近12个月' },
  rates: {
    response: '响应率',
    resolution: '解决率',
    satisfaction: '满意率',
    none: '—',
    responseEvidence: '按时响应 {{n}} / 应响应 {{d}} 件（{{pending}} 件尚在响应时限内）',
    resolutionEvidence:
      '已解决 {{n}} / 合理诉求 {{d}} 件（重新办理 {{reopened}} 件，其中未再解决 {{open}} 件）',
    satisfactionEvidence: '满意 {{s}} + 基本满意 {{b}} / 回访 {{d}} 件（不满意 {{u}} 件）',
  },
  unreasonable: {
    listLabel: '不合理诉求清单',
    title: '不合理诉求（单独统计，不计入解决率和满意率）',
    summary: '共 {{count}} 件；按时响应 {{responded}} 件；回访 {{callbacks}} 件',
    evidence: '认定依据',
    none: '本期间没有不合理诉求。',
    duplicates: '重复诉求 {{count}} 件已并入原诉求统计。',
  },
  byChild: '下级地点',
  ownLevel: '{{name}}（本级）',
  unreasonableShort: '不合理',
  place: '地点',
  received: '受理',
  awaiting: '待回访（{{count}} 件）',
  awaitingHint: '诉求已答复或已解决，请联系居民回访；不满意将重新办理。',
  noAwaiting: '暂无待回访的诉求。',
  done: '最近回访',
  noDone: '暂无回访记录。',
  reporter: '反映人',
  phone: '电话',
  resolvedAt: '办结 {{at}}',
  answeredAt: '答复 {{at}}',
  tasks: '{{count}} 项办理任务',
  lastCallback: '上次回访：{{outcome}}（{{at}}）',
  record: '回访',
  dialogTitle: '回访：{{title}}',
  note: '回访情况（不满意时必填）',
  outcomes: { satisfied: '满意', basicallySatisfied: '基本满意', unsatisfied: '不满意（重新办理）' },
  outcomeShort: {
    satisfied: '满意',
    basicallySatisfied: '基本满意',
    unsatisfied: '不满意',
    passed: '验收合格',
    failed: '验收不合格',
  },
  noPermission: '本设备的角色不能记录回访',
};

const en: typeof zh = {
  title: 'Call-backs and rates',
  loading: 'Loading…',
  period: 'Period',
  periods: {
    month: 'This month',
    lastMonth: 'Last month',
    quarter: 'This quarter',
    year: 'This year',
    last12: 'Last 12 months',
  },
  rates: {
    response: 'Response rate',
    resolution: 'Resolution rate',
    satisfaction: 'Satisfaction rate',
    none: '—',
    responseEvidence: '{{n}} in time / {{d}} due ({{pending}} still within the response time)',
    resolutionEvidence:
      '{{n}} resolved / {{d}} reasonable ({{reopened}} reopened, {{open}} of them unresolved)',
    satisfactionEvidence: '{{s}} satisfied + {{b}} basically / {{d}} call-backs ({{u}} unsatisfied)',
  },
  unreasonable: {
    listLabel: 'Unreasonable demands',
    title: 'Unreasonable demands (kept apart from resolution and satisfaction)',
    summary: '{{count}} in all; {{responded}} answered in time; {{callbacks}} called back',
    evidence: 'Evidence',
    none: 'No unreasonable demands in this period.',
    duplicates: '{{count}} duplicates count with their originals.',
  },
  byChild: 'Places below',
  ownLevel: '{{name}} (own)',
  unreasonableShort: 'Unreasonable',
  place: 'Place',
  received: 'Received',
  awaiting: 'Awaiting call-back ({{count}})',
  awaitingHint: 'Answered or resolved demands: call the resident back; unsatisfied reopens.',
  noAwaiting: 'No demands awaiting a call-back.',
  done: 'Recent call-backs',
  noDone: 'No call-backs yet.',
  reporter: 'Reporter',
  phone: 'Phone',
  resolvedAt: 'Resolved {{at}}',
  answeredAt: 'Answered {{at}}',
  tasks: '{{count}} tasks',
  lastCallback: 'Last call-back: {{outcome}} ({{at}})',
  record: 'Call back',
  dialogTitle: 'Call-back: {{title}}',
  note: 'Notes (required when unsatisfied)',
  outcomes: {
    satisfied: 'Satisfied',
    basicallySatisfied: 'Basically satisfied',
    unsatisfied: 'Unsatisfied (reopen)',
  },
  outcomeShort: {
    satisfied: 'satisfied',
    basicallySatisfied: 'basically satisfied',
    unsatisfied: 'unsatisfied',
    passed: 'accepted on inspection',
    failed: 'failed inspection',
  },
  noPermission: "This device's role cannot record call-backs",
};

addStrings('callbacks', zh, en);

declare module '../../kit/i18n' {
  interface YishiResources {
    callbacks: typeof zh;
  }
}
