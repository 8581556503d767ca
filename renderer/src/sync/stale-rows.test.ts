import { describe, it, expect } from 'vitest';
import { createReplicationHandlers } from './handlers';
import type { HandlerContext } from './handlers';
import { yishiConflictHandler } from './conflict-handler';
import { createSyncSession } from './sync-session';
import type { SyncSession } from './sync-session';

const insert = {
  id: 'd1',
  scope: 'xg.gyj',
  title: '路灯不亮',
  updatedAt: '2026-11-29T08:00:00.000Z',
  updatedBy: 'devA',
  _deleted: false,
};
// Another device answered the demand; the stream brought it after this device's push was read.
const answered = { ...insert, answer: '已报修', updatedAt: '2026-11-29T08:05:00.000Z', updatedBy: 'devB' };

function context(
  stored: Record<string, unknown>,
  sent: unknown[][],
  session: SyncSession = createSyncSession(),
): HandlerContext {
  return {
    collection: 'demands',
    session,
    hubUrl: 'http://hub.test',
    token: 't',
    fetchImpl: (_url, init) => {
      sent.push(JSON.parse(String(init?.body)) as unknown[]);
      return Promise.resolve(new Response(JSON.stringify({ conflicts: [], refused: [] }), { status: 200 }));
    },
    signal: new AbortController().signal,
    timeoutMs: 1000,
    gate: () => Promise.resolve(),
    nowIso: () => '2026-11-29T09:00:00.000Z',
    onSuccess: () => undefined,
    onError: () => undefined,
    onPulled: () => undefined,
    onRefused: () => Promise.resolve(),
    withAttachments: false,
    storedDocs: (ids) =>
      Promise.resolve(new Map(ids.map((id) => [id, { ...stored, id, _rev: '3-x', _meta: { lwt: 1 } }]))),
  };
}

describe('push rows read before the document changed', () => {
  it('are not sent: the stored state comes back as the master and wins the conflict', async () => {
    const sent: unknown[][] = [];
    const session = createSyncSession();
    const { push } = createReplicationHandlers(context(answered, sent, session));
    // RxDB read the insert, then the assumed master after the downstream had written `answered`.
    const conflicts = await push([{ newDocumentState: insert, assumedMasterState: answered }]);
    expect(sent).toEqual([]);
    expect(conflicts).toEqual([answered]);
    // Another device's session never saw the row held back; this device's conflict handler did.
    const elsewhere = await yishiConflictHandler('demands', createSyncSession()).resolve(
      { newDocumentState: insert, assumedMasterState: answered, realMasterState: answered },
      'test',
    );
    expect(elsewhere).toEqual(insert);
    const resolved = await yishiConflictHandler('demands', session).resolve(
      { newDocumentState: insert, assumedMasterState: answered, realMasterState: answered },
      'test',
    );
    // Merged normally this would be the insert again (the master equals the base): a lost answer.
    expect(resolved).toEqual(answered);
  });

  it('are sent as they are when the stored document is the one RxDB read', async () => {
    const sent: unknown[][] = [];
    const edited = { ...insert, title: '路灯不亮（3号楼）', updatedAt: '2026-11-29T08:10:00.000Z' };
    const { push } = createReplicationHandlers(context(edited, sent));
    const conflicts = await push([{ newDocumentState: edited, assumedMasterState: insert }]);
    expect(conflicts).toEqual([]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual([{ newDocumentState: edited, assumedMasterState: insert }]);
  });

  it('only hold back their own rows: the rest of the batch is pushed', async () => {
    const sent: unknown[][] = [];
    const ctx = context(answered, sent);
    const other = { ...insert, id: 'd2' };
    ctx.storedDocs = (ids) =>
      Promise.resolve(new Map(ids.map((id) => [id, id === 'd1' ? answered : other] as const)));
    const { push } = createReplicationHandlers(ctx);
    const conflicts = await push([
      { newDocumentState: insert, assumedMasterState: answered },
      { newDocumentState: other, assumedMasterState: undefined },
    ]);
    expect(conflicts).toEqual([answered]);
    expect(sent).toEqual([[{ newDocumentState: other, assumedMasterState: null }]]);
  });
});
