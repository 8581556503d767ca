import { describe, expect, it } from 'vitest';
import { appointChair, chairNeedsVoteQuestion, chairNote, chairOf, isChair, ownRole } from './chair';
import { countdown, nextSpeakers } from './countdown';
import { liveState } from './live';
import { draftMinutes } from './minutes';
import { noticeText, publicNoticeText } from './notices';
import { ballotMotions, ballotSheets, defaultMotion, halfWidthPunctuation, titleParts } from './papers';
import { consoleFor, hallMeeting, T0 } from './test-fixture';

// The papers of a meeting and the chair's seat: what is printed must read right.

describe('the chair', () => {
  const roster = [
    { personId: 'w', name: '李主任', role: '主持人', entitled: false },
    { personId: 'r', name: '张桂兰', role: '居民代表', entitled: true },
    { personId: 'x', name: '王强', entitled: true },
  ];

  it('asks about the vote only for a voting member', () => {
    expect(chairNeedsVoteQuestion(roster, 'r')).toBe(true);
    expect(chairNeedsVoteQuestion(roster, 'w')).toBe(false);
  });

  it('keeps a representative chairing as a representative, with the vote as answered', () => {
    const kept = appointChair({ roster }, 'r', true);
    if (typeof kept === 'string') throw new Error(kept);
    const chair = kept.roster.find((r) => r.personId === 'r');
    expect(chair).toEqual({ personId: 'r', name: '张桂兰', role: '居民代表、主持人', entitled: true });
    expect(kept.chairVotes).toBe(true);
    expect(chair && isChair(chair)).toBe(true);
    expect(chair && ownRole(chair)).toBe('居民代表');
    // The former chair is no longer one.
    expect(kept.roster.find((r) => r.personId === 'w')).toEqual({
      personId: 'w',
      name: '李主任',
      entitled: false,
    });
    expect(chairOf({ roster: kept.roster })).toBe('张桂兰');
    expect(chairNote({ roster: kept.roster, chairVotes: true })).toBe('（居民代表，保留表决权）');

    const gaveUp = appointChair({ roster }, 'r', false);
    if (typeof gaveUp === 'string') throw new Error(gaveUp);
    expect(gaveUp.roster.find((r) => r.personId === 'r')?.entitled).toBe(false);
    expect(gaveUp.chairVotes).toBe(false);
    expect(chairNote({ roster: gaveUp.roster, chairVotes: false })).toBe('（居民代表，主持期间不参加表决）');
  });

  it('never gives a vote to a chair who is not a member, and refuses someone not on the roster', () => {
    const result = appointChair({ roster }, 'w', true);
    if (typeof result === 'string') throw new Error(result);
    expect(result.roster.find((r) => r.personId === 'w')?.entitled).toBe(false);
    expect(appointChair({ roster }, 'nobody', true)).toBe('主持人须先在应到人员名单中');
  });

  it('states the rule in the minutes', () => {
    const chosen = appointChair(hallMeeting({ roster: [...roster] }), 'r', false);
    if (typeof chosen === 'string') throw new Error(chosen);
    const meeting = hallMeeting({ roster: chosen.roster, chairVotes: chosen.chairVotes });
    expect(draftMinutes(meeting, [])).toContain('主持人：张桂兰（居民代表，主持期间不参加表决）');
  });
});

describe('ballots', () => {
  const meeting = hallMeeting();

  it('show the full motion before the meeting, the motion voted on after', () => {
    expect(ballotMotions(meeting, []).map((m) => m.text)).toEqual([
      defaultMotion('停车收费方案'),
      '同意“充电桩选址”的方案',
    ]);
    const c = consoleFor(meeting);
    for (let i = 1; i <= 20; i += 1) c.must({ type: 'signIn', personId: `p${i}` });
    c.must({ type: 'startItem', itemId: 'a1' });
    const motion = '同意按每月 150 元收取停车费，其中 30 元用于车位划线和充电桩维护，试行一年后再议';
    const [opening] = c.must({ type: 'openVote', motion });
    expect(
      ballotMotions(meeting, [
        { voteId: opening?.voteId ?? '', motion, rule: 'twoThirds', agendaItemId: 'a1' },
      ]),
    ).toEqual([{ key: opening?.voteId, text: motion, rule: 'twoThirds' }]);
  });

  it('fill A4 sheets three slips at a time, every motion as many times as asked', () => {
    const sheets = ballotSheets(ballotMotions(meeting, []), 4);
    if (typeof sheets === 'string') throw new Error(sheets);
    expect(sheets.map((s) => s.length)).toEqual([3, 3, 2]);
    expect(sheets.flat().map((s) => `${s.key}#${s.copy}`)).toEqual([
      'a1#1',
      'a1#2',
      'a1#3',
      'a1#4',
      'a2#1',
      'a2#2',
      'a2#3',
      'a2#4',
    ]);
    expect(ballotSheets(ballotMotions(meeting, []), 0)).toBe('份数须在 1 到 500 之间');
    expect(ballotSheets(ballotMotions(meeting, []), 2.5)).toBe('份数须为整数');
  });
});

describe('printed text', () => {
  it('keeps the last two characters of a title together', () => {
    expect(titleParts('高原街社区停车秩序议事会选票')).toEqual(['高原街社区停车秩序议事会', '选票']);
    expect(titleParts('选票')).toEqual(['', '选票']);
  });

  it('finds half-width punctuation in Chinese, leaving times and Latin text alone', () => {
    expect(halfWidthPunctuation('时间:19:00')).toEqual(['时间:19:0']);
    expect(halfWidthPunctuation('会议(社区)')).toHaveLength(2);
    expect(halfWidthPunctuation('定于 19:00 召开')).toEqual([]);
    expect(halfWidthPunctuation('Meeting (draft): notes')).toEqual([]);
  });

  it('generates the notice, the minutes and the 公示 in full-width punctuation', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    for (let i = 1; i <= 20; i += 1) c.must({ type: 'signIn', personId: `p${i}` });
    c.must({ type: 'startItem', itemId: 'a1' });
    const [opening] = c.must({ type: 'openVote', motion: '同意停车收费方案' });
    const voteId = opening?.voteId ?? '';
    c.must({ type: 'recordCount', voteId, origin: 'hall', yes: 16, no: 3, abstain: 1 });
    c.must({ type: 'closeVote', voteId });
    c.must({
      type: 'recordDecision',
      voteId,
      text: '按每月 150 元收费',
      parties: [{ name: '京诚物业', kind: 'propertyCompany' }],
    });
    const context = { venueName: '高原街社区议事厅', issuer: '高原街社区居民委员会', issuedAt: T0 };
    const notice = noticeText(meeting, context);
    const published = publicNoticeText(meeting, c.records, context);
    const all = [
      ...[notice, published].flatMap((p) => [p.title, ...p.paragraphs, ...p.items, ...p.closing]),
      draftMinutes(meeting, c.records, { venueName: '高原街社区议事厅' }),
    ].join('\n');
    expect(all).toContain('通过');
    expect(halfWidthPunctuation(all)).toEqual([]);
  });
});

describe('the projector clock', () => {
  it('counts down, then says how far over in words', () => {
    expect(countdown(100, 180)).toEqual({ overrun: false, seconds: 80, text: '剩余 01:20' });
    expect(countdown(180, 180)).toEqual({ overrun: false, seconds: 0, text: '剩余 00:00' });
    expect(countdown(245.6, 180)).toEqual({ overrun: true, seconds: 65, text: '超时 01:05' });
  });

  it('shows the next two speakers in the order they asked', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    c.must({ type: 'startItem', itemId: 'a1' });
    for (const name of ['甲', '乙', '丙', '丁']) c.must({ type: 'queueSpeaker', name });
    const [first] = nextSpeakers(liveState(meeting, c.records), 1);
    c.must({ type: 'startSpeaker', entryId: first?.entryId ?? '' });
    expect(nextSpeakers(liveState(meeting, c.records), 2).map((s) => s.name)).toEqual(['乙', '丙']);
  });
});
