import { describe, expect, it } from 'vitest';
import { docsOf, type CommandContext } from '#shared/domain/commands/index';
import { demand, topic } from '#shared/domain/handling/fixtures';
import type { TopicDoc } from '#shared/schema/index';
import { answerQuick, deepen, escalate, escalationScope } from './steps';

const NOW = '2026-11-20T02:00:00.000Z';
let n = 0;
const ctx = (role: CommandContext['actor']['role'] = 'community-worker'): CommandContext => ({
  actor: { id: 'device-1', role, scope: 'xg' },
  deviceId: 'device-1',
  now: NOW,
  newId: (prefix) => `${prefix}-${(n += 1)}`,
});
const collecting: TopicDoc = { ...topic, status: 'collecting', demandIds: ['d-1', 'd-2'] };
const quick: TopicDoc = { ...collecting, track: 'quick' };

describe('escalate (上报)', () => {
  it('leaves 已上报 here, carries a copy to the community with the demands, and audits there', () => {
    expect(escalationScope(collecting)).toBe('xg.hxy');
    const there = [{ ...collecting, id: 'other', scope: 'xg.hxy' }];
    const demands = [demand('d-1', 'inTopic'), demand('d-2', 'inTopic')];
    const result = escalate(collecting, ' 需产权单位 ', { there, demands }, ctx());
    if (!result.ok) throw new Error(result.message);
    expect(result.copy).toMatchObject({
      scope: 'xg.hxy',
      order: 1,
      meetingIds: [],
      originScope: 'xg.hxy.hxy6',
    });
    expect(docsOf(result.change, 'update', 'topics')[0]?.status).toBe('escalated');
    expect(docsOf(result.change, 'update', 'demands').map((d) => d.topicId)).toEqual([
      result.copy.id,
      result.copy.id,
    ]);
    expect(result.change.audit[0]).toMatchObject({
      scope: 'xg.hxy',
      detail: '从院落上报到社区：需产权单位',
    });
  });

  it('refuses at the street and for a viewer', () => {
    const street: TopicDoc = { ...collecting, scope: 'xg', level: 'street' };
    expect(escalate(street, '原因', { there: [], demands: [] }, ctx())).toEqual({
      ok: false,
      message: '街道层级的议题不能再上报',
    });
    expect(escalate(collecting, '原因', { there: [], demands: [] }, ctx('viewer')).ok).toBe(false);
  });
});

describe('即时议', () => {
  it('answers the topic and each waiting demand', () => {
    const demands = [demand('d-1', 'inTopic'), demand('d-2', 'handling')];
    const result = answerQuick(quick, ' 下周更换 ', { demands }, ctx());
    if (!result.ok) throw new Error(result.message);
    expect(docsOf(result.change, 'update', 'topics')[0]).toMatchObject({
      status: 'answered',
      quickAnswer: '下周更换',
    });
    expect(docsOf(result.change, 'update', 'demands').map((d) => [d.id, d.status, d.answer])).toEqual([
      ['d-1', 'answered', '下周更换'],
    ]);
    expect(answerQuick(collecting, '答复', { demands }, ctx())).toMatchObject({
      ok: false,
      message: '只有即时议议题可以这样处理',
    });
  });

  it('turns a quick topic into an in-depth one with a new deadline', () => {
    const result = deepen(quick, '需要开会', ctx());
    if (!result.ok) throw new Error(result.message);
    const [next] = docsOf(result.change, 'update', 'topics');
    expect(next?.track).toBe('inDepth');
    expect(next?.deadlineAt).toBe('2026-11-27T02:00:00.000Z');
    expect(result.change.audit[0]?.detail).toBe('需要开会');
  });
});
