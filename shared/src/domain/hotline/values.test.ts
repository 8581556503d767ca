import { describe, expect, it } from 'vitest';
import {
  demandCategoryOf,
  demandTypeOf,
  mentionsVulnerable,
  normalisePhone,
  parseDue,
  parseHotlineTime,
  urgencyOf,
} from './values';

describe('parseHotlineTime (Beijing wall-clock → UTC)', () => {
  it.each([
    ['2026-03-02 09:30:00', '2026-03-02T01:30:00.000Z'],
    ['2026/3/2 9:30', '2026-03-02T01:30:00.000Z'],
    ['2026年3月2日 9时30分', '2026-03-02T01:30:00.000Z'],
    ['2026-03-02', '2026-03-01T16:00:00.000Z'],
    ['20260302093000', '2026-03-02T01:30:00.000Z'],
    ['2026-03-02T09:30:00+08:00', '2026-03-02T01:30:00.000Z'],
    ['2026-03-02T01:30:00.000Z', '2026-03-02T01:30:00.000Z'],
    ['46083.5', '2026-03-02T04:00:00.000Z'], // Excel serial: 2026-03-02 12:00 Beijing
  ])('%s', (text, iso) => {
    expect(parseHotlineTime(text)).toBe(iso);
  });

  it.each(['', '明天上午', '2026-02-30 10:00', '2026-13-01', '2026-03-02 25:00', '12345'])(
    'refuses %j',
    (text) => {
      expect(parseHotlineTime(text)).toBeUndefined();
    },
  );
});

describe('parseDue', () => {
  const received = '2026-03-02T01:30:00.000Z'; // Monday 09:30 Beijing
  it('reads a time, days, hours and working days', () => {
    expect(parseDue('2026-03-05 18:00', received)).toBe('2026-03-05T10:00:00.000Z');
    expect(parseDue('3天', received)).toBe('2026-03-05T01:30:00.000Z');
    expect(parseDue('48小时', received)).toBe('2026-03-04T01:30:00.000Z');
    expect(parseDue('5个工作日', received)).toBe('2026-03-09T01:30:00.000Z');
  });
  it('tells an empty cell from an unreadable one', () => {
    expect(parseDue(' ', received)).toBeUndefined();
    expect(parseDue('尽快', received)).toBeNull();
  });
});

describe('normalisePhone', () => {
  it('writes mobiles and landlines one way', () => {
    expect(normalisePhone('13900001234')).toBe('139-0000-1234');
    expect(normalisePhone('+86 139 0000 1234')).toBe('139-0000-1234');
    expect(normalisePhone('139-0000-1234')).toBe('139-0000-1234');
    expect(normalisePhone('(010)64912345')).toBe('010-64912345');
    expect(normalisePhone('64912345')).toBe('010-64912345');
  });
  it('refuses what is not a phone number and passes empty cells', () => {
    expect(normalisePhone('1390000')).toBeNull();
    expect(normalisePhone('电话打不通')).toBeNull();
    expect(normalisePhone('23900001234')).toBeNull();
    expect(normalisePhone('')).toBeUndefined();
  });
});

describe('12345 vocabularies', () => {
  it('maps types, urgencies and categories', () => {
    expect(demandTypeOf('投诉')).toBe('complaint');
    expect(demandTypeOf('意见建议')).toBe('suggestion');
    expect(demandTypeOf('表扬')).toBeUndefined();
    expect(urgencyOf('')).toBe('normal');
    expect(urgencyOf('紧急')).toBe('urgent');
    expect(urgencyOf('特急')).toBe('critical');
    expect(urgencyOf('很随便')).toBeUndefined();
    expect(demandCategoryOf('城乡建设/物业管理/保洁')).toBe('propertyService');
    expect(demandCategoryOf('市容环境/垃圾分类')).toBe('wasteSorting');
    expect(demandCategoryOf('电动自行车充电')).toBe('evCharging');
    expect(demandCategoryOf('', '楼道灯不亮')).toBe('electricHeating');
    expect(demandCategoryOf('其他事项')).toBe('other');
    expect(mentionsVulnerable('家中有独居老人')).toBe(true);
    expect(mentionsVulnerable('楼道灯不亮')).toBe(false);
  });
});
