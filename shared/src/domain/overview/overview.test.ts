import { describe, expect, it } from 'vitest';
import { demand, NOW } from '#shared/domain/handling/fixtures';
import { beijingWeek, streetOverview } from '#shared/domain/overview/index';
import type { MeetingDoc } from '#shared/schema/index';

const hours = (h: number) => new Date(Date.parse(NOW) + h * 3_600_000).toISOString();

const meeting = (
  id: string,
  startsAt: string,
  status: MeetingDoc['status'] = 'noticed',
  scope = 'xg.hxy.hxy6',
) => ({ id, scope, startsAt, status, title: id }) as MeetingDoc;

describe('the street overview', () => {
  it('counts this Beijing week from Monday 00:00 to the next Monday', () => {
    // NOW is Friday 2026-11-20 10:00 in Beijing.
    expect(beijingWeek(NOW)).toEqual({ from: '2026-11-15T16:00:00.000Z', to: '2026-11-22T16:00:00.000Z' });
  });

  it('lists what is overdue, due soon, waiting for a call-back and meeting this week, under the place only', () => {
    const demands = [
      demand('late', 'accepted', { receivedAt: hours(-100), dueAt: hours(-5) }),
      demand('soon', 'received', { receivedAt: hours(-2), dueAt: hours(20) }),
      demand('later', 'received', { receivedAt: hours(-2), dueAt: hours(200) }),
      demand('done', 'resolved', { receivedAt: hours(-50), respondedAt: hours(-40), resolvedAt: hours(-10) }),
      demand('elsewhere', 'accepted', { scope: 'xg.gyj.gyj2', receivedAt: hours(-100), dueAt: hours(-5) }),
    ];
    const meetings = [
      meeting('this-week', hours(30)),
      meeting('next-week', hours(24 * 5)),
      meeting('called-off', hours(5), 'cancelled'),
      meeting('other-place', hours(5), 'noticed', 'xg.gyj'),
    ];
    const view = streetOverview(
      { demands, tasks: [], followUps: [], meetings },
      { now: NOW, scope: 'xg.hxy' },
    );
    expect(view.demands.overdue.map((d) => d.id)).toEqual(['late']);
    expect(view.demands.dueSoon.map((d) => d.id)).toEqual(['soon']);
    expect(view.callbacks.map((d) => d.id)).toEqual(['done']);
    expect(view.meetings.map((m) => m.id)).toEqual(['this-week']);
    expect(view.month).toBe('2026-11');
    // Four demands of the place received this month; the resolved one responded in time.
    expect(view.rates.received).toBe(4);
  });
});
