import { describe, expect, it } from 'vitest';
import { liveState } from './live';
import { projectorView } from './projector';
import { consoleFor, hallMeeting } from './test-fixture';

// The projector carries the room: a resident in the last row reads from it where the meeting is.

function signInQuorum(c: ReturnType<typeof consoleFor>) {
  for (let i = 1; i <= 20; i += 1) c.must({ type: 'signIn', personId: `p${i}` });
}

describe('the projector view', () => {
  it('lists the agenda with the current item, and counts the item and the speaker down', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    signInQuorum(c);
    c.must({ type: 'startItem', itemId: 'a1' });
    for (const name of ['甲', '乙', '丙', '丁']) c.must({ type: 'queueSpeaker', name });
    const first = liveState(meeting, c.records).speakers[0];
    const [started] = c.must({ type: 'startSpeaker', entryId: first?.entryId ?? '' });
    const at = (seconds: number) => new Date(Date.parse(started?.at ?? '') + seconds * 1000).toISOString();

    const view = projectorView(meeting, liveState(meeting, c.records), at(100), 180);
    expect(view.agenda.map((a) => [a.number, a.state])).toEqual([
      [1, 'current'],
      [2, 'pending'],
    ]);
    expect(view.item?.title).toBe('停车收费方案');
    expect(view.item?.clock.overrun).toBe(false);
    expect(view.speech).toEqual({
      name: '甲',
      clock: { overrun: false, seconds: 80, text: '剩余 01:20' },
    });
    expect(view.next.map((s) => s.name)).toEqual(['乙', '丙']);

    // Over time: said in words, not by colour alone.
    const late = projectorView(meeting, liveState(meeting, c.records), at(240), 180);
    expect(late.speech?.clock).toEqual({ overrun: true, seconds: 60, text: '超时 01:00' });
    const itemLate = projectorView(meeting, liveState(meeting, c.records), at(31 * 60), 180);
    expect(itemLate.item?.clock.overrun).toBe(true);
    expect(itemLate.item?.clock.text).toMatch(/^超时 /);
  });

  it('shows the vote being counted, then its result with the motion until the next item starts', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    signInQuorum(c);
    c.must({ type: 'startItem', itemId: 'a1' });
    const [opening] = c.must({ type: 'openVote', motion: '同意停车收费方案', agendaItemId: 'a1' });
    const voteId = opening?.voteId ?? '';
    const now = () => new Date(Date.parse(c.records.at(-1)?.at ?? '') + 1000).toISOString();

    const counting = projectorView(meeting, liveState(meeting, c.records), now(), 180);
    expect(counting.vote?.motion).toBe('同意停车收费方案');
    expect(counting.vote?.closed).toBeUndefined();

    c.must({ type: 'recordCount', voteId, origin: 'hall', yes: 18, no: 1, abstain: 1 });
    c.must({ type: 'closeVote', voteId });
    const closed = projectorView(meeting, liveState(meeting, c.records), now(), 180);
    expect(closed.vote?.closed?.passed).toBe(true);
    expect(closed.vote?.motion).toBe('同意停车收费方案');

    // Between items the last result stays up; the next item clears it.
    c.must({ type: 'endItem', itemId: 'a1' });
    const between = projectorView(meeting, liveState(meeting, c.records), now(), 180);
    expect(between.item).toBeUndefined();
    expect(between.vote?.voteId).toBe(voteId);
    expect(between.agenda.map((a) => a.state)).toEqual(['done', 'pending']);
    c.must({ type: 'startItem', itemId: 'a2' });
    const next = projectorView(meeting, liveState(meeting, c.records), now(), 180);
    expect(next.vote).toBeUndefined();
    expect(next.agenda.map((a) => a.state)).toEqual(['done', 'current']);
  });
});
