import { VOTE_BASE_LABELS, VOTE_RULE_LABELS } from '#shared/domain/votes/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import {
  chineseDateTime,
  chineseDuration,
  chineseNumber,
  MEETING_KIND_LABELS,
  PARTY_KIND_LABELS,
} from './labels';
import { attendanceText, meetingFigures, type AttendanceFigures } from './figures';
import { chairNote, isChair } from './chair';
import { liveState } from './live';
import { totalsByOrigin, type VoteView } from './vote-view';

// 会议纪要 drafted from the record: time, place, attendance and quorum, then per agenda item the
// speakers, votes (rule, base and counts by origin) and decisions with their responsible parties.
// People edit the draft; the approved text is what the meeting keeps.

export interface MinutesContext {
  readonly venueName?: string;
  /** Names for the people and organisations in the record, when the roster does not have them. */
  readonly nameOf?: (personId: string) => string | undefined;
}

const FRACTIONS: Record<string, string> = { '1/2': '二分之一', '2/3': '三分之二', '3/4': '四分之三' };

export function quorumLabel(meeting: Pick<MeetingDoc, 'quorumNumerator' | 'quorumDenominator'>): string {
  const key = `${meeting.quorumNumerator}/${meeting.quorumDenominator}`;
  return FRACTIONS[key] ?? `${meeting.quorumDenominator}分之${meeting.quorumNumerator}`;
}

/** The attendance as the minutes and the 公示 state it, from the meeting's figures. */
export function attendanceSentence(meeting: MeetingDoc, a: AttendanceFigures): string {
  return (
    attendanceText(a) +
    `；法定人数为应到人数的${quorumLabel(meeting)}（${a.quorumRequired} 人），${a.quorumReached ? '已达到' : '未达到'}。`
  );
}

export function voteSentence(vote: VoteView): string {
  const totals = totalsByOrigin(vote.counts);
  const parts = (
    [
      ['现场举手', totals.hall],
      ['纸质选票', totals.paper],
      ['委托表决', totals.proxy],
    ] as const
  )
    .filter(([, t]) => t.yes + t.no + t.abstain > 0)
    .map(([label, t]) => `${label}赞成 ${t.yes}、反对 ${t.no}、弃权 ${t.abstain}`);
  const head = `表决${vote.motion ? `“${vote.motion}”` : ''}（${VOTE_RULE_LABELS[vote.rule]}，基数为${VOTE_BASE_LABELS[vote.base]}人数）`;
  const outcome = vote.closed ? vote.closed.reason : '表决未结束';
  return `${head}：${parts.length > 0 ? `${parts.join('；')}。` : ''}${outcome}。`;
}

export function draftMinutes(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  context: MinutesContext = {},
): string {
  const live = liveState(meeting, records);
  const name = (id: string) =>
    meeting.roster.find((r) => r.personId === id)?.name ?? context.nameOf?.(id) ?? '（未知）';
  const chair = meeting.roster.find(isChair);
  const lines: string[] = [`${meeting.title}`, '会议纪要', ''];
  lines.push(`会议类型：${MEETING_KIND_LABELS[meeting.kind]}`);
  lines.push(`时间：${chineseDateTime(meeting.startsAt)}`);
  if (context.venueName) lines.push(`地点：${context.venueName}`);
  if (chair) lines.push(`主持人：${chair.name}${chairNote(meeting)}`);
  lines.push(`出席情况：${attendanceSentence(meeting, meetingFigures(meeting, records).attendance)}`);
  const present = live.attendance.presentInPerson.map(name);
  if (present.length > 0) lines.push(`到会人员：${present.join('、')}`);
  if (live.attendance.proxies.length > 0)
    lines.push(
      `委托：${live.attendance.proxies.map((p) => `${name(p.forId)}委托${name(p.holderId)}`).join('；')}`,
    );
  const observers = [
    ...live.attendance.observers.map(name),
    ...live.attendance.walkIns.map((w) => w.name ?? (w.personId ? name(w.personId) : '列席人员')),
  ];
  if (observers.length > 0) lines.push(`列席：${observers.join('、')}`);
  lines.push('', '议程及议定事项');

  meeting.agenda.forEach((item, i) => {
    const timing = live.timings.get(item.itemId);
    const actual =
      timing?.durationSeconds !== undefined ? `，实际 ${chineseDuration(timing.durationSeconds)}` : '';
    lines.push(`（${chineseNumber(i + 1)}）${item.title}（计划 ${item.minutes} 分钟${actual}）`);
    const speakers = live.speakers.filter((s) => s.agendaItemId === item.itemId && s.state === 'done');
    for (const s of speakers) {
      const length = s.durationSeconds !== undefined ? `（${chineseDuration(s.durationSeconds)}）` : '';
      lines.push(`  发言：${s.name}${length}${s.text ? `：${s.text}` : ''}`);
    }
    for (const vote of live.votes.filter((v) => v.agendaItemId === item.itemId))
      lines.push(`  ${voteSentence(vote)}`);
    const decisions = live.decisions.filter((d) => d.agendaItemId === item.itemId);
    for (const d of decisions) {
      const parties = d.parties.map((p) => `${p.name}（${PARTY_KIND_LABELS[p.kind]}）`).join('、');
      lines.push(`  议定事项：${d.text}${parties ? `。责任方：${parties}` : ''}`);
    }
    if (
      speakers.length === 0 &&
      decisions.length === 0 &&
      !live.votes.some((v) => v.agendaItemId === item.itemId)
    )
      lines.push('  （本项未形成记录）');
  });
  const loose = live.decisions.filter((d) => !meeting.agenda.some((a) => a.itemId === d.agendaItemId));
  for (const d of loose) lines.push(`其他议定事项：${d.text}`);
  lines.push('', '记录人：__________    主持人签字：__________');
  return lines.join('\n');
}
