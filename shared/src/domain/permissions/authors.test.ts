import { describe, expect, it } from 'vitest';
import { refusedAuthor } from './authors';

const ids = ['dev-hub', 'dev-local'];
const doc = (createdBy: string, updatedBy: string) => ({ id: 'x', createdBy, updatedBy });

describe('refusedAuthor', () => {
  it('accepts a new document by either id of the device', () => {
    expect(refusedAuthor('demands', ids, null, doc('dev-hub', 'dev-hub'))).toBeNull();
    expect(refusedAuthor('demands', ids, null, doc('dev-local', 'dev-local'))).toBeNull();
  });

  it("refuses a new document in another device's name", () => {
    expect(refusedAuthor('demands', ids, null, doc('dev-other', 'dev-hub'))).toMatch(/createdBy/);
    expect(refusedAuthor('demands', ids, null, doc('dev-hub', 'dev-other'))).toMatch(/updatedBy/);
  });

  it('keeps the creator of an existing document and accepts the merge keeping the other editor', () => {
    const master = doc('dev-other', 'dev-other');
    expect(refusedAuthor('demands', ids, master, doc('dev-other', 'dev-hub'))).toBeNull();
    expect(refusedAuthor('demands', ids, master, doc('dev-other', 'dev-other'))).toBeNull();
    expect(refusedAuthor('demands', ids, master, doc('dev-hub', 'dev-hub'))).toBe('createdBy 不能修改');
    expect(refusedAuthor('demands', ids, master, doc('dev-other', 'dev-third'))).toMatch(/updatedBy/);
  });

  it("refuses an audit entry in another device's name", () => {
    const entry = { ...doc('dev-hub', 'dev-hub'), actor: 'dev-hub', device: 'dev-hub' };
    expect(refusedAuthor('auditTrail', ids, null, entry)).toBeNull();
    expect(refusedAuthor('auditTrail', ids, null, { ...entry, actor: 'dev-other' })).toMatch(/操作人/);
    expect(refusedAuthor('auditTrail', ids, null, { ...entry, device: 'dev-other' })).toMatch(/设备/);
  });
});
