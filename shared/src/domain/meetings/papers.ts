import type { VoteRule } from '#shared/domain/vocab';
import type { MeetingDoc } from '#shared/schema/index';
import type { VoteView } from './vote-view';

// Rules of the printed papers: which motions get a ballot, how slips fill A4 sheets, titles that
// never leave one character alone on a line, and the punctuation generated Chinese text uses.

/** The motion the console proposes for an agenda item, and that a slip shows before the meeting. */
export const defaultMotion = (title: string): string => `同意“${title}”的方案`;

export interface BallotMotion {
  readonly key: string;
  readonly text: string;
  readonly rule: VoteRule;
}

/** The votes opened so far, else one motion per agenda item, each with its full text. */
export function ballotMotions(
  meeting: Pick<MeetingDoc, 'agenda' | 'defaultRule'>,
  votes: readonly Pick<VoteView, 'voteId' | 'motion' | 'rule' | 'agendaItemId'>[],
): BallotMotion[] {
  if (votes.length > 0)
    return votes.map((v) => ({
      key: v.voteId,
      text: v.motion ?? defaultMotion(meeting.agenda.find((a) => a.itemId === v.agendaItemId)?.title ?? ''),
      rule: v.rule,
    }));
  return meeting.agenda.map((a) => ({
    key: a.itemId,
    text: defaultMotion(a.title),
    rule: meeting.defaultRule,
  }));
}

export const SLIPS_PER_SHEET = 3;
export const MAX_BALLOT_COPIES = 500;

export interface BallotSlip extends BallotMotion {
  /** 1-based copy number of this motion's slip. */
  readonly copy: number;
}

/**
 * `copies` slips of every motion, motion by motion, cut from A4 sheets of `perSheet` slips each;
 * or why the copy count cannot be printed.
 */
export function ballotSheets(
  motions: readonly BallotMotion[],
  copies: number,
  perSheet = SLIPS_PER_SHEET,
): BallotSlip[][] | string {
  if (!Number.isInteger(copies)) return '份数须为整数';
  if (copies < 1 || copies > MAX_BALLOT_COPIES) return `份数须在 1 到 ${MAX_BALLOT_COPIES} 之间`;
  const slips = motions.flatMap((m) => Array.from({ length: copies }, (_, i) => ({ ...m, copy: i + 1 })));
  const sheets: BallotSlip[][] = [];
  for (let i = 0; i < slips.length; i += perSheet) sheets.push(slips.slice(i, i + perSheet));
  return sheets;
}

/**
 * A title split so its last two characters stay together: printed with the tail unbreakable,
 * the last line never holds a single character. Short titles stay whole.
 */
export function titleParts(title: string): readonly [string, string] {
  const chars = [...title];
  if (chars.length <= 4) return ['', title];
  return [chars.slice(0, -2).join(''), chars.slice(-2).join('')];
}

const HALF_WIDTH = /[(),;!?]|(?<!\d):|:(?!\d)/g;
const CJK = /[\u3400-\u9fff]/;

/**
 * Half-width punctuation in Chinese text, with the characters around each (empty when none).
 * A colon between digits (19:00) is a time, not punctuation.
 */
export function halfWidthPunctuation(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    if (!CJK.test(line)) continue;
    for (const m of line.matchAll(HALF_WIDTH)) found.push(line.slice(Math.max(0, m.index - 4), m.index + 5));
  }
  return found;
}
