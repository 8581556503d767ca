import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attendance, type AttendanceRecord, type RosterEntry } from '#shared/domain/votes/index';

const roster: RosterEntry[] = [
  { personId: 'a', name: '张桂兰', entitled: true },
  { personId: 'b', name: '李建国', entitled: true },
  { personId: 'c', name: '王秀英', entitled: true },
  { personId: 'd', name: '赵志强', entitled: true },
  { personId: 'e', name: '物业经理', role: 'organization', entitled: false },
];
let seq = 0;
const rec = (kind: string, fields: Partial<AttendanceRecord> = {}): AttendanceRecord => {
  seq += 1;
  return {
    id: `r${String(seq).padStart(3, '0')}`,
    kind,
    at: `2026-11-20T02:${String(seq % 60).padStart(2, '0')}:00.000Z`,
    ...fields,
  };
};

describe('attendance', () => {
  it('counts a person once, proxies for the absent, observers and walk-ins apart', () => {
    const records = [
      rec('signIn', { personId: 'a' }),
      rec('signIn', { personId: 'a' }),
      rec('signIn', { personId: 'e' }),
      rec('signIn', { name: '路过居民', walkIn: true }),
      rec('proxy', { personId: 'a', proxyForId: 'b' }),
    ];
    const result = attendance(roster, records, 1);
    expect(result.presentInPerson).toEqual(['a']);
    expect(result.proxies).toEqual([{ holderId: 'a', forId: 'b', recordId: records[4]!.id }]);
    expect(result.presentCount).toBe(2);
    expect(result.entitled).toBe(4);
    expect(result.observers).toEqual(['e']);
    expect(result.walkIns).toEqual([{ recordId: records[3]!.id, name: '路过居民' }]);
    expect(result.refused).toEqual([
      { recordId: records[1]!.id, code: 'duplicate', message: '已签到，不重复计数' },
    ]);
  });

  it('refuses a proxy for someone present, over the limit, from an absent holder or for a non-member', () => {
    const records = [
      rec('signIn', { personId: 'a' }),
      rec('signIn', { personId: 'c' }),
      rec('proxy', { personId: 'a', proxyForId: 'c' }),
      rec('proxy', { personId: 'a', proxyForId: 'b' }),
      rec('proxy', { personId: 'a', proxyForId: 'd' }),
      rec('proxy', { personId: 'x', proxyForId: 'd' }),
      rec('proxy', { personId: 'c', proxyForId: 'e' }),
      rec('proxy', { personId: 'c', proxyForId: 'b' }),
      rec('proxy', { personId: 'a', proxyForId: 'a' }),
      rec('proxy', { personId: 'a' }),
    ];
    const result = attendance(roster, records, 1);
    expect(result.proxies.map((p) => p.forId)).toEqual(['b']);
    expect(result.refused.map((r) => r.code)).toEqual([
      'principalPresent',
      'overLimit',
      'holderAbsent',
      'notEntitled',
      'alreadyRepresented',
      'self',
      'invalid',
    ]);
  });

  it('a proxy is void when its principal comes in person, whatever the order', () => {
    const records = [
      rec('signIn', { personId: 'a' }),
      rec('proxy', { personId: 'a', proxyForId: 'b' }),
      rec('signIn', { personId: 'b' }),
    ];
    const result = attendance(roster, records, 2);
    expect(result.proxies).toEqual([]);
    expect(result.presentCount).toBe(2);
  });

  it('applies corrections: a replacement, a voiding, a correction of a correction and an unknown target', () => {
    const wrong = rec('signIn', { personId: 'c' });
    const voided = rec('signIn', { personId: 'd' });
    const fix1 = rec('correction', { correctsId: wrong.id, personId: 'b' });
    const fix2 = rec('correction', { correctsId: fix1.id, personId: 'a' });
    const voiding = rec('correction', { correctsId: voided.id });
    const stray = rec('correction', { correctsId: 'missing', personId: 'c' });
    const result = attendance(roster, [fix2, wrong, voided, stray, fix1, voiding], 1);
    expect(result.presentInPerson).toEqual(['a']);
    expect(result.refused).toEqual([
      { recordId: stray.id, code: 'unknownTarget', message: '更正的记录不存在或不是签到/委托记录' },
    ]);
  });

  it('refuses an unknown person who is not marked as a walk-in', () => {
    const result = attendance(roster, [rec('signIn', { personId: 'zz' })], 1);
    expect(result.refused.map((r) => r.code)).toEqual(['notOnRoster']);
    expect(result.presentCount).toBe(0);
  });

  it('never counts a person twice and never exceeds the proxy limit', () => {
    const person = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'w');
    const record = fc.oneof(
      fc.record({ kind: fc.constant('signIn'), personId: person, walkIn: fc.boolean() }),
      fc.record({ kind: fc.constant('proxy'), personId: person, proxyForId: person }),
    );
    fc.assert(
      fc.property(fc.array(record, { maxLength: 25 }), fc.integer({ min: 0, max: 3 }), (raw, limit) => {
        const records = raw.map((r, i) => ({
          ...r,
          id: `r${i}`,
          at: `2026-11-20T02:00:${String(i).padStart(2, '0')}.000Z`,
        }));
        const result = attendance(roster, records, limit);
        const counted = [...result.presentInPerson, ...result.proxies.map((p) => p.forId)];
        expect(new Set(counted).size).toBe(counted.length);
        expect(result.presentCount).toBe(counted.length);
        expect(result.presentCount).toBeLessThanOrEqual(result.entitled);
        const perHolder = new Map<string, number>();
        for (const p of result.proxies) perHolder.set(p.holderId, (perHolder.get(p.holderId) ?? 0) + 1);
        for (const n of perHolder.values()) expect(n).toBeLessThanOrEqual(limit);
        for (const p of result.proxies) expect(result.presentInPerson.includes(p.forId)).toBe(false);
        expect(result.refused.length + counted.length + result.observers.length + result.walkIns.length).toBe(
          records.length,
        );
      }),
    );
  });
});
