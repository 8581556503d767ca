import { describe, expect, it } from 'vitest';
import { meetingFigures } from '#shared/domain/meetings/index';
import { consoleFor, hallMeeting } from '#shared/domain/meetings/test-fixture';
import { meetingStats } from './meetings';

// The report's 应到/实到 are the meeting's own figures, the ones its minutes and 公示 print.
describe('meeting participation in the reports', () => {
  it('adds up each held meeting’s own 应到 and 实到', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    for (let i = 1; i <= 12; i += 1) c.must({ type: 'signIn', personId: `p${i}` });
    c.must({ type: 'proxy', holderId: 'p1', forId: 'p20' });
    c.must({ type: 'walkIn', name: '街道城管科刘科长' });
    const figures = meetingFigures(meeting, c.records);
    const stats = meetingStats([meeting], c.records, {
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-12-31T00:00:00.000Z',
      scope: 'xg',
    });
    expect(stats.held.value).toBe(1);
    expect(stats.entitled.value).toBe(figures.attendance.entitled);
    expect(stats.present.value).toBe(figures.attendance.present);
    expect(figures.attendance).toMatchObject({ entitled: 24, present: 13, proxies: 1 });
    expect(stats.proxies.value).toBe(1);
  });
});
