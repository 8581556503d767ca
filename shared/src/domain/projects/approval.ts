import { VOTE_BASE_LABELS, VOTE_RULE_LABELS } from '#shared/domain/votes/index';
import type { MeetingRecordKind, VoteBase, VoteRule } from '#shared/domain/vocab';

// 立项表决: a project is approved by a vote recorded in a meeting. The vote's stored result is the
// authority (it keeps the rule and base that produced it); a record that a later correction
// supersedes is never offered.

export interface VoteRecordFacts {
  readonly id: string;
  readonly meetingId: string;
  readonly kind: MeetingRecordKind;
  readonly at: string;
  readonly agendaItemId?: string;
  readonly voteId?: string;
  readonly yes?: number;
  readonly no?: number;
  readonly abstain?: number;
  readonly rule?: VoteRule;
  readonly base?: VoteBase;
  readonly result?: Record<string, unknown>;
  readonly correctsId?: string;
  readonly text?: string;
}

export interface VoteMeetingFacts {
  readonly id: string;
  readonly title: string;
  readonly startsAt: string;
  readonly agenda: readonly { readonly itemId: string; readonly title: string }[];
}

export interface VoteOption {
  readonly recordId: string;
  /** The vote this result closes (its motion and tally are the meeting's figures). */
  readonly voteId?: string;
  readonly meetingId: string;
  readonly meetingTitle: string;
  readonly startsAt: string;
  readonly agendaTitle: string;
  readonly passed: boolean;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  /** Chinese sentence: the stored reason, or one composed from the stored figures. */
  readonly reason: string;
  /** The stored result object, as the project machine's `passedVote` artefact. */
  readonly result: Record<string, unknown>;
  /** The decision recorded with the vote (议定事项), if any. */
  readonly decisionText?: string;
}

const num = (value: unknown, fallback: number | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : (fallback ?? 0);

function describe(
  record: VoteRecordFacts,
  passed: boolean,
  yes: number,
  no: number,
  abstain: number,
): string {
  const stored = record.result?.reason;
  if (typeof stored === 'string' && stored.trim() !== '') return stored;
  const rule = record.rule ? VOTE_RULE_LABELS[record.rule] : '表决';
  const base = record.base ? `（以${VOTE_BASE_LABELS[record.base]}人数为基数）` : '';
  return `${rule}${base}：赞成 ${yes} 票、反对 ${no} 票、弃权 ${abstain} 票，${passed ? '通过' : '未通过'}`;
}

/** The vote results of the given meetings that still stand, newest meeting first. */
export function voteOptions(
  meetings: readonly VoteMeetingFacts[],
  records: readonly VoteRecordFacts[],
): VoteOption[] {
  const superseded = new Set(records.flatMap((r) => (r.correctsId ? [r.correctsId] : [])));
  const byId = new Map(records.map((r) => [r.id, r]));
  const meetingsById = new Map(meetings.map((m) => [m.id, m]));
  const options: VoteOption[] = [];
  for (const record of records) {
    if (superseded.has(record.id) || !record.result) continue;
    const corrected = record.correctsId ? byId.get(record.correctsId) : undefined;
    const isResult =
      record.kind === 'voteResult' || (record.kind === 'correction' && corrected?.kind === 'voteResult');
    const meeting = meetingsById.get(record.meetingId);
    if (!isResult || !meeting) continue;
    const agendaItemId = record.agendaItemId ?? corrected?.agendaItemId;
    const voteId = record.voteId ?? corrected?.voteId;
    const passed = record.result.passed === true;
    const yes = num(record.result.yes, record.yes);
    const no = num(record.result.no, record.no);
    const abstain = num(record.result.abstain, record.abstain);
    const decision = records.find(
      (r) =>
        r.kind === 'decision' &&
        r.meetingId === record.meetingId &&
        voteId !== undefined &&
        r.voteId === voteId &&
        !superseded.has(r.id),
    );
    options.push({
      recordId: record.id,
      ...(voteId !== undefined ? { voteId } : {}),
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      startsAt: meeting.startsAt,
      agendaTitle: meeting.agenda.find((a) => a.itemId === agendaItemId)?.title ?? '表决事项',
      passed,
      yes,
      no,
      abstain,
      reason: describe(record, passed, yes, no, abstain),
      result: record.result,
      ...(decision?.text ? { decisionText: decision.text } : {}),
    });
  }
  return options.sort(
    (a, b) => b.startsAt.localeCompare(a.startsAt) || a.agendaTitle.localeCompare(b.agendaTitle),
  );
}

export type ApprovalChoice =
  | {
      readonly ok: true;
      readonly fields: { readonly approvalMeetingId: string; readonly approvalRecordId: string };
      readonly artefacts: { readonly passedVote: Record<string, unknown> };
    }
  | { readonly ok: false; readonly message: string };

/** The fields and machine artefacts for approving with this vote; a failed vote is refused. */
export function approvalFromVote(option: VoteOption | undefined): ApprovalChoice {
  if (!option) return { ok: false, message: '请选择一次议事会表决结果' };
  if (!option.passed) {
    return { ok: false, message: `所选表决未通过，不能作为立项依据（${option.reason}）` };
  }
  return {
    ok: true,
    fields: { approvalMeetingId: option.meetingId, approvalRecordId: option.recordId },
    artefacts: { passedVote: option.result },
  };
}
