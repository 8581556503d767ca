import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { docsOf, type CommandContext } from '#shared/domain/commands/index';
import { runCommand } from './commands';
import type { ConsoleCommand } from './command-types';

// A 社区议事厅 meeting with 24 entitled members and a chair, and a console that runs commands
// with a ticking clock, as the hall PC would.

export const T0 = '2026-11-29T06:30:00.000Z';

export function hallMeeting(overrides: Partial<MeetingDoc> = {}): MeetingDoc {
  return {
    id: 'm1',
    scope: 'xg.gyj',
    createdAt: T0,
    createdBy: 'dev1',
    updatedAt: T0,
    updatedBy: 'dev1',
    kind: 'communityHall',
    title: '高原街社区停车秩序议事会',
    venueId: 'v1',
    startsAt: T0,
    durationMinutes: 90,
    status: 'inProgress',
    agenda: [
      { itemId: 'a1', title: '停车收费方案', minutes: 30, topicId: 't1' },
      { itemId: 'a2', title: '充电桩选址', minutes: 20 },
    ],
    roster: [
      { personId: 'chair', name: '李主任', role: '主持人', entitled: false },
      ...Array.from({ length: 24 }, (_, i) => ({
        personId: `p${i + 1}`,
        name: `居民${i + 1}`,
        entitled: true,
      })),
    ],
    quorumNumerator: 2,
    quorumDenominator: 3,
    defaultRule: 'twoThirds',
    defaultBase: 'entitled',
    proxyLimit: 1,
    ...overrides,
  };
}

export function consoleFor(meeting: MeetingDoc, role: CommandContext['actor']['role'] = 'recorder') {
  const records: MeetingRecordDoc[] = [];
  let clock = Date.parse(T0);
  let n = 0;
  const ctx = (): CommandContext => ({
    actor: { id: 'dev1', role, scope: 'xg.gyj' },
    deviceId: 'dev1',
    now: new Date((clock += 1000)).toISOString(),
    newId: (prefix) => `${prefix}-${(n += 1)}`,
  });
  return {
    records,
    advance(seconds: number) {
      clock += seconds * 1000;
    },
    run(command: ConsoleCommand) {
      const result = runCommand(meeting, records, command, ctx());
      if (result.ok) records.push(...docsOf(result.change, 'insert', 'meetingRecords'));
      return result;
    },
    must(command: ConsoleCommand) {
      const result = runCommand(meeting, records, command, ctx());
      if (!result.ok) throw new Error(result.message);
      const added = docsOf(result.change, 'insert', 'meetingRecords');
      records.push(...added);
      return added;
    },
  };
}
