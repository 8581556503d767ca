import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR } from '#shared/domain/calendar/index';
import { dueAtFor, dueRule } from './due';
import { deriveTitle, titleFor } from './title';

describe('due date of a demand', () => {
  // Friday 2026-02-13 10:00 Beijing; 2026-02-15..23 is the Spring Festival holiday.
  const friday = '2026-02-13T02:00:00.000Z';
  const base = { receivedAt: friday, category: 'parking', vulnerable: false } as const;

  it('gives a critical demand 24 hours whatever the calendar', () => {
    expect(dueAtFor({ ...base, urgency: 'critical' }, CHINA_CALENDAR)).toBe('2026-02-14T02:00:00.000Z');
  });

  it('gives an urgent demand one working day, skipping weekends and holidays', () => {
    // Saturday 2026-02-14 is a make-up working day; the next is 2026-02-24, after the holiday.
    expect(dueAtFor({ ...base, urgency: 'urgent' }, CHINA_CALENDAR)).toBe('2026-02-14T02:00:00.000Z');
    const saturday = '2026-02-14T02:00:00.000Z';
    expect(dueAtFor({ ...base, receivedAt: saturday, urgency: 'urgent' }, CHINA_CALENDAR)).toBe(
      '2026-02-24T02:00:00.000Z',
    );
    // An ordinary Friday → Monday.
    expect(
      dueAtFor({ ...base, receivedAt: '2026-03-06T02:00:00.000Z', urgency: 'urgent' }, CHINA_CALENDAR),
    ).toBe('2026-03-09T02:00:00.000Z');
  });

  it('treats safety matters as urgent and shortens the deadline for vulnerable residents', () => {
    expect(dueRule({ urgency: 'normal', category: 'safetyFire', vulnerable: false })).toEqual({
      kind: 'workingDays',
      days: 1,
    });
    expect(dueRule({ urgency: 'normal', category: 'parking', vulnerable: true })).toEqual({
      kind: 'workingDays',
      days: 3,
    });
    expect(dueRule({ urgency: 'normal', category: 'parking', vulnerable: false })).toEqual({
      kind: 'workingDays',
      days: 5,
    });
  });

  it('counts five working days for a normal demand on an ordinary week', () => {
    // Monday 2026-03-02 10:00 Beijing → Monday 2026-03-09 10:00.
    expect(
      dueAtFor({ ...base, receivedAt: '2026-03-02T02:00:00.000Z', urgency: 'normal' }, CHINA_CALENDAR),
    ).toBe('2026-03-09T02:00:00.000Z');
  });
});

describe('title derived from the description', () => {
  it('takes the first sentence without the hotline lead-in', () => {
    expect(deriveTitle('市民来电反映：3号楼楼道灯坏了一周。晚上老人下楼不方便')).toBe('3号楼楼道灯坏了一周');
    expect(deriveTitle('居民反映，小区东门电动车乱停！')).toBe('小区东门电动车乱停');
  });

  it('collapses whitespace and cuts long text to one ledger line', () => {
    expect(deriveTitle('  楼下  饭馆油烟  ')).toBe('楼下 饭馆油烟');
    const long = '院内西侧自行车棚顶棚破损严重下雨时漏水导致车辆生锈居民多次反映无人处理';
    const title = deriveTitle(long);
    expect([...title]).toHaveLength(28);
    expect(title.endsWith('…')).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('keeps a description that is only a lead-in, and gives nothing for nothing', () => {
    expect(deriveTitle('反映')).toBe('反映');
    expect(deriveTitle('   ')).toBe('');
  });

  it('prefers the typed title', () => {
    expect(titleFor('  电梯故障 ', '市民反映：电梯坏了')).toBe('电梯故障');
    expect(titleFor('', '市民反映：电梯坏了')).toBe('电梯坏了');
  });
});
