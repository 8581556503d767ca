import { describe, expect, it } from 'vitest';
import type { CommandContext } from '#shared/domain/commands/index';
import { earlyStart, nothingUnfinished, rosterPlace, unfinishedBusiness } from './adjourn';
import { meetingStep } from './lifecycle';
import { consoleFor, hallMeeting } from './test-fixture';

// The rules that keep a clerk under pressure from recording nonsense or closing too soon.

function quorate() {
  const meeting = hallMeeting();
  const c = consoleFor(meeting);
  for (let i = 1; i <= 20; i += 1) c.must({ type: 'signIn', personId: `p${i}` });
  c.must({ type: 'startItem', itemId: 'a1' });
  const [opening] = c.must({ type: 'openVote', motion: '同意停车收费方案' });
  return { meeting, c, voteId: opening?.voteId ?? '' };
}

describe('vote counts as typed at the console', () => {
  it('refuses negative and fractional counts and an empty row, recording nothing', () => {
    const { c, voteId } = quorate();
    const before = c.records.length;
    const count = (yes: number, no = 0, abstain = 0) =>
      c.run({ type: 'recordCount', voteId, origin: 'hall', yes, no, abstain });
    expect(count(-3)).toEqual({ ok: false, message: '票数不能为负' });
    expect(count(5, 2.5)).toEqual({ ok: false, message: '票数须为整数' });
    expect(count(Number.NaN)).toEqual({ ok: false, message: '票数须为整数' });
    expect(count(0, 0, 0)).toMatchObject({ ok: false, message: expect.stringContaining('都是 0') });
    expect(count(20, 0, 1)).toMatchObject({ ok: false, message: expect.stringContaining('超过实到人数 20') });
    expect(c.records.length).toBe(before);
    expect(count(12, 3, 1)).toMatchObject({ ok: true });
  });

  it('refuses a correction to a negative count', () => {
    const { c, voteId } = quorate();
    const [hall] = c.must({ type: 'recordCount', voteId, origin: 'hall', yes: 10, no: 5, abstain: 0 });
    expect(c.run({ type: 'correctCount', entryId: hall?.id ?? '', yes: -1, no: 5, abstain: 0 })).toEqual({
      ok: false,
      message: '票数不能为负',
    });
  });
});

describe('what 散会 would leave open', () => {
  it('lists the speaker waiting, the open vote and the items without a result', () => {
    const { meeting, c } = quorate();
    c.must({ type: 'queueSpeaker', name: '居民3', personId: 'p3' });
    const open = unfinishedBusiness(meeting, c.records);
    expect(open.speakers).toEqual(['居民3']);
    expect(open.openVotes).toEqual(['同意停车收费方案']);
    expect(open.items).toEqual([
      { title: '停车收费方案', reason: '表决未结束' },
      { title: '充电桩选址', reason: '未议及' },
    ]);
    expect(nothingUnfinished(open)).toBe(false);
  });

  it('is empty once every item has a decision and nobody waits', () => {
    const meeting = hallMeeting({ agenda: [{ itemId: 'a1', title: '停车收费方案', minutes: 30 }] });
    const c = consoleFor(meeting);
    c.must({ type: 'startItem', itemId: 'a1' });
    c.must({
      type: 'recordDecision',
      text: '维持现状',
      parties: [{ name: '物业', kind: 'propertyCompany' }],
    });
    expect(nothingUnfinished(unfinishedBusiness(meeting, c.records))).toBe(true);
  });
});

describe('steps that are confirmed and recorded', () => {
  const at = (now: string): CommandContext => ({
    actor: { id: 'dev1', role: 'hall-chair', scope: 'xg.gyj' },
    deviceId: 'dev1',
    now,
    newId: (prefix) => `${prefix}-1`,
  });
  // Scheduled for 19:00 Beijing on 9 March.
  const noticed = hallMeeting({ status: 'noticed', startsAt: '2026-03-09T11:00:00.000Z' });

  it('asks before starting on an earlier day than scheduled, and records the early start', () => {
    const dayBefore = '2026-03-08T12:00:00.000Z';
    expect(earlyStart(noticed, dayBefore)).toEqual({
      early: true,
      question: '本次会议定于2026年3月9日 19:00召开，确定现在提前开始吗？',
    });
    const asked = meetingStep(noticed, 'start', {}, at(dayBefore));
    expect(asked).toMatchObject({ ok: false, message: expect.stringContaining('提前开始') });
    const confirmed = meetingStep(noticed, 'start', { confirmedEarly: true }, at(dayBefore));
    expect(confirmed).toMatchObject({
      ok: true,
      patch: { status: 'inProgress', startedAt: dayBefore, startedEarly: true },
    });
  });

  it('starts without a question on the day itself, even an hour early', () => {
    const sameDay = '2026-03-09T10:00:00.000Z';
    expect(earlyStart(noticed, sameDay).early).toBe(false);
    const step = meetingStep(noticed, 'start', {}, at(sameDay));
    expect(step).toMatchObject({ ok: true, patch: { startedAt: sameDay } });
    expect(step.ok && 'startedEarly' in step.patch).toBe(false);
  });

  it('approves minutes only with the approver named, and records who', () => {
    const drafted = hallMeeting({ status: 'minutesDrafted', minutesText: '纪要全文' });
    const approvedAt = '2026-03-10T02:00:00.000Z';
    expect(meetingStep(drafted, 'approveMinutes', { approverName: ' ' }, at(approvedAt))).toEqual({
      ok: false,
      message: '请填写批准人',
    });
    expect(meetingStep(drafted, 'approveMinutes', { approverName: '李主任' }, at(approvedAt))).toMatchObject({
      ok: true,
      patch: { status: 'minutesApproved', minutesApprovedAt: approvedAt, minutesApproverName: '李主任' },
    });
  });
});

describe('the roster fits the meeting', () => {
  it('draws a courtyard meeting at a courtyard venue from that courtyard only', () => {
    const courtyard = hallMeeting({ kind: 'courtyardMeeting' });
    expect(rosterPlace(courtyard, 'xg.gyj.gyj5.v1')).toBe('xg.gyj.gyj5');
    expect(rosterPlace(courtyard, 'xg.gyj.v1')).toBe('xg.gyj');
    expect(rosterPlace(courtyard, undefined)).toBe('xg.gyj');
    expect(rosterPlace(hallMeeting(), 'xg.gyj.gyj5.v1')).toBe('xg.gyj');
  });
});
