import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS, ACTOR_ROLES } from './vocab';
import { defaultRoleFor, homePlaceKindsFor, STREET_CODE_PATTERN } from './device';

describe('device defaults', () => {
  it('gives every device kind a known role and at least one home place kind', () => {
    for (const kind of DEVICE_KINDS) {
      expect(ACTOR_ROLES).toContain(defaultRoleFor(kind));
      expect(homePlaceKindsFor(kind).length).toBeGreaterThan(0);
    }
  });
  it('makes the street office a street-staff device at the street root', () => {
    expect(defaultRoleFor('streetOffice')).toBe('street-staff');
    expect(homePlaceKindsFor('streetOffice')).toEqual(['street']);
  });
  it('accepts short latin street codes only', () => {
    expect(STREET_CODE_PATTERN.test('xg')).toBe(true);
    expect(STREET_CODE_PATTERN.test('XG')).toBe(false);
    expect(STREET_CODE_PATTERN.test('x')).toBe(false);
    expect(STREET_CODE_PATTERN.test('小关')).toBe(false);
    expect(STREET_CODE_PATTERN.test('xg.a')).toBe(false);
  });
});
