import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VOTE_BASES, VOTE_RULES, type VoteRule } from '#shared/domain/vocab';
import {
  VoteInputError,
  computeVoteResult,
  tallyNamedBallots,
  validateVoteInput,
  type VoteInput,
} from '#shared/domain/votes/index';

const vote = (rule: VoteRule, yes: number, no: number, abstain: number, extra: Partial<VoteInput> = {}) =>
  computeVoteResult({
    rule,
    base: 'present',
    counts: [{ origin: 'hall', yes, no, abstain }],
    entitled: 12,
    present: 9,
    ...extra,
  });

describe('computeVoteResult', () => {
  it('applies each rule to its base', () => {
    expect(vote('simpleMajority', 5, 4, 0)).toMatchObject({ passed: true, required: 5, baseCount: 9 });
    expect(vote('simpleMajority', 4, 3, 2)).toMatchObject({ passed: false, required: 5 });
    expect(vote('simpleMajority', 5, 4, 0, { base: 'entitled' })).toMatchObject({
      passed: false,
      required: 7,
      baseCount: 12,
    });
    expect(vote('twoThirds', 6, 3, 0)).toMatchObject({ passed: true, required: 6 });
    expect(vote('twoThirds', 5, 0, 4)).toMatchObject({ passed: false, required: 6 });
    expect(vote('unanimity', 9, 0, 0)).toMatchObject({ passed: true, required: 9 });
    expect(vote('unanimity', 8, 0, 1).passed).toBe(false);
    expect(vote('consensus', 2, 0, 7)).toMatchObject({ passed: true, required: 1 });
    expect(vote('consensus', 8, 1, 0).passed).toBe(false);
    expect(vote('consensus', 0, 0, 9).passed).toBe(false);
  });

  it('stores the rule, the base and the origin of every count', () => {
    const result = computeVoteResult({
      rule: 'twoThirds',
      base: 'entitled',
      entitled: 30,
      present: 24,
      counts: [
        { origin: 'hall', yes: 15, no: 2, abstain: 1 },
        { origin: 'paper', yes: 3, no: 0, abstain: 0 },
        { origin: 'proxy', yes: 2, no: 1, abstain: 0 },
      ],
    });
    expect(result).toMatchObject({
      rule: 'twoThirds',
      base: 'entitled',
      yes: 20,
      no: 3,
      abstain: 1,
      required: 20,
      passed: true,
    });
    expect(result.byOrigin).toEqual({
      hall: { yes: 15, no: 2, abstain: 1 },
      paper: { yes: 3, no: 0, abstain: 0 },
      proxy: { yes: 2, no: 1, abstain: 0 },
    });
    expect(result.reason).toBe(
      '三分之二以上通过（应到 30 人，需赞成 20 票）：赞成 20 票、反对 3 票、弃权 1 票，通过',
    );
  });

  it('fails on an empty base and explains it', () => {
    const result = vote('simpleMajority', 0, 0, 0, { present: 0 });
    expect(result.passed).toBe(false);
    expect(result.reason).toContain('表决基数为 0');
  });

  it('refuses counts beyond those present and other bad input', () => {
    expect(() => vote('simpleMajority', 8, 2, 0)).toThrow(VoteInputError);
    expect(
      validateVoteInput({ rule: 'simpleMajority', base: 'present', counts: [], entitled: 3, present: 4 })[0]
        ?.code,
    ).toBe('presentOverEntitled');
    expect(
      validateVoteInput({
        rule: 'simpleMajority',
        base: 'present',
        counts: [{ origin: 'hall', yes: -1, no: 0, abstain: 0 }],
        entitled: 3,
        present: 3,
      })[0]?.code,
    ).toBe('badNumber');
    expect(
      validateVoteInput({
        rule: 'majority' as VoteRule,
        base: 'present',
        counts: [],
        entitled: 3,
        present: 3,
      }).map((p) => p.code),
    ).toEqual(['unknownRule']);
  });

  const scenario = fc
    .record({
      rule: fc.constantFrom(...VOTE_RULES),
      base: fc.constantFrom(...VOTE_BASES),
      entitled: fc.integer({ min: 0, max: 60 }),
    })
    .chain((s) =>
      fc.integer({ min: 0, max: s.entitled }).chain((present) =>
        fc
          .tuple(
            fc.integer({ min: 0, max: present }),
            fc.integer({ min: 0, max: present }),
            fc.integer({ min: 0, max: present }),
          )
          .filter(([y, n, a]) => y + n + a <= present)
          .map(([yes, no, abstain]) => ({ ...s, present, yes, no, abstain })),
      ),
    );

  it('is monotone in yes votes: turning a no or an abstention into a yes never fails a passing vote', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ({ rule, base, entitled, present, yes, no, abstain }, fromNo) => {
        const input = (y: number, n: number, a: number): VoteInput => ({
          rule,
          base,
          entitled,
          present,
          counts: [{ origin: 'hall', yes: y, no: n, abstain: a }],
        });
        const before = computeVoteResult(input(yes, no, abstain));
        if (fromNo && no > 0)
          expect(!before.passed || computeVoteResult(input(yes + 1, no - 1, abstain)).passed).toBe(true);
        if (!fromNo && abstain > 0)
          expect(!before.passed || computeVoteResult(input(yes + 1, no, abstain - 1)).passed).toBe(true);
        if (yes + no + abstain < present)
          expect(!before.passed || computeVoteResult(input(yes + 1, no, abstain)).passed).toBe(true);
        expect(before.required).toBeLessThanOrEqual(Math.max(before.baseCount, 1));
      }),
    );
  });
});

describe('tallyNamedBallots', () => {
  it('counts a person once and refuses people not present', () => {
    const result = tallyNamedBallots(
      [
        { personId: 'a', choice: 'yes', origin: 'paper', recordId: 'r1' },
        { personId: 'a', choice: 'no', origin: 'paper', recordId: 'r2' },
        { personId: 'b', choice: 'no', origin: 'proxy' },
        { personId: 'z', choice: 'yes', origin: 'paper' },
      ],
      new Set(['a', 'b']),
    );
    expect(result.counts).toEqual([
      { origin: 'paper', yes: 1, no: 0, abstain: 0 },
      { origin: 'proxy', yes: 0, no: 1, abstain: 0 },
    ]);
    expect(result.counted).toEqual(['a', 'b']);
    expect(result.refused).toEqual([
      { personId: 'a', recordId: 'r2', message: '同一人已投票，不重复计票' },
      { personId: 'z', message: '未签到也未委托，不能计票' },
    ]);
  });

  it('never counts a person twice', () => {
    const ballot = fc.record({
      personId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      choice: fc.constantFrom('yes', 'no', 'abstain') as fc.Arbitrary<'yes' | 'no' | 'abstain'>,
      origin: fc.constantFrom('hall', 'paper', 'proxy') as fc.Arbitrary<'hall' | 'paper' | 'proxy'>,
    });
    fc.assert(
      fc.property(fc.array(ballot, { maxLength: 30 }), (ballots) => {
        const result = tallyNamedBallots(ballots);
        const total = result.counts.reduce((sum, c) => sum + c.yes + c.no + c.abstain, 0);
        expect(total).toBe(new Set(ballots.map((b) => b.personId)).size);
        expect(new Set(result.counted).size).toBe(result.counted.length);
        expect(total + result.refused.length).toBe(ballots.length);
        const present = result.counted.length;
        expect(() =>
          computeVoteResult({
            rule: 'simpleMajority',
            base: 'present',
            counts: result.counts,
            entitled: present,
            present,
          }),
        ).not.toThrow();
      }),
    );
  });
});
