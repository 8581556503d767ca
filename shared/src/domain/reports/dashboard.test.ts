import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoStreet, type DemoData } from '#resources/demo/index';
import { overdueTasks, ratesByChild, recurringClasses, threeRates } from '#shared/domain/aggregations/index';
import { liesUnder } from '#shared/domain/places/index';
import { attendance } from '#shared/domain/votes/index';
import { computeDashboard, type Dashboard } from './dashboard';
import type { Figure } from './figures';
import { HELD_MEETING_STATES } from './meetings';
import { annualSummary, monthlyReport } from './monthly';
import { lastTwelveMonths, monthPeriod, monthsOf } from './period';

const NOW = '2026-11-29T08:00:00.000Z';
const STREET = 'xg';
const COMMUNITY = 'xg.gyj';
let data: DemoData;
let street: Dashboard;
let community: Dashboard;
const period = lastTwelveMonths(NOW);

beforeAll(() => {
  data = generateDemoStreet({ seed: 1, now: NOW, scale: 1 });
  street = computeDashboard(data, { scope: STREET, ...period, now: NOW });
  community = computeDashboard(data, { scope: COMMUNITY, ...period, now: NOW });
}, 60_000);

/** Every figure inside a value, with its path, for checks that must hold for all of them. */
function figuresIn(value: unknown, path = ''): [string, Figure][] {
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.collection === 'string' && Array.isArray(record.ids) && typeof record.value === 'number')
    return [[path, record as unknown as Figure]];
  return Object.entries(record).flatMap(([key, inner]) => figuresIn(inner, `${path}.${key}`));
}

describe('computeDashboard over the demo street', () => {
  it('has figures that drill down to existing records of the place, counted once', () => {
    const scopes = new Map<string, string>();
    for (const name of ['demands', 'followUps', 'tasks', 'meetings', 'meetingRecords', 'projects'] as const)
      for (const doc of data[name]) scopes.set(`${name}/${doc.id}`, doc.scope);
    for (const dashboard of [street, community]) {
      const figures = figuresIn(dashboard);
      expect(figures.length).toBeGreaterThan(100);
      for (const [path, figure] of figures) {
        expect(new Set(figure.ids).size, path).toBe(figure.ids.length);
        for (const id of figure.ids)
          expect(liesUnder(scopes.get(`${figure.collection}/${id}`) ?? '?', dashboard.scope), path).toBe(
            true,
          );
      }
    }
  });

  it('counts figures as their records, except sums of money and rosters', () => {
    for (const [path, figure] of figuresIn(street)) {
      if (/budgetFen|spentFen|entitled|present$/.test(path)) continue;
      expect(figure.value, path).toBe(figure.ids.length);
    }
  });

  it('shows the three rates of the street and of each community as the shared threeRates/ratesByChild', () => {
    const options = { scope: STREET, ...period, asOf: NOW };
    const total = threeRates(data.demands, data.followUps, options);
    const rows = ratesByChild(data.demands, data.followUps, options);
    expect(street.rates.total.report).toEqual(total);
    expect(street.rates.rows.map((r) => r.report)).toEqual(rows);
    expect(rows.map((r) => r.scope)).toContain(COMMUNITY);
    for (const figures of [street.rates.total, ...street.rates.rows]) {
      const r = figures.report;
      expect(figures.received.value).toBe(r.received);
      expect(figures.respondedInTime.value).toBe(r.respondedInTime);
      expect(figures.responseBase.value).toBe(r.received - r.responsePending);
      expect(figures.reasonableReceived.value).toBe(r.reasonableReceived);
      expect(figures.resolved.value).toBe(r.resolved);
      expect(figures.callbacks.value).toBe(r.callbacks);
      expect(figures.satisfiedOrBasically.value).toBe(r.satisfied + r.basicallySatisfied);
      if (r.responseRate !== null)
        expect(figures.respondedInTime.value / figures.responseBase.value).toBeCloseTo(r.responseRate, 12);
    }
    expect(total.received).toBeGreaterThan(400);
    expect(total.callbacks).toBeGreaterThan(100);
  });

  it('gives a community the same rates on its own dashboard as in the street row', () => {
    const row = street.rates.rows.find((r) => r.scope === COMMUNITY);
    expect(community.rates.total.report).toEqual(row?.report);
    expect([...community.rates.total.resolved.ids].sort()).toEqual([...(row?.resolved.ids ?? [])].sort());
    expect(community.rates.rows.every((r) => liesUnder(r.scope, COMMUNITY))).toBe(true);
  });

  it('spreads the received demands over categories and months, adding up to the rates', () => {
    const grid = street.demands;
    expect(grid.months).toEqual(monthsOf(period));
    expect(grid.months).toHaveLength(12);
    expect(grid.total.value).toBe(street.rates.total.report.received);
    expect(grid.rows.reduce((sum, r) => sum + r.total.value, 0)).toBe(grid.total.value);
    expect(grid.monthTotals.reduce((sum, f) => sum + f.value, 0)).toBe(grid.total.value);
    const byId = new Map(data.demands.map((d) => [d.id, d]));
    for (const row of grid.rows)
      for (const cell of row.byMonth)
        for (const id of cell.ids) expect(byId.get(id)?.category).toBe(row.category);
    grid.months.forEach((month, i) => {
      const monthly = threeRates(data.demands, [], { scope: STREET, ...monthPeriod(month) });
      expect(grid.monthTotals[i]?.value).toBe(monthly.received);
    });
    const values = grid.rows.map((r) => r.total.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('lists overdue tasks as the shared overdueTasks, each under the parties still owing work', () => {
    const shared = overdueTasks(data.tasks, data.followUps, { scope: STREET, now: NOW });
    expect(street.overdue.total.ids).toEqual(shared.overdue.map((i) => i.id));
    expect(street.overdue.dueSoon.ids).toEqual(shared.dueSoon.map((i) => i.id));
    expect(street.overdue.stalled.ids).toEqual(shared.stalled.map((i) => i.id));
    const listed = new Set(street.overdue.parties.flatMap((p) => p.overdue.ids));
    expect(listed).toEqual(new Set(shared.overdue.map((i) => i.id)));
    for (const party of street.overdue.parties)
      for (const id of party.overdue.ids) {
        const task = data.tasks.find((t) => t.id === id);
        if (party.kind !== null)
          expect(task?.parties.map((p) => p.organizationId ?? p.name)).toContain(party.key);
      }
  });

  it('counts held meetings and their participation with the shared attendance', () => {
    const held = data.meetings.filter(
      (m) => HELD_MEETING_STATES.includes(m.status) && m.startsAt >= period.from && m.startsAt < period.to,
    );
    expect(street.meetings.held.value).toBe(held.length);
    expect(held.length).toBeGreaterThan(50);
    let entitled = 0;
    let present = 0;
    let attendees = 0;
    let proxies = 0;
    for (const meeting of held) {
      const result = attendance(
        meeting.roster,
        data.meetingRecords.filter((r) => r.meetingId === meeting.id),
        meeting.proxyLimit,
      );
      entitled += result.entitled;
      present += result.presentCount;
      attendees += result.presentInPerson.length + result.observers.length + result.walkIns.length;
      proxies += result.proxies.length;
    }
    const m = street.meetings;
    expect(m.entitled.value).toBe(entitled);
    expect(m.present.value).toBe(present);
    expect(m.present.ids).toHaveLength(present);
    expect(m.attendees.value).toBe(attendees);
    expect(m.proxies.value).toBe(proxies);
    expect(m.attendanceRate).toBeCloseTo(present / entitled, 12);
    expect(m.byKind.reduce((s, k) => s + k.held.value, 0)).toBe(held.length);
    expect(m.byMonth.reduce((s, k) => s + k.attendees.value, 0)).toBe(attendees);
  });

  it('sums budgets and spending per fund source to the totals', () => {
    const p = street.projects;
    const years = new Set([2025, 2026]);
    const live = data.projects.filter((x) => years.has(x.year) && x.status !== 'rejected');
    expect(p.total.projects.value).toBe(live.length);
    expect(p.total.budgetFen.value).toBe(live.reduce((s, x) => s + x.budgetFen, 0));
    for (const key of ['projects', 'micro', 'done', 'rejected', 'budgetFen', 'spentFen'] as const)
      expect(
        p.bySource.reduce((s, x) => s + x.figures[key].value, 0),
        key,
      ).toBe(p.total[key].value);
    expect(p.total.spentFen.value).toBeGreaterThan(0);
  });

  it('shows the top recurring classes of the shared recurringClasses', () => {
    const shared = recurringClasses(data.demands, { now: NOW, places: data.places }).slice(0, 5);
    expect(street.recurring.map((c) => c.demands.ids)).toEqual(shared.map((c) => c.demandIds));
    expect(street.recurring.length).toBeGreaterThan(0);
  });
});

describe('monthly report and annual summary', () => {
  it('adds the months of a year up to its annual summary', () => {
    const year = annualSummary(data, { scope: STREET, year: 2026, now: NOW }).dashboard;
    let received = 0;
    let held = 0;
    let solved = 0;
    for (const month of monthsOf(year)) {
      const report = monthlyReport(data, { scope: STREET, month, now: NOW });
      expect(report.dashboard.now <= NOW).toBe(true);
      received += report.dashboard.demands.total.value;
      held += report.dashboard.meetings.held.value;
      solved += report.dashboard.demands.solved.value;
    }
    expect(received).toBe(year.demands.total.value);
    expect(held).toBe(year.meetings.held.value);
    expect(solved).toBe(year.demands.solved.value);
    expect(year.demands.solved.value).toBeGreaterThan(100);
  });

  it('judges a finished month at its end, not at the time of asking', () => {
    const report = monthlyReport(data, { scope: STREET, month: '2026-03', now: NOW });
    expect(report.dashboard.from).toBe('2026-02-28T16:00:00.000Z');
    expect(report.dashboard.to).toBe('2026-03-31T16:00:00.000Z');
    expect(report.dashboard.now).toBe('2026-03-31T16:00:00.000Z');
  });
});
