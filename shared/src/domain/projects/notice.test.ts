import { describe, expect, it } from 'vitest';
import { chineseDate, publicNotice } from './notice';

describe('公示', () => {
  it('states the whole record in plain Chinese', () => {
    const notice = publicNotice(
      {
        kind: 'micro',
        title: '华严北里楼道扶手加装',
        description: '为 3 号楼加装扶手。',
        fundSource: 'communityWelfareFund',
        year: 2026,
        budgetFen: 2_000_000,
        feasibility: '可行。',
        milestones: [
          { id: 'm2', title: '施工', dueAt: '2026-05-20T00:00:00.000Z', doneAt: '2026-05-18T00:00:00.000Z' },
          {
            id: 'm1',
            title: '方案公示',
            dueAt: '2026-05-01T00:00:00.000Z',
            doneAt: '2026-04-30T00:00:00.000Z',
          },
        ],
        spending: [
          { at: '2026-05-12T00:00:00.000Z', amountFen: 1_500_000, note: '扶手材料及安装', receiptCount: 2 },
          { at: '2026-05-02T00:00:00.000Z', amountFen: 300_000, note: '设计费', receiptCount: 1 },
        ],
        acceptedAt: '2026-05-25T02:00:00.000Z',
      },
      {
        placeName: '华严北里',
        topicTitles: ['老人上下楼难'],
        approval: {
          meetingTitle: '高原街社区议事会',
          startsAt: '2026-04-10T06:30:00.000Z',
          reason: '过半数通过',
        },
        acceptanceNote: '居民代表参与验收。',
        issuedAt: '2026-05-26T16:30:00.000Z',
        issuer: '高原街社区居民委员会',
      },
    );
    expect(notice.title).toBe('关于“华严北里楼道扶手加装”微实事项目的公示');
    const text = notice.sections.map((s) => `${s.heading}\n${s.lines.join('\n')}`).join('\n');
    expect(text).toContain('资金来源：社区公益金（2026年度）');
    expect(text).toContain('2026年4月10日高原街社区议事会表决：过半数通过');
    expect(text).toContain('预算 20,000.00 元，实际支出 18,000.00 元，结余 2,000.00 元（票据 3 张）');
    expect(text.indexOf('方案公示')).toBeLessThan(text.indexOf('施工：'));
    expect(text.indexOf('设计费')).toBeLessThan(text.indexOf('扶手材料'));
    expect(text).toContain('2026年5月25日验收合格。居民代表参与验收。');
    expect(notice.footer).toEqual([
      '公示期为 7 天。居民如有意见，可向社区居委会或议事厅反映。',
      '高原街社区居民委员会',
      '2026年5月27日',
    ]);
  });

  it('dates in Beijing time', () => {
    expect(chineseDate('2026-12-31T16:00:00.000Z')).toBe('2027年1月1日');
  });
});
