import { describe, expect, it } from 'vitest';
import { projectMachine, transition } from '#shared/domain/machines/index';
import { approvalFromVote, voteOptions, type VoteRecordFacts } from './approval';

const meetings = [
  {
    id: 'm1',
    title: '高原街社区微实事项目议事会',
    startsAt: '2026-04-01T06:30:00.000Z',
    agenda: [
      { itemId: 'a1', title: '审议楼道扶手加装项目' },
      { itemId: 'a2', title: '审议共享花园项目' },
    ],
  },
  {
    id: 'm2',
    title: '每周一议',
    startsAt: '2026-05-01T06:30:00.000Z',
    agenda: [{ itemId: 'b1', title: '停车' }],
  },
];

const rec = (over: Partial<VoteRecordFacts> & { id: string }): VoteRecordFacts => ({
  meetingId: 'm1',
  kind: 'voteResult',
  at: '2026-04-01T07:00:00.000Z',
  ...over,
});

const records: VoteRecordFacts[] = [
  rec({ id: 'c1', kind: 'voteCount', agendaItemId: 'a1', voteId: 'v1', yes: 12 }),
  rec({
    id: 'r1',
    agendaItemId: 'a1',
    voteId: 'v1',
    rule: 'simpleMajority',
    base: 'entitled',
    result: { passed: true, yes: 12, no: 2, abstain: 1 },
  }),
  rec({ id: 'd1', kind: 'decision', voteId: 'v1', text: '同意实施楼道扶手加装项目' }),
  rec({
    id: 'r2',
    agendaItemId: 'a2',
    voteId: 'v2',
    result: { passed: true, yes: 8, no: 7, abstain: 0, reason: '过半数通过：存疑' },
  }),
  // The recorder corrected the count of the second vote: the corrected result is what stands.
  rec({
    id: 'r2c',
    kind: 'correction',
    correctsId: 'r2',
    result: { passed: false, yes: 6, no: 9, abstain: 0 },
  }),
  rec({
    id: 'r3',
    meetingId: 'm2',
    agendaItemId: 'b1',
    voteId: 'v3',
    result: { passed: true, yes: 5, no: 0, abstain: 0, reason: '协商一致' },
  }),
  rec({ id: 'rX', meetingId: 'elsewhere', result: { passed: true } }),
];

describe('vote options for approving a project', () => {
  const options = voteOptions(meetings, records);

  it('lists standing vote results of known meetings, newest meeting first', () => {
    expect(options.map((o) => o.recordId)).toEqual(['r3', 'r2c', 'r1']);
  });

  it('carries the agenda title, figures, decision and a Chinese reason', () => {
    const first = options.find((o) => o.recordId === 'r1');
    expect(first).toMatchObject({
      agendaTitle: '审议楼道扶手加装项目',
      passed: true,
      yes: 12,
      no: 2,
      abstain: 1,
      decisionText: '同意实施楼道扶手加装项目',
    });
    expect(first?.reason).toBe('过半数通过（以应到人数为基数）：赞成 12 票、反对 2 票、弃权 1 票，通过');
    expect(options.find((o) => o.recordId === 'r2c')).toMatchObject({
      agendaTitle: '审议共享花园项目',
      passed: false,
    });
    expect(options.find((o) => o.recordId === 'r3')?.reason).toBe('协商一致');
  });

  it('approves through the project machine with a passed vote and refuses a failed one', () => {
    const passed = approvalFromVote(options.find((o) => o.recordId === 'r1'));
    expect(passed.ok).toBe(true);
    if (!passed.ok) return;
    expect(passed.fields).toEqual({ approvalMeetingId: 'm1', approvalRecordId: 'r1' });
    const step = transition(projectMachine, 'assessed', 'approve', {
      actor: { role: 'community-worker' },
      artefacts: passed.artefacts,
    });
    expect(step).toMatchObject({ ok: true, state: 'approved' });

    const failed = approvalFromVote(options.find((o) => o.recordId === 'r2c'));
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.message).toContain('所选表决未通过');
    expect(approvalFromVote(undefined)).toEqual({ ok: false, message: '请选择一次议事会表决结果' });
  });
});
