import {
  COUNT_ORIGINS,
  VOTE_BASES,
  VOTE_RULES,
  type CountOrigin,
  type VoteBase,
  type VoteRule,
} from '#shared/domain/vocab';

// 表决: counts come from the hall (举手), paper ballots typed in, and proxies, each with its
// origin. The result is computed here and stored with the rule and base that produced it, so a
// later change of the meeting's default rule never rewrites a past decision.
//
// Rules, with B the base count (entitled or present) and Y/N the yes/no votes:
// - simpleMajority (过半数): Y ≥ ⌊B/2⌋ + 1
// - twoThirds (三分之二): Y ≥ ⌈2B/3⌉
// - unanimity (全体一致): Y = B (an abstention or an absent vote blocks)
// - consensus (协商一致): N = 0 and Y ≥ 1 (nobody objects)
// Abstentions are never yes votes: with base "present" they weigh like a no under the first three.

export interface VoteCount {
  readonly origin: CountOrigin;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
}

export interface VoteInput {
  readonly rule: VoteRule;
  readonly base: VoteBase;
  readonly counts: readonly VoteCount[];
  /** Entitled members on the roster (应到). */
  readonly entitled: number;
  /** Entitled members present in person or by proxy (实到). */
  readonly present: number;
}

export interface VoteResult {
  readonly passed: boolean;
  readonly rule: VoteRule;
  readonly base: VoteBase;
  readonly yes: number;
  readonly no: number;
  readonly abstain: number;
  /** Yes votes needed to pass (consensus: 1, with no objection). */
  readonly required: number;
  readonly baseCount: number;
  readonly byOrigin: Readonly<Record<CountOrigin, { yes: number; no: number; abstain: number }>>;
  /** Chinese sentence for the minutes and the projector. */
  readonly reason: string;
}

export interface VoteProblem {
  readonly code:
    'badNumber' | 'presentOverEntitled' | 'overBase' | 'unknownRule' | 'unknownBase' | 'unknownOrigin';
  readonly message: string;
}

export class VoteInputError extends Error {
  constructor(readonly problems: readonly VoteProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'VoteInputError';
  }
}

export const VOTE_RULE_LABELS: Readonly<Record<VoteRule, string>> = {
  simpleMajority: '过半数通过',
  twoThirds: '三分之二以上通过',
  unanimity: '全体一致通过',
  consensus: '协商一致',
};

export const VOTE_BASE_LABELS: Readonly<Record<VoteBase, string>> = { entitled: '应到', present: '实到' };

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

export function validateVoteInput(input: VoteInput): VoteProblem[] {
  const problems: VoteProblem[] = [];
  if (!VOTE_RULES.includes(input.rule))
    problems.push({ code: 'unknownRule', message: `未知表决规则: ${input.rule}` });
  if (!VOTE_BASES.includes(input.base))
    problems.push({ code: 'unknownBase', message: `未知表决基数: ${input.base}` });
  if (!isCount(input.entitled) || !isCount(input.present)) {
    problems.push({ code: 'badNumber', message: '应到和实到人数应为非负整数' });
  } else if (input.present > input.entitled) {
    problems.push({
      code: 'presentOverEntitled',
      message: `实到 ${input.present} 人超过应到 ${input.entitled} 人`,
    });
  }
  for (const count of input.counts) {
    if (!COUNT_ORIGINS.includes(count.origin))
      problems.push({ code: 'unknownOrigin', message: `未知计票来源: ${count.origin}` });
    if (![count.yes, count.no, count.abstain].every(isCount)) {
      problems.push({ code: 'badNumber', message: '票数应为非负整数' });
    }
  }
  const total = input.counts.reduce((sum, c) => sum + c.yes + c.no + c.abstain, 0);
  // Only those present (in person or by proxy) vote, so the total is bounded by the present
  // count, which itself never exceeds the entitled base.
  if (problems.length === 0 && total > input.present) {
    problems.push({ code: 'overBase', message: `票数合计 ${total} 超过实到人数 ${input.present}` });
  }
  return problems;
}

function requiredYes(rule: VoteRule, baseCount: number): number {
  switch (rule) {
    case 'simpleMajority':
      return Math.floor(baseCount / 2) + 1;
    case 'twoThirds':
      return Math.floor((2 * baseCount + 2) / 3);
    case 'unanimity':
      return baseCount;
    case 'consensus':
      return 1;
  }
}

/** Throws VoteInputError when the input fails `validateVoteInput`. */
export function computeVoteResult(input: VoteInput): VoteResult {
  const problems = validateVoteInput(input);
  if (problems.length > 0) throw new VoteInputError(problems);
  const byOrigin = Object.fromEntries(COUNT_ORIGINS.map((o) => [o, { yes: 0, no: 0, abstain: 0 }])) as Record<
    CountOrigin,
    { yes: number; no: number; abstain: number }
  >;
  for (const count of input.counts) {
    byOrigin[count.origin].yes += count.yes;
    byOrigin[count.origin].no += count.no;
    byOrigin[count.origin].abstain += count.abstain;
  }
  const sum = (key: 'yes' | 'no' | 'abstain') =>
    COUNT_ORIGINS.reduce((total, o) => total + byOrigin[o][key], 0);
  const [yes, no, abstain] = [sum('yes'), sum('no'), sum('abstain')];
  const baseCount = input.base === 'entitled' ? input.entitled : input.present;
  const required = requiredYes(input.rule, baseCount);
  const passed = baseCount > 0 && yes >= required && (input.rule !== 'consensus' || no === 0);
  const tally = `赞成 ${yes} 票、反对 ${no} 票、弃权 ${abstain} 票`;
  const basis = `${VOTE_BASE_LABELS[input.base]} ${baseCount} 人`;
  const verdict = passed ? '通过' : '未通过';
  const reason =
    baseCount === 0
      ? `${VOTE_RULE_LABELS[input.rule]}：表决基数为 0，未通过`
      : input.rule === 'consensus'
        ? `${VOTE_RULE_LABELS[input.rule]}（${basis}）：${tally}，${no === 0 ? '无人反对' : '有反对意见'}，${verdict}`
        : `${VOTE_RULE_LABELS[input.rule]}（${basis}，需赞成 ${required} 票）：${tally}，${verdict}`;
  return {
    passed,
    rule: input.rule,
    base: input.base,
    yes,
    no,
    abstain,
    required,
    baseCount,
    byOrigin,
    reason,
  };
}

export type BallotChoice = 'yes' | 'no' | 'abstain';

export interface NamedBallot {
  readonly personId: string;
  readonly choice: BallotChoice;
  readonly origin: CountOrigin;
  readonly recordId?: string;
}

export interface NamedTally {
  readonly counts: VoteCount[];
  /** People whose ballot counted, each once. */
  readonly counted: string[];
  readonly refused: { readonly personId: string; readonly recordId?: string; readonly message: string }[];
}

/**
 * Named ballots (记名投票, including ballots cast by a proxy holder for the person represented):
 * a person's first ballot counts, any later one is refused; people outside `eligible` (when
 * given: those present or represented) are refused.
 */
export function tallyNamedBallots(
  ballots: readonly NamedBallot[],
  eligible?: ReadonlySet<string>,
): NamedTally {
  const seen = new Set<string>();
  const counts = new Map<CountOrigin, { yes: number; no: number; abstain: number }>();
  const refused: NamedTally['refused'][number][] = [];
  for (const ballot of ballots) {
    const ref = {
      personId: ballot.personId,
      ...(ballot.recordId !== undefined ? { recordId: ballot.recordId } : {}),
    };
    if (seen.has(ballot.personId)) {
      refused.push({ ...ref, message: '同一人已投票，不重复计票' });
    } else if (eligible && !eligible.has(ballot.personId)) {
      refused.push({ ...ref, message: '未签到也未委托，不能计票' });
    } else {
      seen.add(ballot.personId);
      const count = counts.get(ballot.origin) ?? { yes: 0, no: 0, abstain: 0 };
      count[ballot.choice] += 1;
      counts.set(ballot.origin, count);
    }
  }
  return {
    counts: COUNT_ORIGINS.flatMap((origin) => {
      const count = counts.get(origin);
      return count ? [{ origin, ...count }] : [];
    }),
    counted: [...seen],
    refused,
  };
}
