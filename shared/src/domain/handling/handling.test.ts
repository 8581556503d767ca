import { describe, expect, it } from 'vitest';
import type { MeetingRecordDoc, TopicDoc } from '#shared/schema/index';
import {
  handlingScope,
  pendingHandling,
  startHandling,
  supervisingLevel,
  tasksFromDecision,
} from '#shared/domain/handling/index';
import { ctxAt, decision, demand, meeting, NOW, topic } from './fixtures';

describe('tasksFromDecision', () => {
  it('gives 物业 and 产权单位 a task each, due in working days, handled at the level of the classification', () => {
    const result = tasksFromDecision(decision, { meeting, topic }, ctxAt(), { split: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.tasks.map((t) => t.parties.map((p) => p.kind))).toEqual([
      ['propertyCompany'],
      ['propertyRightsUnit'],
    ]);
    const [first] = result.tasks;
    expect(first).toMatchObject({
      scope: 'xg.hxy.hxy6',
      topicId: 'topic-1',
      meetingId: 'meeting-1',
      decisionRecordId: 'mrec-1',
      demandIds: ['d-1', 'd-2'],
      title: '6号院电气线路改造——京惠物业',
      classification: 'individual',
      level: 'courtyard',
      status: 'assigned',
      escalationLevel: 0,
      assignedAt: NOW,
      // 10 working days from Friday 20 Nov: Friday 4 Dec, same time of day.
      dueAt: '2026-12-04T02:00:00.000Z',
    });
    expect(first?.parties[0]).toMatchObject({ state: 'pending', organizationId: 'org-11', updatedAt: NOW });
  });

  it('keeps one joint task by default and raises 普遍性/老大难 to the community and the street', () => {
    const common = tasksFromDecision(decision, { meeting, topic }, ctxAt(), {
      classification: 'common',
      dueWorkingDays: 3,
    });
    expect(common.ok && common.tasks.length).toBe(1);
    if (!common.ok) return;
    expect(common.tasks[0]).toMatchObject({
      scope: 'xg.hxy',
      level: 'community',
      dueAt: '2026-11-25T02:00:00.000Z', // Mon, Tue, Wed
    });
    expect(common.tasks[0]?.parties).toHaveLength(2);
    const chronic = tasksFromDecision(decision, { meeting, topic }, ctxAt(), { classification: 'chronic' });
    expect(chronic.ok && chronic.tasks[0]).toMatchObject({ scope: 'xg', level: 'street' });
  });

  it('skips the 国庆 holidays when counting working days', () => {
    const result = tasksFromDecision(decision, {}, ctxAt('2026-09-30T02:00:00.000Z'), { dueWorkingDays: 1 });
    expect(result.ok && result.tasks[0]?.dueAt).toBe('2026-10-08T02:00:00.000Z');
  });

  it('refuses work without a responsible party, a bad due date, or a record that is not a decision', () => {
    expect(tasksFromDecision(decision, {}, ctxAt(), { parties: [] })).toMatchObject({
      ok: false,
      message: '请至少选择一个责任方',
    });
    expect(tasksFromDecision(decision, {}, ctxAt(), { dueWorkingDays: 0 }).ok).toBe(false);
    expect(tasksFromDecision(decision, {}, ctxAt(), { dueWorkingDays: 2.5 }).ok).toBe(false);
    expect(tasksFromDecision({ ...decision, kind: 'voteResult' }, {}, ctxAt()).ok).toBe(false);
  });

  it('uses other parties when the person handing out the work names them (自治小组, 科室)', () => {
    const result = tasksFromDecision(decision, { meeting, topic }, ctxAt(), {
      parties: [{ name: '楼门环境自治小组', kind: 'selfHelpTeam' }],
      title: '楼道清理',
    });
    expect(result.ok && result.tasks[0]).toMatchObject({
      title: '楼道清理——楼门环境自治小组',
      parties: [{ kind: 'selfHelpTeam', name: '楼门环境自治小组' }],
    });
  });
});

describe('startHandling', () => {
  it('moves waiting demands to 办理中 (the response) and the deliberated topic to 结果办理', () => {
    const result = tasksFromDecision(decision, { meeting, topic }, ctxAt(), {});
    if (!result.ok) throw new Error(result.message);
    const out = startHandling(
      result.tasks,
      { topic, demands: [demand('d-1', 'inTopic'), demand('d-2', 'answered'), demand('d-3', 'accepted')] },
      ctxAt(),
    );
    expect(out.demands.map((d) => [d.id, d.status, d.respondedAt])).toEqual([
      ['d-1', 'handling', NOW],
      ['d-3', 'handling', NOW],
    ]);
    expect(out.topic?.status).toBe('handling');
    expect(
      startHandling(result.tasks, { topic: { ...topic, status: 'answered' }, demands: [] }, ctxAt()).topic,
    ).toBe(undefined);
  });
});

describe('pendingHandling', () => {
  const records: MeetingRecordDoc[] = [
    decision,
    { ...decision, id: 'mrec-2', agendaItemId: 'item-9', parties: [], text: '同意实施微实事项目' },
    { ...decision, id: 'mrec-3', scope: 'xg.gyj.gyj2', agendaItemId: 'item-7' },
  ];
  const quick: TopicDoc = {
    ...topic,
    id: 'topic-2',
    track: 'quick',
    status: 'answered',
    quickAnswer: '物业已于48小时内答复',
    answeredAt: NOW,
  };

  it('lists decisions and quick answers under the place that no task comes from yet', () => {
    const items = pendingHandling(
      { records, meetings: [meeting], topics: [topic, quick], tasks: [] },
      'xg.hxy',
    );
    expect(items.map((i) => i.key).sort()).toEqual(['decision:mrec-1', 'quick:topic-2']);
    const handed = pendingHandling(
      {
        records,
        meetings: [meeting],
        topics: [topic, quick],
        tasks: [{ decisionRecordId: 'mrec-1' }, { topicId: 'topic-2' }],
      },
      'xg',
    );
    expect(handed.map((i) => i.key)).toEqual(['decision:mrec-3']);
  });

  it('leaves out a decision superseded by a correction', () => {
    const corrected = [
      ...records,
      { ...decision, id: 'mrec-4', kind: 'correction' as const, correctsId: 'mrec-1' },
    ];
    const items = pendingHandling(
      { records: corrected, meetings: [meeting], topics: [], tasks: [] },
      'xg.hxy',
    );
    expect(items).toEqual([]);
  });
});

describe('levels', () => {
  it('places a task at its handling level and raises supervision once per 督办', () => {
    expect(handlingScope('xg.gyj.gyj2.b3', 'individual')).toBe('xg.gyj.gyj2');
    expect(handlingScope('xg.gyj.gyj2', 'common')).toBe('xg.gyj');
    expect(handlingScope('xg', 'individual')).toBe('xg');
    expect(supervisingLevel('courtyard', 0)).toBe('courtyard');
    expect(supervisingLevel('courtyard', 1)).toBe('community');
    expect(supervisingLevel('courtyard', 2)).toBe('street');
    expect(supervisingLevel('community', 2)).toBe('street');
  });
});
