import { describe, expect, it } from 'vitest';
import { demand, topic } from '#shared/domain/handling/fixtures';
import { change, combine, docsOf, isEmpty, NO_CHANGE } from './change';
import { auditEntry, type CommandContext } from './context';

const ctx: CommandContext = {
  actor: { id: 'actor-1', role: 'community-worker', scope: 'xg' },
  deviceId: 'device-1',
  now: '2026-11-20T02:00:00.000Z',
  newId: (prefix) => `${prefix}-1`,
};

describe('Change', () => {
  it('combines in order, the last replacement of a document winning', () => {
    const first = change({ update: { demands: [demand('d-1', 'inTopic')] }, insert: { topics: [topic] } });
    const second = change({ update: { demands: [demand('d-1', 'handling'), demand('d-2', 'inTopic')] } });
    const both = combine(first, second);
    expect(docsOf(both, 'update', 'demands').map((d) => [d.id, d.status])).toEqual([
      ['d-1', 'handling'],
      ['d-2', 'inTopic'],
    ]);
    expect(docsOf(both, 'insert', 'topics')).toEqual([topic]);
    expect(docsOf(both, 'insert', 'tasks')).toEqual([]);
  });

  it('knows when it writes nothing', () => {
    expect(isEmpty(NO_CHANGE)).toBe(true);
    expect(isEmpty(change({ insert: { tasks: [] } }))).toBe(true);
    expect(isEmpty(change({ insert: { topics: [topic] } }))).toBe(false);
  });
});

describe('auditEntry', () => {
  it('stamps who, where and when, and cuts the detail to the column', () => {
    const entry = auditEntry(ctx, {
      scope: 'xg.hxy',
      action: 'topic.create',
      collection: 'topics',
      id: 'topic-1',
      detail: '长'.repeat(1200),
    });
    expect(entry).toMatchObject({
      id: 'audit-1',
      scope: 'xg.hxy',
      at: ctx.now,
      actor: 'actor-1',
      device: 'device-1',
      createdBy: 'device-1',
      targetCollection: 'topics',
      targetId: 'topic-1',
    });
    expect(entry.detail).toHaveLength(1000);
    expect(auditEntry(ctx, { scope: 'xg', action: 'device.setup' })).not.toHaveProperty('targetCollection');
  });
});
