import type { FundSource, ProjectKind } from '#shared/domain/vocab';
import { chineseDate } from '../calendar/beijing-text';
import { spentFen } from './budget';
import { FUND_SOURCE_LABELS, PROJECT_KIND_LABELS, formatYuan } from './labels';
import { sortMilestones, type MilestoneFacts } from './milestones';

export { chineseDate };

// 公示: what residents read on the notice board. Built from the record only, so the printed
// notice and the screen always agree; the person prints it, the app stamps publishedAt.

export interface NoticeProject {
  readonly kind: ProjectKind;
  readonly title: string;
  readonly description: string;
  readonly fundSource: FundSource;
  readonly year: number;
  readonly budgetFen: number;
  readonly feasibility?: string;
  readonly milestones: readonly MilestoneFacts[];
  readonly spending: readonly {
    readonly at: string;
    readonly amountFen: number;
    readonly note: string;
    readonly receiptCount?: number;
  }[];
  readonly acceptedAt?: string;
}

export interface NoticeContext {
  readonly placeName: string;
  readonly topicTitles: readonly string[];
  /** The approving vote: meeting title, date and the Chinese result sentence. */
  readonly approval?: { readonly meetingTitle: string; readonly startsAt: string; readonly reason: string };
  readonly acceptanceNote?: string;
  /** When the notice is issued (ISO). */
  readonly issuedAt: string;
  readonly issuer: string;
}

export interface NoticeSection {
  readonly heading: string;
  readonly lines: readonly string[];
}

export interface PublicNotice {
  readonly title: string;
  readonly sections: readonly NoticeSection[];
  readonly footer: readonly string[];
}

export function publicNotice(project: NoticeProject, ctx: NoticeContext): PublicNotice {
  const spent = spentFen(project);
  const receipts = project.spending.reduce((sum, s) => sum + (s.receiptCount ?? 0), 0);
  const sections: NoticeSection[] = [
    {
      heading: '项目概况',
      lines: [
        `项目名称：${project.title}（${PROJECT_KIND_LABELS[project.kind]}）`,
        `实施地点：${ctx.placeName}`,
        `资金来源：${FUND_SOURCE_LABELS[project.fundSource]}（${project.year}年度）`,
        `项目内容：${project.description}`,
        ...(ctx.topicTitles.length > 0 ? [`来源议题：${ctx.topicTitles.join('、')}`] : []),
      ],
    },
    {
      heading: '立项与表决',
      lines: [
        ...(project.feasibility ? [`可行性评估：${project.feasibility}`] : []),
        ctx.approval
          ? `${chineseDate(ctx.approval.startsAt)}${ctx.approval.meetingTitle}表决：${ctx.approval.reason}`
          : '尚未登记表决结果',
      ],
    },
    {
      heading: '实施进度',
      lines: sortMilestones(project.milestones).map(
        (m) =>
          `${m.title}：计划${chineseDate(m.dueAt)}${m.doneAt ? `，${chineseDate(m.doneAt)}完成` : '，未完成'}`,
      ),
    },
    {
      heading: '资金使用',
      lines: [
        `预算 ${formatYuan(project.budgetFen)} 元，实际支出 ${formatYuan(spent)} 元，结余 ${formatYuan(project.budgetFen - spent)} 元（票据 ${receipts} 张）`,
        ...[...project.spending]
          .sort((a, b) => a.at.localeCompare(b.at))
          .map((s) => `${chineseDate(s.at)} ${s.note}：${formatYuan(s.amountFen)} 元`),
      ],
    },
    {
      heading: '验收情况',
      lines: [
        project.acceptedAt
          ? `${chineseDate(project.acceptedAt)}验收合格。${ctx.acceptanceNote ?? ''}`.trim()
          : '尚未验收',
      ],
    },
  ];
  return {
    title: `关于“${project.title}”${PROJECT_KIND_LABELS[project.kind]}项目的公示`,
    sections,
    footer: [
      '公示期为 7 天。居民如有意见，可向社区居委会或议事厅反映。',
      ctx.issuer,
      chineseDate(ctx.issuedAt),
    ],
  };
}
