import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { auditEntry, change, refuse, type CommandContext } from '#shared/domain/commands/index';
import { demand, topic } from '#shared/domain/handling/fixtures';
import { commit, commitDecided } from './commit';
import { createYishiDatabase, type YishiDatabase } from './create-database';
import { devTools } from './dev-mode';

let open: YishiDatabase[] = [];
let n = 0;

afterEach(async () => {
  await Promise.all(open.map((db) => db.remove()));
  open = [];
});

async function database(): Promise<YishiDatabase> {
  const db = await createYishiDatabase({
    name: `commit-${Date.now()}-${(n += 1)}`,
    storage: getRxStorageMemory(),
    password: 'device-key-0123456789',
    multiInstance: false,
    devTools: devTools(),
  });
  open.push(db);
  return db;
}

const ctx: CommandContext = {
  actor: { id: 'device-1', role: 'community-worker', scope: 'xg.hxy' },
  deviceId: 'device-1',
  now: '2026-11-20T02:00:00.000Z',
  newId: (prefix) => `${prefix}-${(n += 1)}`,
};
const note = auditEntry(ctx, {
  scope: topic.scope,
  action: 'topic.create',
  collection: 'topics',
  id: topic.id,
});

describe('commit', () => {
  it('inserts, replaces and audits what a Change names', async () => {
    const db = await database();
    await db.demands.insert(demand('d-1', 'accepted'));
    const result = await commit(
      db,
      change({
        insert: { topics: [topic] },
        update: { demands: [{ ...demand('d-1', 'inTopic'), topicId: topic.id }] },
        audit: [note],
      }),
    );
    expect(result).toEqual({
      ok: true,
      written: ['topics:topic-1', 'demands:d-1', `auditTrail:${note.id}`],
    });
    expect((await db.demands.findOne('d-1').exec())?.status).toBe('inTopic');
    expect((await db.topics.findOne('topic-1').exec())?.title).toBe(topic.title);
    expect((await db.auditTrail.findOne(note.id).exec())?.action).toBe('topic.create');
  });

  it('stops at the first refused row, says what was written, and leaves the audit out', async () => {
    const db = await database();
    await db.demands.insert(demand('d-2', 'accepted'));
    const result = await commit(
      db,
      change({
        insert: { topics: [topic], demands: [demand('d-2', 'received')] },
        audit: [note],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.written).toEqual(['topics:topic-1']);
    expect(result.failed).toMatchObject({ collection: 'demands', id: 'd-2', status: 409 });
    expect(result.message).toContain('只保存了一部分');
    expect(await db.auditTrail.findOne(note.id).exec()).toBeNull();
    expect((await db.demands.findOne('d-2').exec())?.status).toBe('accepted');
  });

  it('reports a failure before anything was written as a plain failure', async () => {
    const db = await database();
    await db.topics.insert(topic);
    const result = await commit(db, change({ insert: { topics: [topic] } }));
    expect(result).toMatchObject({ ok: false, written: [], message: '保存失败（topic-1，409）' });
  });

  it('passes a refusal through without writing', async () => {
    const db = await database();
    expect(await commitDecided(db, refuse('无权操作'))).toEqual({ ok: false, message: '无权操作' });
    expect(await db.auditTrail.count().exec()).toBe(0);
    expect(await commitDecided(db, { ok: true, change: change({ audit: [note] }) })).toEqual({ ok: true });
    expect(await db.auditTrail.count().exec()).toBe(1);
  });
});
