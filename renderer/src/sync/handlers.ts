// RxDB's pull and push handlers for one collection, speaking protocol v1. They wait while the hub
// is unreachable (instead of spinning through RxDB's retry loop), report every outcome to the
// client, and keep refused rows instead of dropping them. With no line, a return bundle loaded in
// the inbox answers them instead of the hub (bundle-inbox.ts).

import { storedState } from './stale-rows';
import type { SyncSession } from './sync-session';
import type { ReplicationPullHandler, ReplicationPushHandler, WithDeleted } from 'rxdb';
import type { CollectionName } from '#shared/domain/vocab';
import { sameDocState, toWireDoc } from '#shared/protocol/v1';
import type {
  Checkpoint,
  Doc,
  PullNewestResponse,
  PullResponse,
  PushResponse,
  PushRow,
  RefusedRow,
} from '#shared/protocol/v1';
import { HubError, CLIENT_ERROR_MESSAGES, hubEndpoint, hubRequest } from './http';
import type { FetchLike } from './http';
import type { RefusedRowRecord } from './refused-store';
import type { BundleInbox } from './bundle-inbox';

export interface HandlerContext {
  collection: CollectionName;
  /** Shared with the database's conflict handlers. */
  session: SyncSession;
  hubUrl: string;
  token: string;
  fetchImpl: FetchLike;
  signal: AbortSignal;
  timeoutMs: number;
  /** Resolves when the hub is reachable. */
  gate: () => Promise<void>;
  nowIso: () => string;
  onSuccess: () => void;
  onError: (error: unknown) => void;
  onPulled: (seq: number) => void;
  onRefused: (records: RefusedRowRecord[]) => Promise<void>;
  /**
   * The collection's schema allows attachments: RxDB then expects `_attachments` on every state it
   * stores as the assumed master (and throws AT4 on the next push, dropping it, without it). The
   * protocol does not carry attachments, so documents from the hub get an empty set.
   */
  withAttachments: boolean;
  /** The `_attachments` stubs the device holds for these ids (see `withLocalAttachments`). */
  localAttachments?: LocalAttachmentsLookup;
  /** The documents as stored right now (full RxDB documents), to hold back outdated rows. */
  storedDocs?: StoredDocsLookup;
  /** A return bundle answers for the hub while it is unreachable. */
  inbox?: BundleInbox;
  isOnline?: () => boolean;
}

export type StoredDocsLookup = (ids: string[]) => Promise<Map<string, Record<string, unknown>>>;

export type LocalAttachmentsLookup = (ids: string[]) => Promise<Map<string, Record<string, unknown>>>;

/**
 * Gives states from the hub the attachments the device already holds. RxDB writes a new master
 * state with the `_attachments` it carries, so an empty set would delete every local photo
 * whenever another device edits the document; the photos then come back through the attachment
 * mover only. Unchanged stubs (same digest, no data) keep the stored bytes.
 */
export async function withLocalAttachments<T>(
  docs: T[],
  lookup: LocalAttachmentsLookup | undefined,
): Promise<T[]> {
  // Only states that list photos can need stored bytes kept; a state without them means none
  // (or the device's own unpushed photo, which RxDB keeps anyway: it never overwrites a local
  // change from the downstream). This saves a read of every pulled id on an initial sync.
  const withPhotos = docs.filter((d) => {
    const photos = (d as Record<string, unknown>)['photos'];
    return Array.isArray(photos) && photos.length > 0;
  });
  if (!lookup || withPhotos.length === 0) return docs;
  const local = await lookup(withPhotos.map((d) => String((d as Record<string, unknown>)['id'])));
  return docs.map((d) => {
    const held = local.get(String((d as Record<string, unknown>)['id']));
    return held && Object.keys(held).length > 0 ? ({ ...d, _attachments: held } as T) : d;
  });
}

export function fromHub<T>(doc: T, withAttachments: boolean): T {
  const d = doc as Record<string, unknown>;
  return withAttachments && d['_attachments'] === undefined ? ({ ...d, _attachments: {} } as T) : doc;
}

function badResponse(): HubError {
  return new HubError('bad_response', CLIENT_ERROR_MESSAGES.bad_response);
}

function isCheckpoint(value: unknown): value is Checkpoint {
  return typeof value === 'object' && value !== null && Number.isFinite((value as Checkpoint).seq);
}

/**
 * Waits for the hub, unless a loaded return bundle can answer first (asked again whenever a
 * bundle arrives): the bundle's answer, or null once the hub is reachable.
 */
async function hubOrBundle<T>(ctx: HandlerContext, fromBundle: () => Promise<T | null>): Promise<T | null> {
  const inbox = ctx.inbox;
  for (;;) {
    if (!inbox || (ctx.isOnline?.() ?? true)) {
      await ctx.gate();
      return null;
    }
    const answer = await fromBundle();
    if (answer !== null) return answer;
    const online = await Promise.race([ctx.gate().then(() => true), inbox.arrived().then(() => false)]);
    if (online) return null;
  }
}

/** A first pull's page, newest first; 'oldest-only' when this cannot be had from the hub now. */
export type NewestPage = { documents: unknown[]; high: number | null; low: number | null } | 'oldest-only';

export function createReplicationHandlers(ctx: HandlerContext): {
  pull: ReplicationPullHandler<unknown, Checkpoint>;
  push: ReplicationPushHandler<unknown>;
  pullNewest: (before: number | null, batchSize: number) => Promise<NewestPage>;
} {
  const base = hubEndpoint(ctx.hubUrl, `/v1/sync/${encodeURIComponent(ctx.collection)}`);
  // Ids the hub acknowledged from a push while a pull was on its way: that pull may carry the
  // state from before the push, and writing it would set the device back until the next pull.
  const pullsInFlight = new Set<Set<string>>();

  const pullOnce = async (checkpoint: Checkpoint | undefined, batchSize: number) => {
    const pushedMeanwhile = new Set<string>();
    pullsInFlight.add(pushedMeanwhile);
    try {
      const fetchPage = async (from: Checkpoint | undefined, limit: number) => {
        const query = new URLSearchParams({ limit: String(limit) });
        if (from) query.set('checkpoint', String(from.seq));
        const page = await hubRequest<PullResponse>(ctx.fetchImpl, `${base}/pull?${query.toString()}`, {
          token: ctx.token,
          signal: ctx.signal,
          timeoutMs: ctx.timeoutMs,
        });
        if (!Array.isArray(page.documents) || (page.checkpoint !== null && !isCheckpoint(page.checkpoint)))
          throw badResponse();
        return page;
      };
      const body = await fetchPage(checkpoint, batchSize);
      // A page the hub cut at its byte budget is completed here: RxDB ends its pull at a short page.
      while (body.more === true && body.checkpoint && body.documents.length < batchSize) {
        const rest = await fetchPage(body.checkpoint, batchSize - body.documents.length);
        body.documents.push(...rest.documents);
        body.checkpoint = rest.checkpoint ?? body.checkpoint;
        if (rest.more === true && rest.documents.length > 0) body.more = true;
        else delete body.more;
      }
      const stale = body.documents.some((d) => pushedMeanwhile.has(String(d.id)));
      return { body, stale };
    } finally {
      pullsInFlight.delete(pushedMeanwhile);
    }
  };

  const pull: ReplicationPullHandler<unknown, Checkpoint> = async (checkpoint, batchSize) => {
    try {
      const fromBundle = await hubOrBundle(
        ctx,
        async () => ctx.inbox?.pull(ctx.collection, checkpoint) ?? null,
      );
      if (fromBundle) {
        const documents = (await withLocalAttachments(fromBundle.documents, ctx.localAttachments)).map((d) =>
          fromHub(d, ctx.withAttachments),
        );
        return { documents: documents as WithDeleted<unknown>[], checkpoint: fromBundle.checkpoint };
      }
      let { body, stale } = await pullOnce(checkpoint, batchSize);
      // Ask again rather than drop documents: a short page would end RxDB's pull loop early.
      for (let retry = 0; stale && retry < 5; retry += 1)
        ({ body, stale } = await pullOnce(checkpoint, batchSize));
      ctx.onSuccess();
      const next = body.checkpoint ?? checkpoint;
      if (next) ctx.onPulled(next.seq);
      const documents = (await withLocalAttachments(body.documents, ctx.localAttachments)).map((d) =>
        fromHub(d, ctx.withAttachments),
      );
      return { documents: documents as WithDeleted<unknown>[], checkpoint: next ?? undefined };
    } catch (error) {
      ctx.onError(error);
      throw error;
    }
  };

  // Newest first from the hub only: with no line and a return bundle loaded, or from a hub that
  // does not know the order, the first pull goes the ordinary way (oldest first), which the
  // bundle and every hub answer.
  const pullNewest = async (before: number | null, batchSize: number): Promise<NewestPage> => {
    try {
      const bundled = await hubOrBundle(ctx, async () => ctx.inbox?.pull(ctx.collection, undefined) ?? null);
      if (bundled) return 'oldest-only';
      const fetchPage = async (from: number | null, limit: number) => {
        const query = new URLSearchParams({ order: 'newest', limit: String(limit) });
        if (from !== null) query.set('before', String(from));
        const page = await hubRequest<PullNewestResponse | PullResponse>(
          ctx.fetchImpl,
          `${base}/pull?${query.toString()}`,
          { token: ctx.token, signal: ctx.signal, timeoutMs: ctx.timeoutMs },
        );
        if (!('order' in page) || page.order !== 'newest') return null;
        const bound = (v: unknown) => v === null || Number.isFinite(v);
        if (!Array.isArray(page.documents) || !bound(page.high) || !bound(page.low)) throw badResponse();
        return page;
      };
      const body = await fetchPage(before, batchSize);
      ctx.onSuccess();
      if (!body) return 'oldest-only';
      // Cut at the hub's byte budget: completed here, since a short page ends the first pull.
      while (body.more === true && body.low !== null && body.documents.length < batchSize) {
        const rest = await fetchPage(body.low, batchSize - body.documents.length);
        if (!rest) throw badResponse();
        body.documents.push(...rest.documents);
        if (rest.low !== null) body.low = rest.low;
        if (rest.more === true && rest.documents.length > 0) body.more = true;
        else delete body.more;
      }
      const documents = (await withLocalAttachments(body.documents, ctx.localAttachments)).map((d) =>
        fromHub(d, ctx.withAttachments),
      );
      return { documents, high: body.high, low: body.low };
    } catch (error) {
      ctx.onError(error);
      throw error;
    }
  };

  /** Splits the rows into those still current and the stored states of those that are not. */
  const holdBackOutdated = async (rows: Parameters<ReplicationPushHandler<unknown>>[0]) => {
    if (!ctx.storedDocs) return { current: rows, outdated: [] as Record<string, unknown>[] };
    const stored = await ctx.storedDocs(
      rows.map((r) => String((r.newDocumentState as Record<string, unknown>)['id'])),
    );
    const current: typeof rows = [];
    const outdated: Record<string, unknown>[] = [];
    for (const row of rows) {
      const state = row.newDocumentState as Record<string, unknown>;
      const now = stored.get(String(state['id']));
      if (now && !sameDocState(storedState(now), state)) {
        ctx.session.stale.mark(ctx.collection, state);
        outdated.push(storedState(now));
      } else current.push(row);
    }
    return { current, outdated };
  };

  const wire = (rows: Parameters<ReplicationPushHandler<unknown>>[0]) =>
    rows.map((row) => ({
      newDocumentState: toWireDoc(row.newDocumentState as Record<string, unknown>) as Doc,
      assumedMasterState: row.assumedMasterState
        ? (toWireDoc(row.assumedMasterState as Record<string, unknown>) as Doc)
        : null,
    }));

  /** Refused rows are kept with the hub's reason, never dropped. */
  const keepRefused = async (refused: RefusedRow[], body: PushRow[]) => {
    if (refused.length === 0) return;
    const at = ctx.nowIso();
    const byId = new Map(body.map((r) => [String(r.newDocumentState['id']), r.newDocumentState]));
    await ctx.onRefused(
      refused.map((r) => ({
        key: `${ctx.collection}:${r.id}:${at}`,
        collection: ctx.collection,
        id: r.id,
        code: r.code,
        reason: r.reason,
        refusedAt: at,
        row: byId.get(r.id) ?? { id: r.id },
      })),
    );
  };

  const conflictStates = async (conflicts: Doc[], outdated: Record<string, unknown>[]) =>
    [
      ...(await withLocalAttachments(conflicts, ctx.localAttachments)).map((d) =>
        fromHub(d, ctx.withAttachments),
      ),
      ...outdated,
    ] as WithDeleted<unknown>[];

  const push: ReplicationPushHandler<unknown> = async (allRows) => {
    try {
      const fromBundle = await hubOrBundle(ctx, async () => {
        const { current, outdated } = await holdBackOutdated(allRows);
        const body = wire(current);
        const answer = ctx.inbox?.push(ctx.collection, body);
        return answer ? { answer, outdated, body } : null;
      });
      if (fromBundle) {
        const { answer, outdated, body } = fromBundle;
        // The hub holds these exported states as the device's own writes (see pushed-states.ts).
        for (const doc of answer.ours) ctx.session.pushed.remember(ctx.collection, doc);
        await keepRefused(answer.refused, body);
        return conflictStates(answer.conflicts, outdated);
      }
      const { current: rows, outdated } = await holdBackOutdated(allRows);
      if (rows.length === 0) return outdated as WithDeleted<unknown>[];
      const body = wire(rows);
      for (const row of body) ctx.session.pushed.remember(ctx.collection, row.newDocumentState);
      const answer = await hubRequest<PushResponse>(ctx.fetchImpl, `${base}/push`, {
        method: 'POST',
        token: ctx.token,
        body,
        signal: ctx.signal,
        timeoutMs: ctx.timeoutMs,
      });
      if (!Array.isArray(answer.conflicts) || !Array.isArray(answer.refused)) throw badResponse();
      const notApplied = new Set([
        ...answer.conflicts.map((d) => String(d.id)),
        ...answer.refused.map((r) => r.id),
      ]);
      for (const row of body) {
        const id = String(row.newDocumentState['id']);
        if (!notApplied.has(id)) for (const ids of pullsInFlight) ids.add(id);
        ctx.session.pushed.settle(ctx.collection, id, row.newDocumentState, !notApplied.has(id));
      }
      await keepRefused(answer.refused, body);
      ctx.onSuccess();
      return conflictStates(answer.conflicts, outdated);
    } catch (error) {
      ctx.onError(error);
      throw error;
    }
  };

  return { pull, push, pullNewest };
}
