import { addStrings } from '../../kit/i18n';

const zh = {
  title: '未诉先办',
  intro: '近一年在多个院落或多个月份反复出现的同类诉求。在下一次投诉之前，可以主动把它列为议题。',
  none: '近一年没有反复出现的诉求类别。',
  count: '{{count}} 件诉求',
  places: '涉及地点',
  months: '出现月份',
  open: '其中 {{count}} 件尚未归入议题',
  createTopic: '建立议题',
  created: '已建立议题“{{title}}”',
  topicTitle: '{{place}}{{category}}问题（未诉先办）',
  topicDescription: '近一年{{reasons}}。主动协商，防止再次发生。',
  view: '查看议题',
};

const en: typeof zh = {
  title: 'Proactive governance',
  intro:
    'Kinds of demands that came back across courtyards or months in the last year. Put one on the agenda before the next complaint.',
  none: 'No recurring kinds of demands in the last year.',
  count: '{{count}} demands',
  places: 'Places',
  months: 'Months',
  open: '{{count}} not yet in a topic',
  createTopic: 'Create a topic',
  created: 'Topic “{{title}}” created',
  topicTitle: '{{place}} {{category}} (proactive)',
  topicDescription: 'In the last year: {{reasons}}. Acting before the next complaint.',
  view: 'Open topics',
};

addStrings('proactive', zh, en);

declare module '../../kit/i18n' {
  interface YishiResources {
    proactive: typeof zh;
  }
}
