import { describe, expect, it } from 'vitest';
import { docsOf, type CommandContext } from '#shared/domain/commands/index';
import { demand, topic } from '#shared/domain/handling/fixtures';
import type { TopicDoc } from '#shared/schema/index';
import {
  addToTopic,
  createTopic,
  moveTopic,
  newTopicHome,
  rerankByPriority,
  splitFromTopic,
} from './grouping';

const NOW = '2026-11-20T02:00:00.000Z';
let n = 0;
const ctx = (role: CommandContext['actor']['role'] = 'community-worker', scope = 'xg'): CommandContext => ({
  actor: { id: 'device-1', role, scope },
  deviceId: 'device-1',
  now: NOW,
  newId: (prefix) => `${prefix}-${(n += 1)}`,
});
const input = {
  title: ' 6号院电表箱 ',
  description: '',
  category: 'electricHeating',
  track: 'inDepth',
} as const;
const collecting: TopicDoc = { ...topic, id: 'topic-old', status: 'collecting', order: 0, priority: 5 };

describe('createTopic (归并)', () => {
  it('groups the demands at the place they share, accepts what waits, orders by priority and audits', () => {
    const demands = [demand('d-1', 'received'), demand('d-2', 'accepted', { urgency: 'critical' })];
    const result = createTopic(
      { ...input, demandIds: ['d-1', 'd-2'] },
      { demands, siblings: [collecting] },
      ctx(),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.topic).toMatchObject({
      title: '6号院电表箱',
      scope: 'xg.hxy.hxy6',
      level: 'courtyard',
      status: 'collecting',
      demandIds: ['d-1', 'd-2'],
      order: 0,
    });
    expect(docsOf(result.change, 'insert', 'topics')).toEqual([result.topic]);
    expect(docsOf(result.change, 'update', 'topics').map((t) => [t.id, t.order])).toEqual([['topic-old', 1]]);
    expect(docsOf(result.change, 'update', 'demands').map((d) => [d.status, d.topicId])).toEqual([
      ['inTopic', result.topic.id],
      ['inTopic', result.topic.id],
    ]);
    expect(result.change.audit[0]).toMatchObject({
      action: 'topic.create',
      detail: '6号院电表箱（2 件诉求）',
    });
  });

  it('refuses without demands or a place, a demand the machine refuses, and an actor without the right', () => {
    expect(createTopic({ ...input, demandIds: [] }, { demands: [], siblings: [] }, ctx())).toEqual({
      ok: false,
      message: '请至少选择一件诉求',
    });
    const closed = createTopic(
      { ...input, demandIds: ['d-3'] },
      { demands: [demand('d-3', 'closed')], siblings: [] },
      ctx(),
    );
    expect(closed).toMatchObject({ ok: false, message: expect.stringContaining('诉求“诉求d-3”：') });
    const viewer = createTopic(
      { ...input, demandIds: ['d-1'] },
      { demands: [demand('d-1', 'accepted')], siblings: [] },
      ctx('viewer'),
    );
    expect(viewer).toMatchObject({ ok: false, message: expect.stringContaining('无权') });
  });

  it('puts a topic without demands (未诉先办) at the chosen place', () => {
    expect(newTopicHome({ scope: 'xg.hxy' }, [])).toEqual({ scope: 'xg.hxy', level: 'community' });
    const result = createTopic(
      { ...input, demandIds: [], scope: 'xg.hxy' },
      { demands: [], siblings: [] },
      ctx(),
    );
    expect(result.ok && result.change.audit[0]?.detail).toBe('6号院电表箱（0 件诉求，未诉先办）');
  });
});

describe('addToTopic and splitFromTopic', () => {
  const grouped: TopicDoc = { ...collecting, demandIds: ['d-1'] };
  it('joins new demands only and counts the priority over all of them', () => {
    const current = [demand('d-1', 'inTopic', { topicId: grouped.id })];
    const result = addToTopic(grouped, { joining: [current[0]!, demand('d-2', 'accepted')], current }, ctx());
    if (!result.ok) throw new Error(result.message);
    const [next] = docsOf(result.change, 'update', 'topics');
    expect(next?.demandIds).toEqual(['d-1', 'd-2']);
    expect(next?.priority).toBeGreaterThan(grouped.priority);
    expect(docsOf(result.change, 'update', 'demands').map((d) => d.id)).toEqual(['d-2']);
    expect(result.change.audit[0]?.detail).toBe('并入 1 件诉求');
  });

  it('returns a split demand to 已受理 without its topic', () => {
    const withTwo: TopicDoc = { ...collecting, demandIds: ['d-1', 'd-2'] };
    const leaving = demand('d-2', 'inTopic', { topicId: withTwo.id });
    const result = splitFromTopic(
      withTwo,
      'd-2',
      { demand: leaving, remaining: [demand('d-1', 'inTopic')] },
      ctx(),
    );
    if (!result.ok) throw new Error(result.message);
    const [released] = docsOf(result.change, 'update', 'demands');
    expect(released?.status).toBe('accepted');
    expect(released).not.toHaveProperty('topicId');
    expect(docsOf(result.change, 'update', 'topics')[0]?.demandIds).toEqual(['d-1']);
    expect(splitFromTopic(withTwo, 'd-2', { remaining: [] }, ctx('viewer')).ok).toBe(false);
  });
});

describe('the order of a place’s topics', () => {
  const a: TopicDoc = { ...collecting, id: 'a', order: 0, priority: 10, demandIds: ['d-1'] };
  const b: TopicDoc = { ...collecting, id: 'b', order: 1, priority: 20, demandIds: ['d-2', 'd-3'] };
  it('moves a topic by hand and writes only the renumbered ones', () => {
    const result = moveTopic([a, b], 'b', 'up', ctx());
    expect(result.ok && docsOf(result.change, 'update', 'topics').map((t) => [t.id, t.order])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
    const stuck = moveTopic([a, b], 'a', 'up', ctx());
    expect(stuck.ok && docsOf(stuck.change, 'update', 'topics')).toEqual([]);
  });

  it('reranks by the priority counted again from the demands', () => {
    const demands = {
      a: [demand('d-1', 'inTopic'), demand('d-4', 'inTopic')],
      b: [demand('d-2', 'inTopic')],
    };
    const result = rerankByPriority([a, b], (t) => demands[t.id as 'a' | 'b'], ctx());
    expect(result.ok && docsOf(result.change, 'update', 'topics').map((t) => [t.id, t.order])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
  });
});
