import { CHINA_CALENDAR } from '#shared/domain/calendar/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import {
  chineseDate,
  chineseDateTime,
  chineseNumber,
  MEETING_KIND_LABELS,
  PARTY_KIND_LABELS,
} from './labels';
import { approvalLine } from './adjourn';
import { meetingFigures, voteOutcomeText } from './figures';
import { liveState } from './live';
import { attendanceSentence, quorumLabel } from './minutes';
import type { Invitee } from './invitations';

// The two papers a meeting posts: the notice (通知) before it and the 公示 of its results after.

export interface NoticeContext {
  readonly venueName?: string;
  /** Who issues the paper, e.g. 高原街社区居民委员会. */
  readonly issuer: string;
  /** Date the paper is issued (ISO). */
  readonly issuedAt: string;
}

export interface PaperText {
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly items: readonly string[];
  readonly closing: readonly string[];
}

export function noticeText(meeting: MeetingDoc, ctx: NoticeContext): PaperText {
  const entitled = meeting.roster.filter((r) => r.entitled);
  return {
    title: `关于召开${meeting.title}的通知`,
    paragraphs: [
      `各位居民代表、相关单位：`,
      `为广泛听取意见、协商解决居民关心的问题，定于${chineseDateTime(meeting.startsAt)}在${ctx.venueName ?? '社区议事厅'}召开${MEETING_KIND_LABELS[meeting.kind]}（${meeting.title}），会期约 ${meeting.durationMinutes} 分钟。`,
      `本次会议应到 ${entitled.length} 人，须到会${quorumLabel(meeting)}以上方可表决。本人不能到会的，可书面委托一名到会人员代为表决，每人最多接受 ${meeting.proxyLimit} 份委托。`,
      '会议议程：',
    ],
    items: meeting.agenda.map((a, i) => `${chineseNumber(i + 1)}、${a.title}（约 ${a.minutes} 分钟）`),
    closing: ['请准时参加，会前签到。', ctx.issuer, chineseDate(ctx.issuedAt)],
  };
}

export function publicNoticeText(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  ctx: NoticeContext,
): PaperText {
  const live = liveState(meeting, records);
  const figures = meetingFigures(meeting, records);
  const until = CHINA_CALENDAR.addWorkingDays(ctx.issuedAt, 5);
  const items = meeting.agenda.flatMap((item, i) => {
    const decisions = live.decisions.filter((d) => d.agendaItemId === item.itemId);
    const votes = figures.votes.filter((v) => v.agendaItemId === item.itemId && v.closed);
    if (decisions.length === 0 && votes.length === 0) return [];
    const lines = [`${chineseNumber(i + 1)}、${item.title}`];
    // A resident must be able to read what passed: the motion stands beside its result.
    for (const v of votes) lines.push(`表决事项：“${v.motion}”，表决结果：${voteOutcomeText(v)}`);
    for (const d of decisions) {
      lines.push(`议定事项：${d.text}`);
      if (d.parties.length > 0)
        lines.push(`责任方：${d.parties.map((p) => `${p.name}（${PARTY_KIND_LABELS[p.kind]}）`).join('、')}`);
    }
    return [lines.join('\n')];
  });
  return {
    title: `${meeting.title}议事结果公示`,
    paragraphs: [
      `${chineseDateTime(meeting.startsAt)}，在${ctx.venueName ?? '社区议事厅'}召开${meeting.title}（${MEETING_KIND_LABELS[meeting.kind]}）。${attendanceSentence(meeting, figures.attendance)}现将议事结果公示如下：`,
    ],
    items: items.length > 0 ? items : ['本次会议未形成议定事项。'],
    closing: [
      ...(approvalLine(meeting) ? [approvalLine(meeting)] : []),
      `公示期自${chineseDate(ctx.issuedAt)}至${chineseDate(until)}（五个工作日）。如有异议，请在公示期内向${ctx.issuer}反映。`,
      ctx.issuer,
      chineseDate(ctx.issuedAt),
    ],
  };
}

/** The 公示 as plain text (kept with the meeting when it is published). */
export function paperToText(paper: PaperText): string {
  return [paper.title, '', ...paper.paragraphs, ...paper.items, '', ...paper.closing].join('\n');
}

/**
 * 会议邀请: the notice addressed to one invited party or person, saying what they come for.
 * Organisations are asked to send someone; roster members are told whether they vote.
 */
export function invitationText(meeting: MeetingDoc, invitee: Invitee, ctx: NoticeContext): PaperText {
  const person = invitee.kind === 'person' || invitee.kind === 'expert';
  const member = meeting.roster.find((r) => r.personId === invitee.refId && invitee.kind === 'person');
  const role = member
    ? member.entitled
      ? `您是本次会议的应到人员，享有表决权。本人不能到会的，可书面委托一名到会人员代为表决。`
      : '请您列席本次会议。'
    : '';
  const about =
    invitee.items.length > 0
      ? `会议将协商${invitee.items.map((i) => `“${i}”`).join('、')}，${person ? '请您参加并发表意见。' : '请贵单位派负责同志参加，介绍相关情况并共同协商。'}`
      : '';
  return {
    title: `${meeting.title}参会通知`,
    paragraphs: [
      person ? `${invitee.name}（${invitee.label}）：` : `${invitee.name}：`,
      `定于${chineseDateTime(meeting.startsAt)}在${ctx.venueName ?? '社区议事厅'}召开${MEETING_KIND_LABELS[meeting.kind]}（${meeting.title}），会期约 ${meeting.durationMinutes} 分钟。${about}${role}`,
      '会议议程：',
    ],
    items: meeting.agenda.map((a, i) => `${chineseNumber(i + 1)}、${a.title}（约 ${a.minutes} 分钟）`),
    closing: ['请准时参加，会前签到。', ctx.issuer, chineseDate(ctx.issuedAt)],
  };
}
