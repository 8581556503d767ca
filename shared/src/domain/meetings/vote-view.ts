import {
  computeVoteResult,
  validateVoteInput,
  VOTE_BASE_LABELS,
  VOTE_RULE_LABELS,
  type Attendance,
  type VoteCount,
  type VoteInput,
  type VoteResult,
} from '#shared/domain/votes/index';
import type { CountOrigin, VoteBase, VoteRule } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { currentEntries } from './records';

// A vote in the record: an opening entry (voteCount without origin, carrying rule, base and the
// motion), count entries per origin (hall, paper, proxy — each its own record, correctable), and
// the closing voteResult that stores the result the shared rules computed at that moment.

export interface CountEntry extends VoteCount {
  readonly entryId: string;
  readonly at: string;
  readonly corrected: boolean;
}

export interface ClosedResult {
  readonly recordId: string;
  readonly at: string;
  readonly passed: boolean;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  readonly reason: string;
}

export interface VoteView {
  readonly voteId: string;
  readonly agendaItemId?: string;
  readonly motion?: string;
  readonly rule: VoteRule;
  readonly base: VoteBase;
  readonly openedAt: string;
  readonly counts: readonly CountEntry[];
  /** What the shared rules make of the counts now (or why they cannot be counted). */
  readonly preview:
    { readonly ok: true; readonly result: VoteResult } | { readonly ok: false; readonly message: string };
  readonly closed?: ClosedResult;
}

export function voteInput(
  rule: VoteRule,
  base: VoteBase,
  counts: readonly VoteCount[],
  present: Attendance,
): VoteInput {
  return { rule, base, counts, entitled: present.entitled, present: present.presentCount };
}

function preview(input: VoteInput): VoteView['preview'] {
  const problems = validateVoteInput(input);
  if (problems.length > 0) return { ok: false, message: problems.map((p) => p.message).join('；') };
  return { ok: true, result: computeVoteResult(input) };
}

function closedOf(record: MeetingRecordDoc): ClosedResult {
  const stored = (record.result ?? {}) as Record<string, unknown>;
  const num = (key: 'yes' | 'no' | 'abstain') =>
    typeof record[key] === 'number'
      ? (record[key] as number)
      : typeof stored[key] === 'number'
        ? (stored[key] as number)
        : 0;
  const [yes, no, abstain] = [num('yes'), num('no'), num('abstain')];
  const passed = stored.passed === true;
  const reason =
    typeof stored.reason === 'string'
      ? stored.reason
      : `${record.rule ? VOTE_RULE_LABELS[record.rule] : ''}${record.base ? `（${VOTE_BASE_LABELS[record.base]}）` : ''}：赞成 ${yes} 票、反对 ${no} 票、弃权 ${abstain} 票，${passed ? '通过' : '未通过'}`;
  return { recordId: record.id, at: record.at, passed, yes, no, abstain, reason };
}

export function votesOf(
  meeting: MeetingDoc,
  records: readonly MeetingRecordDoc[],
  present: Attendance,
): VoteView[] {
  const entries = currentEntries(records, ['voteCount', 'voteResult']);
  const ids: string[] = [];
  for (const { record } of entries)
    if (record.voteId !== undefined && !ids.includes(record.voteId)) ids.push(record.voteId);
  return ids.map((voteId) => {
    const mine = entries.filter((e) => e.record.voteId === voteId);
    const opening = mine.find((e) => e.record.kind === 'voteCount' && e.record.origin === undefined)?.record;
    const result = mine.filter((e) => e.record.kind === 'voteResult').at(-1)?.record;
    const counts: CountEntry[] = mine
      .filter((e) => e.record.kind === 'voteCount' && e.record.origin !== undefined)
      .map(({ rootId, record, history }) => ({
        entryId: rootId,
        at: record.at,
        origin: record.origin as CountOrigin,
        yes: record.yes ?? 0,
        no: record.no ?? 0,
        abstain: record.abstain ?? 0,
        corrected: history.length > 1,
      }));
    const rule = opening?.rule ?? result?.rule ?? meeting.defaultRule;
    const base = opening?.base ?? result?.base ?? meeting.defaultBase;
    const first = mine[0]?.record;
    const agendaItemId = opening?.agendaItemId ?? first?.agendaItemId;
    const motion = opening?.motion ?? opening?.text ?? result?.motion;
    return {
      voteId,
      ...(agendaItemId !== undefined ? { agendaItemId } : {}),
      ...(motion !== undefined ? { motion } : {}),
      rule,
      base,
      openedAt: (opening ?? first)?.at ?? '',
      counts,
      preview: preview(voteInput(rule, base, counts, present)),
      ...(result ? { closed: closedOf(result) } : {}),
    };
  });
}

/** The sum of the counts by origin, for the projector and the minutes. */
export function totalsByOrigin(
  counts: readonly VoteCount[],
): Record<CountOrigin, { yes: number; no: number; abstain: number }> {
  const out: Record<CountOrigin, { yes: number; no: number; abstain: number }> = {
    hall: { yes: 0, no: 0, abstain: 0 },
    paper: { yes: 0, no: 0, abstain: 0 },
    proxy: { yes: 0, no: 0, abstain: 0 },
  };
  for (const c of counts) {
    out[c.origin].yes += c.yes;
    out[c.origin].no += c.no;
    out[c.origin].abstain += c.abstain;
  }
  return out;
}
