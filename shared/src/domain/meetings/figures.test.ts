import { describe, expect, it } from 'vitest';
import type { TaskDoc } from '#shared/schema/index';
import {
  attendanceText,
  attendeeGroup,
  meetingFigures,
  voteOutcomeText,
  type FiguresOptions,
} from './figures';
import { consoleFor, hallMeeting } from './test-fixture';

// A meeting counted by hand: 24 entitled (6 居民代表, 3 楼长, 1 院长, 14 居民), a 物业 observer
// on the roster and one walk-in; 15 sign in themselves, one proxy; three finished speeches (two on
// the parking item) and one still queued; two votes.
function countedMeeting() {
  const roles = (i: number) => (i <= 6 ? '居民代表' : i <= 9 ? '楼长' : i === 10 ? '院长' : undefined);
  const meeting = hallMeeting({
    roster: [
      { personId: 'chair', name: '李主任', role: '主持人', entitled: false },
      { personId: 'obs1', name: '王经理', role: '物业', entitled: false },
      ...Array.from({ length: 24 }, (_, k) => {
        const role = roles(k + 1);
        return { personId: `p${k + 1}`, name: `居民${k + 1}`, entitled: true, ...(role ? { role } : {}) };
      }),
    ],
  });
  const c = consoleFor(meeting);
  for (let i = 1; i <= 15; i += 1) c.must({ type: 'signIn', personId: `p${i}` });
  c.must({ type: 'proxy', holderId: 'p1', forId: 'p24' });
  c.must({ type: 'signIn', personId: 'obs1' });
  c.must({ type: 'walkIn', name: '街道城管科刘科长' });
  c.must({ type: 'startItem', itemId: 'a1' });
  for (const [name, personId] of [
    ['居民3', 'p3'],
    ['居民8', 'p8'],
  ] as const) {
    const [s] = c.must({ type: 'queueSpeaker', name, personId });
    c.must({ type: 'startSpeaker', entryId: s?.id ?? '' });
    c.must({ type: 'endSpeaker', entryId: s?.id ?? '' });
  }
  c.must({ type: 'queueSpeaker', name: '居民11', personId: 'p11' });
  const [parking] = c.must({ type: 'openVote', motion: '同意分时段停车收费方案' });
  c.must({ type: 'recordCount', voteId: parking?.voteId ?? '', origin: 'hall', yes: 10, no: 3, abstain: 1 });
  c.must({ type: 'recordCount', voteId: parking?.voteId ?? '', origin: 'proxy', yes: 1, no: 0, abstain: 0 });
  c.must({ type: 'closeVote', voteId: parking?.voteId ?? '' });
  c.must({
    type: 'recordDecision',
    text: '暂缓收费，另行协商',
    agendaItemId: 'a1',
    parties: [{ name: '高原街物业', kind: 'propertyCompany' }],
  });
  c.must({ type: 'endItem', itemId: 'a1' });
  c.must({ type: 'startItem', itemId: 'a2' });
  const [s] = c.must({ type: 'queueSpeaker', name: '居民12', personId: 'p12' });
  c.must({ type: 'startSpeaker', entryId: s?.id ?? '' });
  c.must({ type: 'endSpeaker', entryId: s?.id ?? '' });
  const [charging] = c.must({
    type: 'openVote',
    motion: '同意在3号楼北侧建充电桩',
    rule: 'simpleMajority',
    base: 'present',
  });
  c.must({ type: 'recordCount', voteId: charging?.voteId ?? '', origin: 'hall', yes: 12, no: 2, abstain: 2 });
  c.must({ type: 'closeVote', voteId: charging?.voteId ?? '' });
  return { meeting, records: c.records };
}

type FigureTask = NonNullable<FiguresOptions['tasks']>[number];

const task = (id: string, status: TaskDoc['status'], photos = 0, meetingId = 'm1') =>
  ({
    id,
    title: `任务${id}`,
    status,
    meetingId,
    parties: [
      { partyId: `${id}-p`, name: `单位${id}`, kind: 'propertyCompany', state: 'pending', updatedAt: '' },
    ],
    photos: Array.from({ length: photos }, (_, i) => ({
      id: `f-${i}.jpg`,
      digest: 'd',
      type: 'image/jpeg',
      length: 1,
    })),
  }) satisfies FigureTask;

describe('meetingFigures', () => {
  it('counts attendance as a person would: 应到, 实到 in person and by proxy, 列席, and who sat there', () => {
    const { meeting, records } = countedMeeting();
    const f = meetingFigures(meeting, records);
    expect(f.attendance).toEqual({
      entitled: 24,
      present: 16,
      inPerson: 15,
      proxies: 1,
      observers: 2,
      attendees: { residents: 5, representatives: 6, leaders: 4, others: 2 },
      quorumRequired: 16,
      quorumReached: true,
    });
    expect(attendanceText(f.attendance)).toBe(
      '应到 24 人，实到 16 人（本人到会 15 人，委托 1 人），列席 2 人',
    );
  });

  it('counts finished speeches and names each vote’s motion and result', () => {
    const { meeting, records } = countedMeeting();
    const all = meetingFigures(meeting, records);
    expect(all.speeches).toBe(3);
    expect(all.votes.map((v) => [v.motion, v.agendaTitle, v.passed, v.yes, v.no, v.abstain])).toEqual([
      ['同意分时段停车收费方案', '停车收费方案', false, 11, 3, 1],
      ['同意在3号楼北侧建充电桩', '充电桩选址', true, 12, 2, 2],
    ]);
    expect(all.votes.map(voteOutcomeText)).toEqual([
      '未通过（赞成 11、反对 3、弃权 1）',
      '通过（赞成 12、反对 2、弃权 2）',
    ]);
    const parking = meetingFigures(meeting, records, { topicId: 't1' });
    expect(parking.speeches).toBe(2);
    expect(parking.votes).toHaveLength(1);
    expect(parking.decisions).toEqual([{ agendaItemId: 'a1', text: '暂缓收费，另行协商' }]);
    expect(parking.attendance).toEqual(all.attendance);
  });

  it('counts the meeting’s tasks by state, returned ones apart, and their stored photos', () => {
    const { meeting, records } = countedMeeting();
    const f = meetingFigures(meeting, records, {
      tasks: [
        task('t1', 'accepted', 2),
        task('t2', 'declined'),
        task('t3', 'redirected'),
        task('t4', 'inProgress', 1),
        task('t5', 'withdrawn'),
        task('x9', 'inProgress', 5, 'other-meeting'),
      ],
    });
    expect(f.tasks).toMatchObject({
      total: 5,
      returned: 1,
      redirected: 1,
      withdrawn: 1,
      accepted: 1,
      open: 2,
      photos: 3,
      byState: { accepted: 1, declined: 1, redirected: 1, inProgress: 1, withdrawn: 1 },
    });
    expect(f.tasks.items.map((t) => t.statusLabel)).toEqual([
      '已验收',
      '待重新交办',
      '已转交',
      '办理中',
      '已撤回',
    ]);
  });

  it('sorts roster role labels into residents, representatives, leaders and others', () => {
    expect(
      ['居民', undefined, '党员', '居民代表', '门长', '楼长', '院长', '物业', '主持人'].map(attendeeGroup),
    ).toEqual([
      'residents',
      'residents',
      'residents',
      'representatives',
      'leaders',
      'leaders',
      'leaders',
      'others',
      'others',
    ]);
  });
});
