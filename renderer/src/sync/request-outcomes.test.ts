import { describe, expect, it } from 'vitest';
import { HubError } from './http';
import { REPLICATION_RETRY_MS } from './replication-set';
import { createRequestOutcomes } from './request-outcomes';
import { createStatusModel } from './status-model';

function outcomes(online = true) {
  const status = createStatusModel({ now: () => 0, isOnline: () => online });
  const log: string[] = [];
  let stopped = false;
  const o = createRequestOutcomes({
    status,
    isStopped: () => stopped,
    isOnline: () => online,
    probeNow: () => log.push('probe'),
    retryDelay: (attempt) => 1000 * 2 ** attempt,
    setRetryTime: (name, ms) => log.push(`retry ${name} ${ms}`),
    fail: (error) => log.push(`fail ${error.code}`),
    stop: async () => {
      stopped = true;
      log.push('stop');
    },
    onRevoked: () => void log.push('revoked'),
  });
  return { o, status, log };
}

describe('request outcomes', () => {
  it('stops a revoked device once and then hands over to the wipe', async () => {
    const { o, status, log } = outcomes();
    o.onError('demands', new HubError('revoked', '已停用'));
    o.onError('people', new HubError('revoked', '已停用'));
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['fail revoked', 'stop', 'revoked']);
    status.publish();
    expect(status.status$.getValue().state).toBe('revoked');
  });

  it('stops with a fatal error on a rejected token', () => {
    const { o, status, log } = outcomes();
    o.onError('demands', new HubError('unauthorized', '令牌无效'));
    status.publish();
    expect(log).toEqual(['fail unauthorized', 'stop']);
    expect(status.status$.getValue()).toMatchObject({ state: 'error', error: '令牌无效' });
  });

  it('only probes the hub on a lost answer', () => {
    const { o, log } = outcomes();
    o.onError('demands', new HubError('network', '网络'));
    expect(log).toEqual(['probe']);
  });

  it('backs a failing collection off and restores it when a request succeeds', () => {
    const { o, status, log } = outcomes();
    o.onError('demands', new HubError('forbidden', '无权操作'));
    o.onError('demands', new HubError('forbidden', '无权操作'));
    expect(status.status$.getValue()).toMatchObject({ state: 'error', error: '无权操作' });
    o.onSuccess('demands');
    o.onSuccess('demands');
    expect(log).toEqual([
      'retry demands 1000',
      'fail forbidden',
      'retry demands 2000',
      'fail forbidden',
      `retry demands ${REPLICATION_RETRY_MS}`,
    ]);
    expect(status.status$.getValue().state).toBe('idle');
  });
});
