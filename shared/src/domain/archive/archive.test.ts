import { describe, expect, it } from 'vitest';
import {
  caseProblems,
  collectTopicHistory,
  generateCase,
  historyFacts,
  joinSections,
  splitSections,
} from './index';
import type { HistoryDemand, HistoryFollowUp, HistorySources, HistoryTopic } from './index';

const RULES = {
  quorumNumerator: 2,
  quorumDenominator: 3,
  proxyLimit: 1,
  defaultRule: 'simpleMajority',
  defaultBase: 'present',
} as const;

const topic: HistoryTopic = {
  id: 't1',
  scope: 'xg.gyj.hx',
  title: '华严北里电动自行车充电难',
  description: '楼道内飞线充电存在火灾隐患。',
  category: 'evCharging',
  level: 'community',
  originLevel: 'courtyard',
  track: 'inDepth',
  demandIds: ['d1', 'd2', 'd3'],
  meetingIds: ['m1'],
  stakeholders: [
    { kind: 'organization', name: '华严物业' },
    { kind: 'residentRep', name: '居民代表' },
  ],
  escalations: [
    {
      fromLevel: 'courtyard',
      toLevel: 'community',
      at: '2026-03-10T02:00:00.000Z',
      reason: '需产权单位出资',
    },
  ],
  decision: '建设充电棚',
};

const demand = (id: string, over: Partial<HistoryDemand> = {}): HistoryDemand => ({
  id,
  scope: 'xg.gyj.hx.b1',
  title: `充电难${id}`,
  description: '充电难',
  type: 'complaint',
  source: 'hotline',
  category: 'evCharging',
  urgency: 'normal',
  status: 'closed',
  receivedAt: '2026-03-01T02:00:00.000Z',
  respondedAt: '2026-03-01T05:00:00.000Z',
  reasonable: true,
  reopenedCount: 0,
  vulnerable: false,
  ...over,
});

const followUp = (id: string, over: Partial<HistoryFollowUp>): HistoryFollowUp => ({
  id,
  scope: 'xg.gyj.hx',
  kind: 'progress',
  subjectCollection: 'tasks',
  subjectId: 'k1',
  at: '2026-04-01T02:00:00.000Z',
  note: '进展',
  ...over,
});

const sources: HistorySources = {
  demands: [
    demand('d2', {
      source: 'visit',
      type: 'suggestion',
      receivedAt: '2026-04-02T02:00:00.000Z',
      scope: 'xg.gyj.hx.b2',
      vulnerable: true,
    }),
    demand('d1'),
    demand('d3', { reopenedCount: 1, status: 'resolved' }),
    demand('d4', { topicId: 't1', reasonable: false, status: 'unreasonable' }),
    demand('dup', { topicId: 't1', status: 'duplicate', duplicateOf: 'd1' }),
    demand('other', { topicId: 't9' }),
  ],
  meetings: [
    {
      id: 'm1',
      title: '高原街社区议事厅会议',
      kind: 'communityHall',
      startsAt: '2026-03-15T06:30:00.000Z',
      agenda: [
        { itemId: 'a1', topicId: 't1', title: '充电棚选址', minutes: 30 },
        { itemId: 'a2', topicId: 't7', title: '其他事项', minutes: 10 },
      ],
      roster: [
        { personId: 'p1', name: '居民甲', entitled: true },
        { personId: 'p2', name: '居民乙', entitled: true },
        { personId: 'p3', name: '居民丙', entitled: true },
        { personId: 'c1', name: '主持人', role: '主持人', entitled: false },
      ],
      ...RULES,
    },
    {
      id: 'm9',
      title: '无关会议',
      kind: 'weeklySeries',
      startsAt: '2026-03-16T06:30:00.000Z',
      agenda: [],
      roster: [],
      ...RULES,
    },
  ],
  records: [
    { id: 'r1', meetingId: 'm1', kind: 'signIn', at: '2026-03-15T06:20:00.000Z', personId: 'p1' },
    { id: 'r2', meetingId: 'm1', kind: 'signIn', at: '2026-03-15T06:21:00.000Z', personId: 'p2' },
    { id: 'r2b', meetingId: 'm1', kind: 'signIn', at: '2026-03-15T06:21:00.000Z', walkIn: true },
    {
      id: 'r3',
      meetingId: 'm1',
      kind: 'proxy',
      at: '2026-03-15T06:22:00.000Z',
      personId: 'p2',
      proxyForId: 'p3',
    },
    {
      id: 'r4',
      meetingId: 'm1',
      kind: 'speaker',
      at: '2026-03-15T06:40:00.000Z',
      agendaItemId: 'a1',
      name: '居民甲',
      durationSeconds: 120,
    },
    {
      id: 'r5',
      meetingId: 'm1',
      kind: 'voteResult',
      at: '2026-03-15T07:00:00.000Z',
      agendaItemId: 'a1',
      voteId: 'v1',
      motion: '同意在3号楼东侧建设充电棚',
      result: { passed: true, yes: 3, no: 0, abstain: 0 },
    },
    {
      id: 'r6',
      meetingId: 'm1',
      kind: 'decision',
      at: '2026-03-15T07:01:00.000Z',
      agendaItemId: 'a1',
      text: '在3号楼东侧建设充电棚。',
    },
    {
      id: 'r7',
      meetingId: 'm1',
      kind: 'voteResult',
      at: '2026-03-15T07:30:00.000Z',
      agendaItemId: 'a2',
      voteId: 'v2',
      result: { passed: false, yes: 1, no: 2, abstain: 0 },
    },
    { id: 'r8', meetingId: 'm9', kind: 'decision', at: '2026-03-16T07:00:00.000Z', text: '无关' },
  ],
  tasks: [
    {
      id: 'k1',
      title: '建设充电棚',
      topicId: 't1',
      classification: 'common',
      level: 'community',
      status: 'closed',
      parties: [
        { name: '华严物业', kind: 'propertyCompany', state: 'finished' },
        { name: '产权单位', kind: 'propertyRightsUnit', state: 'finished' },
      ],
      assignedAt: '2026-03-16T02:00:00.000Z',
      dueAt: '2026-04-10T02:00:00.000Z',
      finishedAt: '2026-04-15T02:00:00.000Z',
      escalationLevel: 1,
    },
    {
      id: 'k9',
      title: '无关',
      topicId: 't9',
      classification: 'individual',
      level: 'courtyard',
      status: 'assigned',
      parties: [],
      assignedAt: '2026-03-16T02:00:00.000Z',
      dueAt: '2026-04-10T02:00:00.000Z',
      escalationLevel: 0,
    },
  ],
  followUps: [
    followUp('f1', { photoCount: 2 }),
    followUp('f2', {
      kind: 'escalation',
      at: '2026-04-11T02:00:00.000Z',
      toLevel: 'street',
      note: '逾期未完成',
    }),
    followUp('f3', {
      kind: 'acceptance',
      at: '2026-04-16T02:00:00.000Z',
      outcome: 'passed',
      note: '验收合格',
    }),
    followUp('f4', {
      kind: 'callback',
      subjectCollection: 'demands',
      subjectId: 'd1',
      at: '2026-04-20T02:00:00.000Z',
      outcome: 'satisfied',
      note: '',
    }),
    followUp('f5', {
      kind: 'callback',
      subjectCollection: 'demands',
      subjectId: 'd3',
      at: '2026-04-20T02:00:00.000Z',
      outcome: 'unsatisfied',
      note: '',
    }),
    followUp('f6', {
      kind: 'callback',
      subjectCollection: 'demands',
      subjectId: 'd3',
      at: '2026-04-25T02:00:00.000Z',
      outcome: 'basicallySatisfied',
      note: '',
    }),
    followUp('f7', {
      kind: 'callback',
      subjectCollection: 'demands',
      subjectId: 'other',
      outcome: 'unsatisfied',
      note: '',
    }),
    followUp('f8', { subjectId: 'k9' }),
  ],
};

const history = collectTopicHistory(topic, '华严北里', sources);

describe('collecting a topic history', () => {
  it('keeps what belongs to the topic only', () => {
    expect(history.demands.map((d) => d.id).sort()).toEqual(['d1', 'd2', 'd3', 'd4', 'dup']);
    expect(history.meetings.map((m) => m.id)).toEqual(['m1']);
    expect(history.records.every((r) => r.meetingId === 'm1')).toBe(true);
    expect(history.tasks.map((t) => t.id)).toEqual(['k1']);
    expect(history.followUps.map((f) => f.id)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5', 'f6']);
  });

  it('states the figures: duplicates out, the latest call-back per demand, votes of this topic', () => {
    const facts = historyFacts(history);
    expect(facts.demandCount).toBe(4);
    expect(facts.unreasonable).toBe(1);
    expect(facts.callbacks).toEqual({ satisfied: 1, basicallySatisfied: 1, unsatisfied: 0 });
    expect(facts.meetings[0]).toMatchObject({ entitled: 3, present: 3, proxies: 1, speakers: 1 });
    expect(facts.meetings[0]?.votes).toEqual([
      {
        agendaTitle: '充电棚选址',
        motion: '同意在3号楼东侧建设充电棚',
        passed: true,
        yes: 3,
        no: 0,
        abstain: 0,
      },
    ]);
    expect(facts.overdueTasks).toBe(1);
    expect(facts.rates?.satisfactionRate).toBe(1);
  });
});

describe('generating a write-up', () => {
  const at = '2026-05-01T02:00:00.000Z';

  it('writes a 案例 through the whole loop, demand to call-back', () => {
    const draft = generateCase(history, 'case', at);
    expect(draft.title).toBe('华严北里电动自行车充电难的议事实践');
    expect(draft.sections.map((s) => s.heading)).toEqual(['问题', '协商', '办理', '督办', '成效']);
    const [problem, talk, work, supervision, outcome] = draft.sections.map((s) => s.text);
    expect(problem).toContain('2026年3月至2026年4月，华严北里2处楼院居民陆续反映电动车充电方面的诉求 4 件');
    expect(problem).toContain('12345热线 3 件、入户走访 1 件');
    expect(problem).toContain('涉及老人、残障等困难群体的有 1 件');
    expect(talk).toContain('2026年3月10日，因需产权单位出资，议题由院落提级至社区协商');
    expect(talk).toContain('2026年3月15日召开高原街社区议事厅会议，应到 3 人，实到 3 人（含委托 1 人）');
    expect(talk).toContain('就“同意在3号楼东侧建设充电棚”表决，赞成 3 票、反对 0 票、弃权 0 票，获得通过');
    expect(talk).toContain('议定：在3号楼东侧建设充电棚。');
    expect(talk).not.toContain('其他事项');
    expect(work).toContain(
      '“建设充电棚”按普遍性事项由社区层面办理，责任方为华严物业（已完成）、产权单位（已完成）',
    );
    expect(supervision).toContain('2026年4月11日督办至街道：逾期未完成');
    expect(supervision).toContain('合格 1 次');
    expect(outcome).toContain('满意 1 人、基本满意 1 人、不满意 0 人');
    expect(outcome).toContain('1 件诉求因居民不满意重新办理');
    expect(outcome).toContain('1 件经认定为不合理诉求');
    expect(draft.body.startsWith('【问题】')).toBe(true);
    expect(draft).toMatchObject({ kind: 'case', topicId: 't1', scope: 'xg.gyj.hx', generatedAt: at });
  });

  it('writes 经验 with lessons and 故事 with residents’ headings', () => {
    const experience = generateCase(history, 'experience', at);
    expect(experience.title).toBe('华严北里以“集议办督评”闭环解决电动车充电问题的经验');
    const lessons = experience.sections.at(-1)?.text ?? '';
    expect(lessons).toContain('1. 把同类诉求归并为一个议题');
    expect(lessons).toContain('物业、产权单位等多方主体分工负责');
    const story = generateCase(history, 'story', at);
    expect(story.sections.map((s) => s.heading)).toEqual([
      '居民的烦心事',
      '大家坐下来商量',
      '说到做到',
      '居民怎么说',
    ]);
  });

  it('is deterministic whatever the order of the sources', () => {
    const shuffled = collectTopicHistory(topic, '华严北里', {
      demands: [...sources.demands].reverse(),
      meetings: [...sources.meetings].reverse(),
      records: [...sources.records].reverse(),
      tasks: [...sources.tasks].reverse(),
      followUps: [...sources.followUps].reverse(),
    });
    for (const kind of ['case', 'experience', 'story'] as const) {
      expect(generateCase(shuffled, kind, at).body).toBe(generateCase(history, kind, at).body);
    }
  });

  it('still writes something for a topic without demands, meetings or tasks', () => {
    const bare = collectTopicHistory(
      {
        ...topic,
        demandIds: [],
        meetingIds: [],
        escalations: [],
        stakeholders: [],
        decision: undefined,
      } as HistoryTopic,
      '华严北里',
      {
        demands: [],
        meetings: [],
        records: [],
        tasks: [],
        followUps: [],
      },
    );
    const draft = generateCase(bare, 'case', at);
    expect(draft.sections.map((s) => s.text)).toEqual([
      '华严北里的“华严北里电动自行车充电难”议题源于日常走访中发现的问题。楼道内飞线充电存在火灾隐患。',
      '该议题尚未召开议事会。',
      '尚未形成办理任务。',
      '未形成办理任务，无需督办。',
      '尚未回访。',
    ]);
  });
});

describe('the editable body', () => {
  it('splits an edited body back into its sections', () => {
    const sections = [
      { heading: '问题', text: '第一段\n第二行' },
      { heading: '成效', text: '满意' },
    ];
    expect(splitSections(joinSections(sections))).toEqual(sections);
    expect(splitSections('前言\n【问题】内容')).toEqual([
      { heading: '', text: '前言' },
      { heading: '问题', text: '内容' },
    ]);
    expect(splitSections('')).toEqual([]);
  });

  it('names what keeps an edit from being saved', () => {
    expect(caseProblems({ title: ' ', body: '' })).toEqual(['请填写标题', '正文不能为空']);
    expect(caseProblems({ title: 'x'.repeat(201), body: 'y' })).toEqual(['标题不能超过 200 字']);
    expect(caseProblems({ title: '标题', body: '正文' })).toEqual([]);
  });
});
