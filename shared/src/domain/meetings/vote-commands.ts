import { computeVoteResult, validateVoteInput, VOTE_RULE_LABELS } from '#shared/domain/votes/index';
import {
  COUNT_ORIGINS,
  VOTE_BASES,
  VOTE_RULES,
  type CountOrigin,
  type VoteBase,
  type VoteRule,
} from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { liveState, type LiveState } from './live';
import { accept, refuse, type CommandResult } from './command-types';
import { makeRecord } from './records';
import type { CommandContext } from '#shared/domain/commands/index';
import { voteInput, type VoteView } from './vote-view';

// 表决: opening a vote needs the quorum; every count carries its origin and is checked by the
// shared vote rules against those present; closing stores the result those rules compute with
// the rule, base, entitled and present figures of that moment.

const ORIGIN_LABELS: Record<CountOrigin, string> = { hall: '现场举手', paper: '纸质选票', proxy: '委托表决' };

function openVoteOf(live: LiveState, voteId: string): VoteView | CommandResult {
  const vote = live.votes.find((v) => v.voteId === voteId);
  if (!vote) return refuse('没有这次表决');
  if (vote.closed) return refuse('表决已结束，如需更正请先说明并重新表决');
  return vote;
}

/** Counts typed at the console: whole numbers of zero or more, and not all zero. */
function countsProblem(c: { yes: number; no: number; abstain: number }): string | undefined {
  const values = [c.yes, c.no, c.abstain];
  if (values.some((v) => !Number.isInteger(v))) return '票数须为整数';
  if (values.some((v) => v < 0)) return '票数不能为负';
  return undefined;
}

const isRefusal = (v: VoteView | CommandResult): v is CommandResult => 'ok' in v;

export function openVote(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  command: { motion: string; agendaItemId?: string; rule?: VoteRule; base?: VoteBase },
  ctx: CommandContext,
): CommandResult {
  const motion = command.motion.trim();
  if (motion === '') return refuse('请填写表决事项');
  const rule = command.rule ?? meeting.defaultRule;
  const base = command.base ?? meeting.defaultBase;
  if (!VOTE_RULES.includes(rule) || !VOTE_BASES.includes(base)) return refuse('表决规则或基数无效');
  const live = liveState(meeting, records);
  if (!live.quorum.reached)
    return refuse(
      `未达到法定人数（需 ${live.quorum.required} 人，实到 ${live.quorum.present} 人），不能表决`,
    );
  const agendaItemId = command.agendaItemId ?? live.currentItem?.itemId;
  if (agendaItemId !== undefined && !meeting.agenda.some((a) => a.itemId === agendaItemId))
    return refuse('议程中没有这一项');
  if (live.votes.some((v) => !v.closed && v.agendaItemId === agendaItemId))
    return refuse('这一议程还有未结束的表决');
  return accept(
    makeRecord(meeting, ctx, {
      kind: 'voteCount',
      voteId: ctx.newId('vote'),
      rule,
      base,
      motion,
      // Older readers (and devices not yet updated) find the motion in `text`.
      text: motion,
      ...(agendaItemId !== undefined ? { agendaItemId } : {}),
    }),
  );
}

function checkCounts(
  live: LiveState,
  vote: VoteView,
  counts: VoteView['counts'][number][] | VoteView['counts'],
): string | undefined {
  const problems = validateVoteInput(voteInput(vote.rule, vote.base, counts, live.attendance));
  if (problems.length > 0) return problems.map((p) => p.message).join('；');
  const proxyVotes = counts
    .filter((c) => c.origin === 'proxy')
    .reduce((s, c) => s + c.yes + c.no + c.abstain, 0);
  if (proxyVotes > live.attendance.proxies.length)
    return `委托表决 ${proxyVotes} 票超过有效委托 ${live.attendance.proxies.length} 份`;
  return undefined;
}

export function recordCount(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  command: { voteId: string; origin: CountOrigin; yes: number; no: number; abstain: number },
  ctx: CommandContext,
): CommandResult {
  if (!COUNT_ORIGINS.includes(command.origin)) return refuse('计票来源无效');
  const typed = countsProblem(command);
  if (typed) return refuse(typed);
  if (command.yes + command.no + command.abstain === 0) return refuse('票数都是 0，没有可录入的票');
  const live = liveState(meeting, records);
  const vote = openVoteOf(live, command.voteId);
  if (isRefusal(vote)) return vote;
  const count = { origin: command.origin, yes: command.yes, no: command.no, abstain: command.abstain };
  const problem = checkCounts(live, vote, [
    ...vote.counts,
    { ...count, entryId: '', at: ctx.now, corrected: false },
  ]);
  if (problem) return refuse(`${ORIGIN_LABELS[command.origin]}票数不能录入：${problem}`);
  return accept(
    makeRecord(meeting, ctx, {
      kind: 'voteCount',
      voteId: vote.voteId,
      ...count,
      ...(vote.agendaItemId !== undefined ? { agendaItemId: vote.agendaItemId } : {}),
    }),
  );
}

export function correctCount(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  command: { entryId: string; yes: number; no: number; abstain: number },
  ctx: CommandContext,
): CommandResult {
  const typed = countsProblem(command);
  if (typed) return refuse(typed);
  const live = liveState(meeting, records);
  const vote = live.votes.find((v) => v.counts.some((c) => c.entryId === command.entryId));
  if (!vote) return refuse('没有这条计票记录');
  const open = openVoteOf(live, vote.voteId);
  if (isRefusal(open)) return open;
  const old = vote.counts.find((c) => c.entryId === command.entryId);
  if (!old) return refuse('没有这条计票记录');
  const fixed = { ...old, yes: command.yes, no: command.no, abstain: command.abstain };
  const problem = checkCounts(
    live,
    vote,
    vote.counts.map((c) => (c.entryId === old.entryId ? fixed : c)),
  );
  if (problem) return refuse(`更正后的票数不能录入：${problem}`);
  return accept(
    makeRecord(meeting, ctx, {
      kind: 'voteCount',
      voteId: vote.voteId,
      correctsId: old.entryId,
      origin: old.origin,
      yes: command.yes,
      no: command.no,
      abstain: command.abstain,
      ...(vote.agendaItemId !== undefined ? { agendaItemId: vote.agendaItemId } : {}),
    }),
  );
}

/** 协商一致: nobody objects; everyone present not yet counted agrees in the hall. */
export function consensus(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  voteId: string,
  ctx: CommandContext,
): CommandResult {
  const live = liveState(meeting, records);
  const vote = openVoteOf(live, voteId);
  if (isRefusal(vote)) return vote;
  if (vote.rule !== 'consensus') return refuse(`本次表决规则为${VOTE_RULE_LABELS[vote.rule]}，请录入票数`);
  const counted = vote.counts.reduce((s, c) => s + c.yes + c.no + c.abstain, 0);
  const yes = live.attendance.presentCount - counted;
  if (yes <= 0) return refuse('在场人员均已计票');
  return recordCount(meeting, records, { voteId, origin: 'hall', yes, no: 0, abstain: 0 }, ctx);
}

export function closeVote(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  voteId: string,
  ctx: CommandContext,
): CommandResult {
  const live = liveState(meeting, records);
  const vote = openVoteOf(live, voteId);
  if (isRefusal(vote)) return vote;
  if (vote.counts.length === 0) return refuse('尚未录入票数');
  const input = voteInput(vote.rule, vote.base, vote.counts, live.attendance);
  const problems = validateVoteInput(input);
  if (problems.length > 0) return refuse(problems.map((p) => p.message).join('；'));
  const result = computeVoteResult(input);
  return accept(
    makeRecord(meeting, ctx, {
      kind: 'voteResult',
      voteId,
      // The result names what it decides, so a paper reading only results can say what passed.
      ...(vote.motion !== undefined ? { motion: vote.motion } : {}),
      rule: result.rule,
      base: result.base,
      yes: result.yes,
      no: result.no,
      abstain: result.abstain,
      result: {
        ...result,
        byOrigin: { ...result.byOrigin },
        entitled: input.entitled,
        present: input.present,
        quorumReached: live.quorum.reached,
      },
      ...(vote.agendaItemId !== undefined ? { agendaItemId: vote.agendaItemId } : {}),
    }),
  );
}
