import { describe, expect, it } from 'vitest';
import { generateDemoStreet } from '#resources/demo/index';
import { docsOf } from '#shared/domain/commands/index';
import type { MeetingRecordDoc } from '#shared/schema/index';
import { runCommand } from './commands';
import { liveState } from './live';
import { draftMinutes } from './minutes';
import { hallMeeting, T0 } from './test-fixture';

// Two recorders on two devices append records to the same meeting while offline; whichever
// order the records arrive in, both devices compute the same meeting.

function device(name: string, startMs: number) {
  let n = 0;
  let clock = startMs;
  return (records: MeetingRecordDoc[], command: Parameters<typeof runCommand>[2]) => {
    const result = runCommand(hallMeeting(), records, command, {
      actor: { id: name, role: 'recorder', scope: 'xg.gyj' },
      deviceId: name,
      now: new Date((clock += 997)).toISOString(),
      newId: (prefix) => `${prefix}-${name}-${(n += 1)}`,
    });
    if (!result.ok) throw new Error(result.message);
    const added = docsOf(result.change, 'insert', 'meetingRecords');
    records.push(...added);
    return added;
  };
}

describe('two devices recording one meeting', () => {
  it('never conflict: the union of their records gives the same state in any order', () => {
    const start = Date.parse(T0);
    const a = device('hallpc', start);
    const b = device('laptop', start + 500);
    const onA: MeetingRecordDoc[] = [];
    const onB: MeetingRecordDoc[] = [];
    for (let i = 1; i <= 10; i += 1) a(onA, { type: 'signIn', personId: `p${i}` });
    for (let i = 11; i <= 18; i += 1) b(onB, { type: 'signIn', personId: `p${i}` });
    // Both devices register the same person: once merged, the shared rules count them once.
    b(onB, { type: 'signIn', personId: 'p1' });
    const merged = [...onA, ...onB];
    const ids = new Set(merged.map((r) => r.id));
    expect(ids.size).toBe(merged.length);
    const forward = liveState(hallMeeting(), merged);
    const backward = liveState(hallMeeting(), [...merged].reverse());
    expect(forward.attendance.presentCount).toBe(18);
    expect(forward.attendance.refused.map((r) => r.code)).toEqual(['duplicate']);
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
  });
});

describe('the demo street', () => {
  it('reads every demo meeting record: attendance reaches the quorum and decided votes passed', () => {
    const demo = generateDemoStreet({ seed: 1, now: '2026-11-29T08:00:00.000Z', scale: 1 });
    const byMeeting = new Map<string, MeetingRecordDoc[]>();
    for (const r of demo.meetingRecords)
      byMeeting.set(r.meetingId, [...(byMeeting.get(r.meetingId) ?? []), r]);
    const held = demo.meetings.filter((m) => byMeeting.has(m.id));
    expect(held.length).toBeGreaterThan(10);
    for (const meeting of held) {
      const records = byMeeting.get(meeting.id) ?? [];
      const live = liveState(meeting, records);
      expect(live.quorum.reached).toBe(true);
      for (const d of live.decisions) {
        const vote = live.votes.find((v) => v.voteId === d.voteId);
        expect(vote?.closed?.passed).toBe(true);
      }
      expect(draftMinutes(meeting, records)).toContain('法定人数');
    }
  });
});
