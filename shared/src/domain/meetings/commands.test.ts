import { describe, expect, it } from 'vitest';
import { computeVoteResult } from '#shared/domain/votes/index';
import { liveState } from './live';
import { runCommand } from './commands';
import { consoleFor, hallMeeting, T0 } from './test-fixture';

const signInAll = (c: ReturnType<typeof consoleFor>, from: number, to: number) => {
  for (let i = from; i <= to; i += 1) c.must({ type: 'signIn', personId: `p${i}` });
};

describe('console commands: attendance', () => {
  it('counts sign-ins and a proxy toward the quorum through the shared rules', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    signInAll(c, 1, 15);
    expect(liveState(meeting, c.records).quorum).toMatchObject({ reached: false, required: 16, present: 15 });
    c.must({ type: 'proxy', holderId: 'p1', forId: 'p20' });
    const live = liveState(meeting, c.records);
    expect(live.quorum).toMatchObject({ reached: true, present: 16 });
    expect(live.attendance.proxies).toEqual([expect.objectContaining({ holderId: 'p1', forId: 'p20' })]);
  });

  it('refuses a second sign-in, a person off the roster, and proxies against the rule', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    signInAll(c, 1, 3);
    expect(c.run({ type: 'signIn', personId: 'p1' })).toEqual({ ok: false, message: '居民1已签到' });
    expect(c.run({ type: 'signIn', personId: 'stranger' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('列席'),
    });
    expect(c.run({ type: 'proxy', holderId: 'p9', forId: 'p10' })).toEqual({
      ok: false,
      message: '受托人未签到',
    });
    expect(c.run({ type: 'proxy', holderId: 'p1', forId: 'p2' })).toEqual({
      ok: false,
      message: '委托人本人已到场，委托无效',
    });
    c.must({ type: 'proxy', holderId: 'p1', forId: 'p10' });
    expect(c.run({ type: 'proxy', holderId: 'p1', forId: 'p11' })).toEqual({
      ok: false,
      message: '每人最多接受 1 份委托',
    });
    expect(c.run({ type: 'proxy', holderId: 'p2', forId: 'p10' })).toEqual({
      ok: false,
      message: '委托人已由他人代为表决',
    });
  });

  it('registers walk-ins as observers without counting them toward the quorum', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    c.must({ type: 'walkIn', name: '列席居民王女士' });
    const live = liveState(meeting, c.records);
    expect(live.attendance.walkIns).toHaveLength(1);
    expect(live.attendance.presentCount).toBe(0);
    expect(c.run({ type: 'walkIn', name: '  ' })).toMatchObject({ ok: false });
  });

  it('voids a mistaken sign-in with a correction record and keeps the original', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    const [record] = c.must({ type: 'signIn', personId: 'p5' });
    c.must({ type: 'void', recordId: record?.id ?? '' });
    expect(c.records).toHaveLength(2);
    expect(c.records[1]).toMatchObject({ kind: 'correction', correctsId: record?.id });
    expect(liveState(meeting, c.records).attendance.presentCount).toBe(0);
    expect(c.run({ type: 'void', recordId: record?.id ?? '' })).toEqual({
      ok: false,
      message: '这条记录已撤销',
    });
    // Signing in again after the correction counts.
    c.must({ type: 'signIn', personId: 'p5' });
    expect(liveState(meeting, c.records).attendance.presentCount).toBe(1);
  });

  it('allows sign-in before the meeting starts but nothing else', () => {
    const meeting = hallMeeting({ status: 'noticed' });
    const c = consoleFor(meeting);
    c.must({ type: 'signIn', personId: 'p1' });
    expect(c.run({ type: 'startItem', itemId: 'a1' })).toEqual({
      ok: false,
      message: '会议已发通知，请先开始会议',
    });
  });

  it('refuses recording for a viewer and for a device outside the meeting scope', () => {
    const meeting = hallMeeting();
    const base = { deviceId: 'd', now: T0, newId: () => 'x' };
    expect(
      runCommand(
        meeting,
        [],
        { type: 'signIn', personId: 'p1' },
        { ...base, actor: { id: 'd', role: 'viewer', scope: 'xg.gyj' } },
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining('无权') });
    expect(
      runCommand(
        meeting,
        [],
        { type: 'signIn', personId: 'p1' },
        { ...base, actor: { id: 'd', role: 'recorder', scope: 'xg.other' } },
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining('超出') });
  });

  it('writes nothing once the meeting is adjourned, except corrections', () => {
    const meeting = hallMeeting({ status: 'adjourned' });
    const c = consoleFor(meeting);
    expect(c.run({ type: 'signIn', personId: 'p1' })).toEqual({
      ok: false,
      message: '会议已散会，不能再记录',
    });
  });
});

describe('console commands: agenda timer and speakers', () => {
  it('starts an item, ends the previous one with its duration, and reports the current item', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    c.must({ type: 'startItem', itemId: 'a1' });
    expect(liveState(meeting, c.records).currentItem?.itemId).toBe('a1');
    c.advance(600);
    const out = c.must({ type: 'startItem', itemId: 'a2' });
    expect(out[0]).toMatchObject({ kind: 'agendaTiming', agendaItemId: 'a1', durationSeconds: 601 });
    const live = liveState(meeting, c.records);
    expect(live.currentItem?.itemId).toBe('a2');
    expect(live.timings.get('a1')?.durationSeconds).toBe(601);
    expect(c.run({ type: 'endItem', itemId: 'a1' })).toMatchObject({ ok: false });
    c.must({ type: 'endItem', itemId: 'a2' });
    expect(liveState(meeting, c.records).currentItem).toBeUndefined();
  });

  it('runs a speakers queue: queue, speak, next speaker ends the previous turn, summary kept', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    c.must({ type: 'startItem', itemId: 'a1' });
    const [first] = c.must({ type: 'queueSpeaker', name: '居民1', personId: 'p1' });
    const [second] = c.must({ type: 'queueSpeaker', name: '居民2', personId: 'p2' });
    expect(c.run({ type: 'queueSpeaker', name: '居民1', personId: 'p1' })).toEqual({
      ok: false,
      message: '居民1已在发言队列中',
    });
    c.must({ type: 'startSpeaker', entryId: first?.id ?? '' });
    expect(liveState(meeting, c.records).speaking?.name).toBe('居民1');
    c.advance(120);
    c.must({ type: 'startSpeaker', entryId: second?.id ?? '' });
    c.advance(60);
    c.must({ type: 'endSpeaker', entryId: second?.id ?? '', text: '建议分时段收费' });
    const speakers = liveState(meeting, c.records).speakers;
    expect(speakers.map((s) => [s.name, s.state, s.durationSeconds, s.agendaItemId])).toEqual([
      ['居民1', 'done', 121, 'a1'],
      ['居民2', 'done', 61, 'a1'],
    ]);
    expect(speakers[1]?.text).toBe('建议分时段收费');
  });
});

describe('console commands: votes and decisions', () => {
  function quorate() {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    signInAll(c, 1, 19);
    c.must({ type: 'proxy', holderId: 'p1', forId: 'p24' });
    c.must({ type: 'startItem', itemId: 'a1' });
    return { meeting, c };
  }

  it('refuses to open a vote without the quorum', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    signInAll(c, 1, 10);
    expect(c.run({ type: 'openVote', motion: '同意收费方案' })).toEqual({
      ok: false,
      message: '未达到法定人数（需 16 人，实到 10 人），不能表决',
    });
  });

  it('runs a two-thirds vote with hall, paper and proxy counts; the stored result is the shared rule', () => {
    const { meeting, c } = quorate();
    const [opening] = c.must({ type: 'openVote', motion: '同意停车收费方案' });
    const voteId = opening?.voteId ?? '';
    expect(opening).toMatchObject({
      rule: 'twoThirds',
      base: 'entitled',
      agendaItemId: 'a1',
      text: '同意停车收费方案',
    });
    c.must({ type: 'recordCount', voteId, origin: 'hall', yes: 12, no: 2, abstain: 1 });
    c.must({ type: 'recordCount', voteId, origin: 'paper', yes: 4, no: 0, abstain: 0 });
    expect(c.run({ type: 'recordCount', voteId, origin: 'proxy', yes: 2, no: 0, abstain: 0 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('超过'),
    });
    c.must({ type: 'recordCount', voteId, origin: 'proxy', yes: 1, no: 0, abstain: 0 });
    const [result] = c.must({ type: 'closeVote', voteId });
    const expected = computeVoteResult({
      rule: 'twoThirds',
      base: 'entitled',
      entitled: 24,
      present: 20,
      counts: [
        { origin: 'hall', yes: 12, no: 2, abstain: 1 },
        { origin: 'paper', yes: 4, no: 0, abstain: 0 },
        { origin: 'proxy', yes: 1, no: 0, abstain: 0 },
      ],
    });
    expect(expected.passed).toBe(true);
    expect(result).toMatchObject({
      kind: 'voteResult',
      rule: 'twoThirds',
      base: 'entitled',
      yes: 17,
      no: 2,
      abstain: 1,
    });
    expect(result?.result).toMatchObject({
      passed: true,
      required: 16,
      reason: expected.reason,
      entitled: 24,
      present: 20,
    });
    expect(c.run({ type: 'recordCount', voteId, origin: 'hall', yes: 1, no: 0, abstain: 0 })).toMatchObject({
      ok: false,
    });
    const hall = c.records.find((r) => r.kind === 'voteCount' && r.origin === 'hall');
    expect(c.run({ type: 'void', recordId: hall?.id ?? '' })).toEqual({
      ok: false,
      message: '表决已结束，计票记录不能撤销',
    });
    const vote = liveState(meeting, c.records).votes[0];
    expect(vote?.closed?.passed).toBe(true);
  });

  it('refuses counts that exceed those present and corrects a count with a new record', () => {
    const { meeting, c } = quorate();
    const [opening] = c.must({ type: 'openVote', motion: '同意' });
    const voteId = opening?.voteId ?? '';
    expect(c.run({ type: 'recordCount', voteId, origin: 'hall', yes: 21, no: 0, abstain: 0 })).toMatchObject({
      ok: false,
      message: expect.stringContaining('超过实到人数 20'),
    });
    const [hall] = c.must({ type: 'recordCount', voteId, origin: 'hall', yes: 10, no: 5, abstain: 0 });
    c.must({ type: 'correctCount', entryId: hall?.id ?? '', yes: 15, no: 0, abstain: 0 });
    const vote = liveState(meeting, c.records).votes[0];
    expect(vote?.counts).toEqual([expect.objectContaining({ yes: 15, no: 0, corrected: true })]);
    expect(vote?.preview).toMatchObject({ ok: true, result: { passed: false, required: 16 } });
  });

  it('records consensus as everyone present agreeing in the hall', () => {
    const { meeting, c } = quorate();
    const [opening] = c.must({ type: 'openVote', motion: '议定选址', rule: 'consensus', base: 'present' });
    c.must({ type: 'consensus', voteId: opening?.voteId ?? '' });
    const [result] = c.must({ type: 'closeVote', voteId: opening?.voteId ?? '' });
    expect(result?.result).toMatchObject({ passed: true, yes: 20, no: 0 });
    expect(liveState(meeting, c.records).votes[0]?.closed?.reason).toContain('无人反对');
  });

  it('records a decision with two responsible parties, refuses one on a failed vote, and corrects it', () => {
    const { meeting, c } = quorate();
    const [opening] = c.must({ type: 'openVote', motion: '同意' });
    const voteId = opening?.voteId ?? '';
    c.must({ type: 'recordCount', voteId, origin: 'hall', yes: 5, no: 15, abstain: 0 });
    c.must({ type: 'closeVote', voteId });
    const parties = [
      { name: '高原街物业', kind: 'propertyCompany' as const, organizationId: 'org1' },
      { name: '城市管理办公室', kind: 'streetDept' as const },
    ];
    expect(c.run({ type: 'recordDecision', text: '实施收费', parties, voteId })).toEqual({
      ok: false,
      message: '表决未通过，不能据此形成议定事项',
    });
    expect(c.run({ type: 'recordDecision', text: '实施', parties: [] })).toEqual({
      ok: false,
      message: '请至少指定一个责任方',
    });
    const [decision] = c.must({ type: 'recordDecision', text: '暂缓收费，先行规划车位', parties });
    expect(decision).toMatchObject({ kind: 'decision', agendaItemId: 'a1', parties });
    c.must({
      type: 'correctDecision',
      decisionId: decision?.id ?? '',
      text: '暂缓收费，两周内规划车位',
      parties,
    });
    const decisions = liveState(meeting, c.records).decisions;
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      text: '暂缓收费，两周内规划车位',
      corrected: true,
      rootId: decision?.id,
    });
  });

  it('never edits a record: every command only appends', () => {
    const { c } = quorate();
    const snapshot = JSON.stringify(c.records);
    c.must({ type: 'openVote', motion: '同意' });
    expect(JSON.stringify(c.records.slice(0, JSON.parse(snapshot).length))).toBe(snapshot);
  });
});
