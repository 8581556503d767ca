import { isValidElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Withheld, piiCell } from './Withheld';

// The kit's words register with the app's i18next instance, which a node test does not start.
vi.mock('./strings', () => ({}));

describe('piiCell', () => {
  it('shows a recorded value, says 仅授权人员可见 where the role may not read it, nothing otherwise', () => {
    expect(piiCell('13800000001', false)).toBe('13800000001');
    expect(piiCell('13800000001', true)).toBe('13800000001');
    const withheld = piiCell(undefined, false);
    expect(isValidElement(withheld) && withheld.type === Withheld).toBe(true);
    expect(isValidElement(piiCell('', false))).toBe(true);
    expect(piiCell(undefined, true)).toBeUndefined();
  });
});
