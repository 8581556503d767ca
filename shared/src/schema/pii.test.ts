import { describe, expect, it } from 'vitest';
import { PII_FIELDS, holdsPii, keepWithheldPii, withoutPii } from './pii';

const conflict = (field: string) => ({
  field,
  localValue: 'a',
  remoteValue: 'b',
  remoteUpdatedBy: 'dev-2',
  remoteUpdatedAt: '2026-12-01T08:00:00.000Z',
  detectedAt: '2026-12-01T08:00:01.000Z',
});

const demand = {
  id: 'd1',
  scope: 'xg.gyj',
  title: '楼道灯不亮',
  reporterPhone: '13800000000',
  addressDetail: '3号楼2单元501',
  conflicts: [conflict('reporterPhone'), conflict('title')],
};

describe('PII_FIELDS', () => {
  it('lists the marked fields of people and demands and nothing for the rest', () => {
    expect(PII_FIELDS.people).toEqual(['phone', 'idNumber', 'addressDetail']);
    expect(PII_FIELDS.demands).toEqual(['reporterPhone', 'addressDetail']);
    expect(PII_FIELDS.organizations).toEqual([]);
    expect(PII_FIELDS.places).toEqual([]);
  });
});

describe('withoutPii', () => {
  it('drops the PII fields and the conflict records that hold their values', () => {
    expect(withoutPii('demands', demand)).toEqual({
      id: 'd1',
      scope: 'xg.gyj',
      title: '楼道灯不亮',
      conflicts: [conflict('title')],
    });
    expect(holdsPii('demands', withoutPii('demands', demand))).toBe(false);
  });

  it('returns the same object when there is nothing to drop', () => {
    const plain = { id: 'p', scope: 'xg', name: '张三', conflicts: [conflict('name')] };
    expect(withoutPii('people', plain)).toBe(plain);
    expect(withoutPii('places', { ...plain, phone: '1' })).toEqual({ ...plain, phone: '1' });
  });
});

describe('keepWithheldPii', () => {
  const master = { ...demand, title: '旧标题' };
  const seen = withoutPii('demands', master);

  it('keeps the hub value of every field the device never saw', () => {
    const next = { ...seen, title: '新标题' };
    expect(keepWithheldPii('demands', master, seen, next)).toEqual({
      ...master,
      title: '新标题',
      conflicts: [conflict('title'), conflict('reporterPhone')],
    });
  });

  it('keeps a value the device itself entered over one it was never shown', () => {
    const next = { ...seen, reporterPhone: '13911111111' };
    const merged = keepWithheldPii('demands', master, seen, next);
    expect(merged.reporterPhone).toBe('13911111111');
    expect(merged.addressDetail).toBe('3号楼2单元501');
  });

  it('does not let a stale copy the device still holds overwrite the hub', () => {
    const stale = { ...seen, reporterPhone: '旧号码' };
    const merged = keepWithheldPii('demands', { ...master, reporterPhone: '新号码' }, stale, {
      ...stale,
      title: 'x',
    });
    expect(merged.reporterPhone).toBe('新号码');
  });

  it('leaves a field absent that the hub does not have either', () => {
    const bare = { id: 'd1', scope: 'xg.gyj', title: 't' };
    expect(keepWithheldPii('demands', bare, bare, { ...bare, title: 'u' })).toEqual({ ...bare, title: 'u' });
  });

  it('takes a new document as entered', () => {
    expect(keepWithheldPii('demands', null, null, demand)).toBe(demand);
  });
});
