import { describe, expect, it } from 'vitest';
import { ACTOR_ROLES } from '#shared/domain/vocab';
import { asSeenBy, readsPii } from './pii-access';

const person = {
  id: 'p1',
  scope: 'xg.gyj.c1',
  name: '王秀英',
  phone: '13800000001',
  idNumber: '110101195001011234',
  addressDetail: '3号楼2单元401',
  conflicts: [{ field: 'phone' }, { field: 'name' }],
};

describe('asSeenBy', () => {
  it('sends the PII only to street staff and community workers', () => {
    expect(ACTOR_ROLES.filter(readsPii)).toEqual(['street-staff', 'community-worker']);
    expect(asSeenBy('community-worker', 'people', person)).toBe(person);
  });

  it.each(['viewer', 'recorder', 'leader', 'hall-chair'] as const)(
    'removes phone, ID number, address detail and their conflict records for %s',
    (role) => {
      expect(asSeenBy(role, 'people', person)).toEqual({
        id: 'p1',
        scope: 'xg.gyj.c1',
        name: '王秀英',
        conflicts: [{ field: 'name' }],
      });
      const demand = { id: 'd1', scope: 'xg', title: 't', reporterPhone: '1', addressDetail: 'a' };
      expect(asSeenBy(role, 'demands', demand)).toEqual({ id: 'd1', scope: 'xg', title: 't' });
    },
  );

  it('leaves collections without PII untouched for every role', () => {
    const place = { id: 'x', scope: 'xg', name: '院', phone: '1' };
    expect(asSeenBy('viewer', 'places', place)).toBe(place);
  });
});
