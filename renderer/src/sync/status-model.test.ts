import { describe, expect, it } from 'vitest';
import { REVOKED_MESSAGE, createStatusModel, deriveStatus } from './status-model';
import type { StatusFacts } from './status-model';
import type { SyncStatus } from './client-types';

const idle: SyncStatus = { state: 'idle', lastSyncedAt: null, pending: 0, refusedCount: 0 };
const facts = (over: Partial<StatusFacts> = {}): StatusFacts => ({
  revoked: false,
  fatalError: undefined,
  online: true,
  errors: [],
  anyActive: false,
  initialDone: true,
  firstSync: undefined,
  nowIso: '2026-12-05T10:00:00.000Z',
  ...over,
});

describe('the sync status', () => {
  it('ranks revoked over a fatal error over offline over a collection error over syncing', () => {
    const all = { revoked: true, fatalError: '密钥无效', online: false, errors: ['超时'], anyActive: true };
    expect(deriveStatus(idle, {}, facts(all))).toMatchObject({ state: 'revoked', error: REVOKED_MESSAGE });
    expect(deriveStatus(idle, {}, facts({ ...all, revoked: false }))).toMatchObject({
      state: 'error',
      error: '密钥无效',
    });
    const offline = deriveStatus(idle, {}, facts({ ...all, revoked: false, fatalError: undefined }));
    expect(offline.state).toBe('offline');
    expect(offline.error).toBeTruthy();
    expect(deriveStatus(idle, {}, facts({ errors: ['超时'], anyActive: true }))).toMatchObject({
      state: 'error',
      error: '超时',
    });
    const syncing = deriveStatus({ ...idle, error: '旧的' }, {}, facts({ anyActive: true }));
    expect(syncing.state).toBe('syncing');
    expect(syncing).not.toHaveProperty('error');
  });

  it('says syncing while a first sync is not done, even between two replications', () => {
    const firstSync = { received: 10, total: 20, collections: {}, remainingMs: 1000, done: false };
    expect(deriveStatus(idle, {}, facts({ firstSync })).state).toBe('syncing');
    expect(deriveStatus(idle, {}, facts({ firstSync: { ...firstSync, done: true } })).state).toBe('idle');
  });

  it('stamps 已同步 when syncing ends, only after every collection’s first full pull', () => {
    const syncing = { ...idle, state: 'syncing' as const };
    expect(deriveStatus(syncing, {}, facts()).lastSyncedAt).toBe('2026-12-05T10:00:00.000Z');
    expect(deriveStatus(syncing, {}, facts({ initialDone: false })).lastSyncedAt).toBeNull();
    const given = deriveStatus(syncing, { lastSyncedAt: '2026-12-05T09:00:00.000Z' }, facts());
    expect(given.lastSyncedAt).toBe('2026-12-05T09:00:00.000Z');
  });

  it('publishes only a status that differs', () => {
    let online = true;
    const model = createStatusModel({ now: () => 0, isOnline: () => online });
    const seen: string[] = [];
    model.status$.subscribe((s) => seen.push(s.state));
    model.publish();
    model.setActive(true);
    model.publish();
    model.publish();
    online = false;
    model.publish();
    expect(seen).toEqual(['idle', 'syncing', 'offline']);
    expect(model.setActive(true)).toBe(false);
    model.setError('demands', '服务器出错');
    expect(model.clearError('demands')).toBe(true);
    expect(model.clearError('demands')).toBe(false);
  });

  it('refuses 立即同步 when revoked, after a fatal error, or stopped', () => {
    const model = createStatusModel({ now: () => 0, isOnline: () => true });
    expect(model.refusal(false)).toBeUndefined();
    expect(model.refusal(true)?.code).toBe('stopped');
    model.setFatal('令牌无效');
    expect(model.refusal(false)).toMatchObject({ code: 'unauthorized', message: '令牌无效' });
    model.markRevoked();
    expect(model.refusal(false)).toMatchObject({ code: 'revoked', message: REVOKED_MESSAGE });
  });

  it('carries the code of the error it shows, so a screen can say it in another language', () => {
    const model = createStatusModel({ now: () => 0, isOnline: () => true });
    model.setError('demands', '请求内容过大。', 'too_large');
    model.publish();
    expect(model.status$.getValue()).toMatchObject({ state: 'error', errorCode: 'too_large' });
    model.setFatal('该服务器不是本设备登记时的同步服务器，请核对服务器地址。', 'wrong_hub');
    model.publish();
    expect(model.status$.getValue()).toMatchObject({ state: 'error', errorCode: 'wrong_hub' });
    expect(model.refusal(false)?.code).toBe('wrong_hub');
    expect(deriveStatus(idle, {}, facts({ online: false }))).toMatchObject({ errorCode: 'network' });
    expect(deriveStatus({ ...idle, errorCode: 'network' }, {}, facts())).not.toHaveProperty('errorCode');
  });
});
