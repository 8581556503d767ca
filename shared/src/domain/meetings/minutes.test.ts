import { describe, expect, it } from 'vitest';
import type { TopicDoc } from '#shared/schema/index';
import { draftMinutes } from './minutes';
import { noticeText, publicNoticeText } from './notices';
import { nextSession, openItems } from './series';
import { guideFor } from './guide';
import { guideForMeeting } from './meeting-guide';
import { consoleFor, hallMeeting, T0 } from './test-fixture';

function heldMeeting() {
  const meeting = hallMeeting();
  const c = consoleFor(meeting);
  for (let i = 1; i <= 19; i += 1) c.must({ type: 'signIn', personId: `p${i}` });
  c.must({ type: 'proxy', holderId: 'p1', forId: 'p24' });
  c.must({ type: 'walkIn', name: '物业经理张先生' });
  c.must({ type: 'startItem', itemId: 'a1' });
  const [s] = c.must({ type: 'queueSpeaker', name: '居民3', personId: 'p3' });
  c.must({ type: 'startSpeaker', entryId: s?.id ?? '' });
  c.advance(90);
  c.must({ type: 'endSpeaker', entryId: s?.id ?? '', text: '夜间车位不够' });
  const [open] = c.must({ type: 'openVote', motion: '同意停车收费方案' });
  const voteId = open?.voteId ?? '';
  c.must({ type: 'recordCount', voteId, origin: 'hall', yes: 12, no: 2, abstain: 1 });
  c.must({ type: 'recordCount', voteId, origin: 'paper', yes: 4, no: 0, abstain: 0 });
  c.must({ type: 'recordCount', voteId, origin: 'proxy', yes: 1, no: 0, abstain: 0 });
  c.must({ type: 'closeVote', voteId });
  c.must({
    type: 'recordDecision',
    voteId,
    text: '实行分时段停车收费',
    parties: [
      { name: '高原街物业', kind: 'propertyCompany' },
      { name: '城市管理办公室', kind: 'streetDept' },
    ],
  });
  c.must({ type: 'endItem', itemId: 'a1' });
  return { meeting, records: c.records };
}

describe('minutes and notices', () => {
  it('drafts the minutes from attendance, speakers, votes by origin and decisions', () => {
    const { meeting, records } = heldMeeting();
    const text = draftMinutes(meeting, records, { venueName: '高原街社区议事厅' });
    expect(text).toContain('地点：高原街社区议事厅');
    expect(text).toContain('主持人：李主任');
    expect(text).toContain('应到 24 人，实到 20 人（本人到会 19 人，委托 1 人），列席 1 人');
    expect(text).toContain('法定人数为应到人数的三分之二（16 人），已达到');
    expect(text).toContain('委托：居民24委托居民1');
    expect(text).toContain('（一）停车收费方案');
    expect(text).toContain('发言：居民3（1分31秒）：夜间车位不够');
    expect(text).toContain(
      '现场举手赞成 12、反对 2、弃权 1；纸质选票赞成 4、反对 0、弃权 0；委托表决赞成 1、反对 0、弃权 0',
    );
    expect(text).toContain('需赞成 16 票');
    expect(text).toContain(
      '议定事项：实行分时段停车收费。责任方：高原街物业（物业服务企业）、城市管理办公室（街道科室）',
    );
    expect(text).toContain('（二）充电桩选址（计划 20 分钟）\n  （本项未形成记录）');
  });

  it('writes the notice and the 公示 with the decision, parties and a five-working-day period', () => {
    const { meeting, records } = heldMeeting();
    const ctx = {
      venueName: '高原街社区议事厅',
      issuer: '高原街社区居民委员会',
      issuedAt: '2026-11-30T02:00:00.000Z',
    };
    const notice = noticeText(meeting, ctx);
    expect(notice.title).toBe('关于召开高原街社区停车秩序议事会的通知');
    expect(notice.paragraphs.join('')).toContain('2026年11月29日 14:30');
    expect(notice.items).toEqual(['一、停车收费方案（约 30 分钟）', '二、充电桩选址（约 20 分钟）']);
    const posted = publicNoticeText(meeting, records, ctx);
    expect(posted.items).toHaveLength(1);
    expect(posted.items[0]).toContain('责任方：高原街物业（物业服务企业）、城市管理办公室（街道科室）');
    expect(posted.closing[0]).toContain('公示期自2026年11月30日至2026年12月7日');
  });
});

describe('series carry-over', () => {
  it('carries the items without a decision to the next session of the series', () => {
    const { meeting, records } = heldMeeting();
    expect(openItems(meeting, records)).toEqual([{ item: meeting.agenda[1], reason: '上次会议未议及' }]);
    const next = nextSession({ ...meeting, kind: 'weeklySeries', seriesId: 's1' }, records, {
      id: 'm2',
      startsAt: '2026-12-06T01:30:00.000Z',
      at: T0,
      by: 'dev1',
      newItemId: (i) => `m2-a${i + 1}`,
    });
    expect(next).toMatchObject({
      seriesId: 's1',
      carriedOverFrom: 'm1',
      status: 'draft',
      kind: 'weeklySeries',
    });
    expect(next.agenda).toEqual([{ itemId: 'm2-a1', title: '（遗留）充电桩选址', minutes: 20 }]);
    expect(next.roster).toEqual(meeting.roster);
  });

  it('carries an item whose vote failed', () => {
    const meeting = hallMeeting();
    const c = consoleFor(meeting);
    for (let i = 1; i <= 20; i += 1) c.must({ type: 'signIn', personId: `p${i}` });
    c.must({ type: 'startItem', itemId: 'a2' });
    const [open] = c.must({ type: 'openVote', motion: '选址A' });
    c.must({ type: 'recordCount', voteId: open?.voteId ?? '', origin: 'hall', yes: 8, no: 12, abstain: 0 });
    c.must({ type: 'closeVote', voteId: open?.voteId ?? '' });
    expect(openItems(meeting, c.records).map((o) => [o.item.itemId, o.reason])).toEqual([
      ['a1', '上次会议未议及'],
      ['a2', '表决未通过'],
    ]);
  });
});

const topic = (over: Partial<TopicDoc> = {}): TopicDoc => ({
  id: 't1',
  scope: 'xg.gyj',
  createdAt: '2026-11-24T02:00:00.000Z',
  createdBy: 'dev1',
  updatedAt: '2026-11-24T02:00:00.000Z',
  updatedBy: 'dev1',
  title: '停车秩序管理',
  description: '夜间停车难',
  category: 'parking',
  level: 'community',
  originScope: 'xg.gyj',
  originLevel: 'community',
  track: 'inDepth',
  status: 'scheduled',
  demandIds: ['d1', 'd2'],
  priority: 1,
  order: 1,
  stakeholders: [{ kind: 'residentRep', name: '居民1', refId: 'p1' }],
  escalations: [],
  meetingIds: ['m1'],
  ...over,
});

describe('procedure guide', () => {
  it('shows what an in-depth topic still misses at each step', () => {
    const { meeting, records } = heldMeeting();
    const steps = guideFor(topic(), [{ ...meeting, status: 'adjourned' }], records, {
      now: '2026-11-29T10:00:00.000Z',
    });
    expect(steps.map((s) => [s.label, s.status])).toEqual([
      ['议题征集', 'done'],
      ['主体确定', 'missing'],
      ['议事组织', 'missing'],
      ['结果办理', 'missing'],
      ['监督跟进', 'missing'],
    ]);
    expect(steps[1]?.missing).toEqual(['未邀请物业服务企业参加']);
    expect(steps[2]?.missing).toEqual(['会议通知还没有张贴或发送给参会人']);
    // The same attendance line as the minutes, and each vote by its motion.
    expect(steps[2]?.done).toContain(
      '应到 24 人，实到 20 人（本人到会 19 人，委托 1 人），列席 1 人，达到法定人数',
    );
    expect(steps[2]?.done).toContain('已表决：“同意停车收费方案”通过（赞成 17、反对 2、弃权 1）');
    expect(steps[1]?.done).toContain('居民一方到会 19 人（居民 19 人、居民代表 0 人、门楼院长 0 人）');
    expect(steps.map((s) => s.screen)).toEqual(['topics', 'meetings', 'meetings', 'tasks', 'supervision']);
    expect(steps[3]?.missing).toEqual(['会议纪要尚未批准', '议定事项尚未交办给责任方']);
    expect(steps[4]?.missing).toContain('议事结果尚未公示');
  });

  it('is done when the property company was invited, the notice printed and the minutes approved', () => {
    const { meeting, records } = heldMeeting();
    const t = topic({
      stakeholders: [
        { kind: 'residentRep', name: '居民1', refId: 'p1' },
        { kind: 'organization', name: '高原街物业', refId: 'org1' },
      ],
    });
    const done = {
      ...meeting,
      status: 'published' as const,
      noticePrintedAt: T0,
      minutesApprovedAt: T0,
      publishedAt: T0,
    };
    const steps = guideFor(t, [done], records, { now: T0 });
    expect(steps.slice(0, 3).map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(steps[3]?.missing).toEqual(['议定事项尚未交办给责任方']);
  });

  it('counts the residents who came from the record, not from the stakeholder list', () => {
    const { meeting, records } = heldMeeting();
    const steps = guideFor(topic({ stakeholders: [] }), [{ ...meeting, status: 'adjourned' }], records, {
      now: T0,
    });
    expect(steps[1]?.missing.join('')).not.toContain('没有居民');
    const nobody = guideFor(topic({ stakeholders: [] }), [{ ...meeting, status: 'noticed' }], [], {
      now: T0,
    });
    expect(nobody[1]?.missing).toContain('参与主体中还没有居民、居民代表或门楼院长');
  });

  it('follows the quick track: no stakeholders, an answer within 48 hours', () => {
    const quick = topic({ track: 'quick', status: 'collecting', meetingIds: [], stakeholders: [] });
    const steps = guideFor(quick, [], [], { now: '2026-11-27T03:00:00.000Z' });
    expect(steps[1]?.status).toBe('notApplicable');
    expect(steps[2]?.missing).toEqual(['已超过48小时答复时限（2026年11月26日 10:00）']);
    const answered = guideFor(
      { ...quick, answeredAt: '2026-11-25T02:00:00.000Z', quickAnswer: '已协调物业修复' },
      [],
      [],
      { now: '2026-11-27T03:00:00.000Z' },
    );
    expect(answered[2]?.status).toBe('done');
    expect(answered[3]?.status).toBe('done');
  });
});

describe('meeting guide', () => {
  it('lists what the meeting still lacks at each step', () => {
    const { meeting, records } = heldMeeting();
    const steps = guideForMeeting({ ...meeting, status: 'adjourned' }, records, [
      topic({ stakeholders: [] }),
    ]);
    expect(steps.map((s) => s.status)).toEqual(['done', 'missing', 'missing', 'missing', 'missing']);
    expect(steps[1]?.missing).toEqual(['议题“停车秩序管理”尚未确定参与主体']);
    expect(steps[2]?.missing).toEqual(['会议通知还没有张贴或发送给参会人']);
    expect(steps[2]?.done).toContain('居民 19 人、居民代表 0 人、门楼院长 0 人到会');
    expect(steps[3]?.missing).toEqual(['“充电桩选址”尚无议定事项', '会议纪要尚未批准']);
  });
});
