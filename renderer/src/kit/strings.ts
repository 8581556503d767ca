// The kit's own words.
import { addStrings } from './i18n';

const zh = {
  date: {
    yearOutOfRange: '年份 {{year}} 不对：请输入 {{first}}—{{last}} 年之间的日期',
    impossible: '没有这一天，请检查月份和日期',
    beijing: '北京时间',
  },
  text: {
    counter: '已输入 {{length}} / {{limit}} 字',
    tooLong: '超过 {{limit}} 字上限 {{over}} 字，请删减后再保存（内容不会被截断）',
  },
  number: {
    notWhole: '请输入整数',
    outOfRange: '应在 {{min}} 至 {{max}} 之间',
    empty: '请输入数字',
  },
  photos: {
    add: '添加照片',
    count: '已选 {{count}} 张（压缩后保存在本机）',
    remove: '移除照片 {{n}}',
    compressing: '正在压缩照片…',
  },
  errors: {
    title: '出错了',
    body: '这个页面遇到了问题，已记录在“设备与数据”中。其他页面仍可正常使用，已填写并保存的内容不会丢失。',
    retry: '重新打开本页',
    home: '返回首页',
    detail: '错误信息',
  },
  pii: {
    withheld: '仅授权人员可见',
  },
};

const en: typeof zh = {
  date: {
    yearOutOfRange: 'Year {{year}} is not right: enter a date between {{first}} and {{last}}',
    impossible: 'There is no such day; check the month and day',
    beijing: 'Beijing time',
  },
  text: {
    counter: '{{length}} / {{limit}} characters',
    tooLong: '{{over}} characters over the limit of {{limit}}; shorten it to save (nothing is cut)',
  },
  number: {
    notWhole: 'Enter a whole number',
    outOfRange: 'Must be between {{min}} and {{max}}',
    empty: 'Enter a number',
  },
  photos: {
    add: 'Add photos',
    count: '{{count}} selected (compressed, kept on this device)',
    remove: 'Remove photo {{n}}',
    compressing: 'Compressing photos…',
  },
  errors: {
    title: 'Something went wrong',
    body: 'This page ran into a problem; it is recorded under Device & data. The other pages still work, and what was saved is kept.',
    retry: 'Open this page again',
    home: 'Back to the start page',
    detail: 'Error message',
  },
  pii: {
    withheld: 'Visible to authorised staff only',
  },
};

addStrings('kit', zh, en);

declare module './i18n' {
  interface YishiResources {
    kit: typeof zh;
  }
}
