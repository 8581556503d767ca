// The monthly report and annual summary laid out as titled tables, once, for both the printable
// page and the Excel export. Every count keeps its figure so the page can drill down from it.
import type { Dashboard, Figure } from '#shared/domain/reports/index';
import { ratio, type AnnualSummary, type MonthlyReport } from '#shared/domain/reports/index';
import { percent, yuan, monthParts } from './format';

export type CellFormat = 'text' | 'count' | 'percent' | 'yuan';

export interface Cell {
  readonly text: string;
  /** The number behind the text (a share 0…1 for percentages, yuan for money). */
  readonly value?: number | null;
  readonly format: CellFormat;
  readonly figure?: Figure;
}

export interface Section {
  readonly key: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export type Translate = (key: string, values?: Record<string, unknown>) => string;

const text = (value: string): Cell => ({ text: value, format: 'text' });
const count = (figure: Figure): Cell => ({
  text: String(figure.value),
  value: figure.value,
  format: 'count',
  figure,
});
const share = (rate: number | null): Cell => ({ text: percent(rate), value: rate, format: 'percent' });
const money = (figure: Figure): Cell => ({
  text: yuan(figure.value),
  value: figure.value / 100,
  format: 'yuan',
  figure,
});

function summary(d: Dashboard, t: Translate): Section {
  const r = d.rates.total;
  const m = d.meetings;
  const rows: Cell[][] = [
    [text(t('headline.received')), count(d.demands.total)],
    [text(t('headline.solved')), count(d.demands.solved)],
    [text(t('headline.responseRate')), share(r.report.responseRate)],
    [text(t('headline.resolutionRate')), share(r.report.resolutionRate)],
    [text(t('headline.satisfactionRate')), share(r.report.satisfactionRate)],
    [text(t('headline.meetings')), count(m.held)],
    [text(t('headline.attendees')), count(m.attendees)],
    [text(t('report.tasksAssigned')), count(d.tasks.assigned)],
    [text(t('report.tasksClosed')), count(d.tasks.closed)],
    [text(t('headline.overdue')), count(d.overdue.total)],
    [text(t('headline.projects')), count(d.projects.total.micro)],
    [text(t('headline.spent')), money(d.projects.total.spentFen)],
  ];
  return { key: 'summary', title: t('report.summary'), columns: [t('table.item'), t('table.value')], rows };
}

function rates(d: Dashboard, t: Translate, placeName: (scope: string) => string): Section {
  const row = (label: string, f: Dashboard['rates']['total']): Cell[] => [
    text(label),
    count(f.received),
    count(f.respondedInTime),
    share(f.report.responseRate),
    count(f.resolved),
    share(f.report.resolutionRate),
    count(f.callbacks),
    count(f.satisfiedOrBasically),
    share(f.report.satisfactionRate),
  ];
  return {
    key: 'rates',
    title: t('report.rates'),
    columns: [
      t('table.place'),
      t('table.received'),
      t('table.respondedInTime'),
      t('table.responseRate'),
      t('table.resolved'),
      t('table.resolutionRate'),
      t('table.callbacks'),
      t('table.satisfied'),
      t('table.satisfactionRate'),
    ],
    rows: [
      ...d.rates.rows.map((f) =>
        row(f.scope === d.scope ? t('charts.ratesOwn', { name: placeName(f.scope) }) : placeName(f.scope), f),
      ),
      row(t('table.total'), d.rates.total),
    ],
  };
}

function demands(d: Dashboard, t: Translate): Section {
  const total = d.demands.total.value;
  return {
    key: 'demands',
    title: t('report.demands'),
    columns: [t('table.category'), t('table.received'), '%'],
    rows: [
      ...d.demands.rows.map((row) => [
        text(t(`categories.${row.category}`)),
        count(row.total),
        share(ratio(row.total.value, total)),
      ]),
      [text(t('table.total')), count(d.demands.total), share(total === 0 ? null : 1)],
    ],
  };
}

function meetings(d: Dashboard, t: Translate): Section {
  const m = d.meetings;
  return {
    key: 'meetings',
    title: t('report.meetings'),
    columns: [t('table.item'), t('table.value')],
    rows: [
      ...m.byKind
        .filter((k) => k.held.value > 0)
        .map((k) => [text(t(`meetingKinds.${k.kind}`)), count(k.held)]),
      [text(t('charts.meetingsHeld')), count(m.held)],
      [text(t('charts.attendees')), count(m.attendees)],
      [text(t('participation.entitled')), count(m.entitled)],
      [text(t('participation.present')), count(m.present)],
      [text(t('participation.attendanceRate')), share(m.attendanceRate)],
      [text(t('participation.proxies')), count(m.proxies)],
    ],
  };
}

function overdue(d: Dashboard, t: Translate): Section {
  return {
    key: 'overdue',
    title: t('report.overdue'),
    columns: [t('table.party'), t('table.overdue')],
    rows: [
      ...d.overdue.parties.map((p) => [text(p.kind === null ? t('noOpenParty') : p.name), count(p.overdue)]),
      [text(t('table.total')), count(d.overdue.total)],
      [text(t('report.dueSoon')), count(d.overdue.dueSoon)],
      [text(t('report.stalled')), count(d.overdue.stalled)],
    ],
  };
}

function funds(d: Dashboard, t: Translate): Section {
  const row = (label: string, f: Dashboard['projects']['total']): Cell[] => [
    text(label),
    count(f.projects),
    count(f.done),
    money(f.budgetFen),
    money(f.spentFen),
  ];
  return {
    key: 'funds',
    title: t('report.funds'),
    columns: [t('table.source'), t('table.projects'), t('table.done'), t('table.budget'), t('table.spent')],
    rows: [
      ...d.projects.bySource.map((s) => row(t(`fundSources.${s.source}`), s.figures)),
      row(t('table.total'), d.projects.total),
    ],
  };
}

function recurring(d: Dashboard, t: Translate): Section {
  return {
    key: 'recurring',
    title: t('report.recurring'),
    columns: [
      t('table.category'),
      t('table.received'),
      t('table.places'),
      t('table.months'),
      t('table.reasons'),
    ],
    rows: d.recurring.map((c) => [
      text(t(`categories.${c.category}`)),
      count(c.demands),
      { text: String(c.places), value: c.places, format: 'count' },
      { text: String(c.months), value: c.months, format: 'count' },
      text(c.reasons.join('；')),
    ]),
  };
}

function months(d: Dashboard, t: Translate): Section {
  return {
    key: 'months',
    title: t('report.months'),
    columns: [t('table.month'), t('table.received'), t('table.meetings'), t('charts.attendees')],
    rows: d.demands.months.map((month, i) => {
      const received = d.demands.monthTotals[i];
      const held = d.meetings.byMonth[i];
      return [
        text(t('report.monthLabel', monthParts(month))),
        received ? count(received) : text(''),
        held ? count(held.held) : text(''),
        held ? count(held.attendees) : text(''),
      ];
    }),
  };
}

export function reportTitle(
  report: MonthlyReport | AnnualSummary,
  t: Translate,
  placeName: (scope: string) => string,
): string {
  const place = placeName(report.dashboard.scope);
  return report.kind === 'monthly'
    ? t('report.monthlyTitle', { place, month: t('report.monthLabel', monthParts(report.month)) })
    : t('report.annualTitle', { place, year: report.year });
}

/** Every table of a dashboard by its key, for the dashboard's panels and the reports. */
export function dashboardSections(d: Dashboard, t: Translate, placeName: (scope: string) => string) {
  return {
    summary: summary(d, t),
    rates: rates(d, t, placeName),
    demands: demands(d, t),
    meetings: meetings(d, t),
    overdue: overdue(d, t),
    funds: funds(d, t),
    recurring: recurring(d, t),
    months: months(d, t),
  };
}

export function reportSections(
  report: MonthlyReport | AnnualSummary,
  t: Translate,
  placeName: (scope: string) => string,
): Section[] {
  const all = dashboardSections(report.dashboard, t, placeName);
  const sections = [all.summary, all.rates, all.demands, all.meetings, all.overdue, all.funds, all.recurring];
  return report.kind === 'annual' ? [...sections, all.months] : sections;
}
