import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { generateDemoStreet } from '#resources/demo/index';
import { annualSummary, monthlyReport, type MonthlyReport } from '#shared/domain/reports/index';
import { buildReportWorkbook } from './report-workbook';
import { reportSections, reportTitle, type Section, type Translate } from './report-sections';
import { dashboardPeriod, readReportRoute, reportMonths, reportPath } from './report-route';

const NOW = '2026-11-29T08:00:00.000Z';
// Keys stand in for the words: the tests are about which figure lands where.
const t: Translate = (key, values) => (values ? `${key}${JSON.stringify(values)}` : key);
const placeName = (scope: string) => (scope === 'xg' ? '小关街道' : scope);
let monthly: MonthlyReport;
let sections: Section[];

beforeAll(() => {
  const data = generateDemoStreet({ seed: 1, now: NOW, scale: 1 });
  monthly = monthlyReport(data, { scope: 'xg', month: '2026-10', now: NOW });
  sections = reportSections(monthly, t, placeName);
}, 60_000);

describe('report sections', () => {
  it('carry the dashboard figures, every count with its records', () => {
    const d = monthly.dashboard;
    const summary = sections.find((s) => s.key === 'summary');
    expect(summary?.rows[0]?.[1]?.figure).toBe(d.demands.total);
    expect(summary?.rows[0]?.[1]?.value).toBe(d.demands.total.value);
    const rates = sections.find((s) => s.key === 'rates');
    expect(rates?.rows).toHaveLength(d.rates.rows.length + 1);
    expect(rates?.rows.at(-1)?.[1]?.figure).toBe(d.rates.total.received);
    expect(rates?.rows.at(-1)?.[3]?.value).toBe(d.rates.total.report.responseRate);
    for (const section of sections)
      for (const row of section.rows) {
        expect(row).toHaveLength(section.columns.length);
        for (const cell of row)
          if (cell.format === 'count' && cell.figure) expect(cell.text).toBe(String(cell.figure.value));
      }
    expect(sections.map((s) => s.key)).toEqual([
      'summary',
      'rates',
      'demands',
      'meetings',
      'overdue',
      'funds',
      'recurring',
    ]);
  });

  it('add the month-by-month table to the annual summary', () => {
    const data = generateDemoStreet({ seed: 1, now: NOW, scale: 1 });
    const annual = reportSections(annualSummary(data, { scope: 'xg', year: 2026, now: NOW }), t, placeName);
    expect(annual.at(-1)?.key).toBe('months');
    expect(annual.at(-1)?.rows).toHaveLength(12);
  }, 60_000);
});

describe('report workbook', () => {
  it('writes the title, each section and real numbers that Excel reads back', async () => {
    const title = reportTitle(monthly, t, placeName);
    const workbook = buildReportWorkbook(ExcelJS, title, 'sub', '报表', sections);
    const buffer = await workbook.xlsx.writeBuffer();
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(buffer);
    const sheet = read.getWorksheet('报表');
    expect(sheet?.getCell('A1').value).toBe(title);
    const values: unknown[][] = [];
    sheet?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const receivedRow = values.find((v) => v[0] === 'headline.received');
    expect(receivedRow?.[1]).toBe(monthly.dashboard.demands.total.value);
    const rateRow = values.find((v) => v[0] === 'headline.responseRate');
    expect(rateRow?.[1]).toBe(monthly.dashboard.rates.total.report.responseRate);
    for (const section of sections) expect(values.some((v) => v[0] === section.title)).toBe(true);
  });
});

describe('report route', () => {
  it('reads back what it writes', () => {
    const path = reportPath('xg.gyj', {
      view: 'monthly',
      period: 'last12',
      month: '2026-10',
      year: undefined,
    });
    const [p = '', q = ''] = path.split('?');
    const route = readReportRoute(p.split('/').filter(Boolean), new URLSearchParams(q));
    expect(route).toEqual({
      scope: 'xg.gyj',
      view: 'monthly',
      period: 'last12',
      month: '2026-10',
      year: undefined,
    });
    expect(readReportRoute(['reports'], new URLSearchParams('view=nonsense&month=10')).view).toBe(
      'dashboard',
    );
  });

  it('never reaches past now and offers the last twelve months', () => {
    expect(dashboardPeriod('year', NOW)).toEqual({ from: '2025-12-31T16:00:00.000Z', to: NOW });
    expect(dashboardPeriod('month', NOW).from).toBe('2026-10-31T16:00:00.000Z');
    expect(reportMonths(NOW)[0]).toBe('2026-11');
    expect(reportMonths(NOW)).toHaveLength(12);
  });
});
