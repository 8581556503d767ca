import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Doc } from '#shared/protocol/v1';
import {
  buildManifest,
  makePayload,
  manifestTotals,
  mismatchedCollections,
  planRestore,
  readBackupFile,
  unsyncedRows,
} from './device-backup';

const digest = (text: string) => Promise.resolve(createHash('sha256').update(text, 'utf8').digest('hex'));
const doc = (id: string, extra: Record<string, unknown> = {}): Doc =>
  ({ id, scope: 'xg', _deleted: false, updatedAt: '2026-12-01T00:00:00.000Z', ...extra }) as Doc;

function payload() {
  return makePayload({
    documents: { people: [doc('p2', { name: '李四' }), doc('p1', { name: '张三' })], demands: [doc('d1')] },
    unsynced: {
      people: [
        { newDocumentState: doc('p1', { name: '张三' }), assumedMasterState: doc('p1', { name: '张' }) },
      ],
      demands: [
        { newDocumentState: doc('d1'), assumedMasterState: null },
        { newDocumentState: doc('d0', { _deleted: true }), assumedMasterState: doc('d0') },
      ],
    },
    photos: { demands: { d1: [{ id: 'ph1', type: 'image/jpeg', data: 'AQID' }] } },
  });
}

describe('device backup manifest', () => {
  it('counts and digests every collection, in one order whatever order the documents came in', async () => {
    const p = payload();
    expect(p.documents.people?.map((d) => d.id)).toEqual(['p1', 'p2']);
    const manifest = await buildManifest(p, digest);
    expect(manifest.people).toMatchObject({ documents: 2, unsynced: 1, photos: 0 });
    expect(manifest.demands).toMatchObject({ documents: 1, unsynced: 2, photos: 1 });
    expect(manifest.topics).toMatchObject({ documents: 0, unsynced: 0, photos: 0 });
    expect(manifestTotals(manifest)).toEqual({ documents: 3, unsynced: 3, photos: 1 });
    expect(await mismatchedCollections(p, manifest, digest)).toEqual([]);
  });

  it('names each collection whose documents, unsynced changes or photos were changed', async () => {
    const p = payload();
    const manifest = await buildManifest(p, digest);
    p.documents.people![1]!['name'] = '王五';
    p.photos.demands!['d1']![0]!.data = 'AQIE';
    expect(await mismatchedCollections(p, manifest, digest)).toEqual(['people', 'demands']);
    const q = payload();
    q.unsynced.people = [];
    expect(await mismatchedCollections(q, manifest, digest)).toEqual(['people']);
    const r = payload() as unknown as { documents: Record<string, unknown> };
    r.documents['strangers'] = [];
    expect(await mismatchedCollections(r as never, manifest, digest)).toContain('strangers');
  });
});

describe('what counts as unsynced', () => {
  it('is every document on a device that never enrolled', () => {
    expect(unsyncedRows(false, [doc('a')], null)).toEqual([
      { newDocumentState: doc('a'), assumedMasterState: null },
    ]);
  });

  it('is what the replication has yet to push on an enrolled device, and needs it', () => {
    const pending = [{ newDocumentState: doc('a'), assumedMasterState: doc('a', { v: 1 }) }];
    expect(unsyncedRows(true, [doc('a'), doc('b')], pending)).toEqual(pending);
    expect(() => unsyncedRows(true, [doc('a')], null)).toThrow('同步尚未启动');
  });
});

describe('reading a backup file', () => {
  it('refuses other files with a Chinese message', () => {
    expect(readBackupFile('not json')).toEqual({ error: '这个文件不是议事的本机备份（无法读取）。' });
    expect(readBackupFile('{"format":"yishi-device-bundle"}')).toEqual({
      error: '这个文件不是议事的本机备份。',
    });
    expect(readBackupFile('{"format":"yishi-device-backup","version":2}')).toHaveProperty(
      'error',
      '这个备份由较新版本的议事生成，请先升级本机的议事再恢复。',
    );
    expect(readBackupFile('{"format":"yishi-device-backup","version":1,"seal":{}}')).toHaveProperty(
      'error',
      '备份文件不完整或已损坏，无法恢复。',
    );
  });
});

describe('planning a restore', () => {
  it('writes the documents, replays unsynced deletions and keeps each change’s base', () => {
    const plan = planRestore(payload());
    expect(plan.documents.people?.map((d) => d.id)).toEqual(['p1', 'p2']);
    expect(plan.deletions.demands?.map((d) => d.id)).toEqual(['d0']);
    expect(plan.bases.people?.['p1']?.['name']).toBe('张');
    expect(plan.bases.demands).toEqual({ d0: doc('d0') });
  });
});
