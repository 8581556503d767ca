import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commonAncestor } from './facts';

const scope = fc.string({ unit: fc.constantFrom('x', 'g', '.'), maxLength: 6 });

describe('commonAncestor', () => {
  it('is the longest run of leading segments all scopes share', () => {
    fc.assert(
      fc.property(fc.array(scope, { maxLength: 6 }), (scopes) => {
        const split = scopes.map((s) => s.split('.'));
        let length = split[0]?.length ?? 0;
        for (const segments of split)
          while (length > 0 && split[0]!.slice(0, length).some((seg, i) => segments[i] !== seg)) length -= 1;
        expect(commonAncestor(scopes)).toBe(split[0]?.slice(0, length).join('.') ?? '');
      }),
      { numRuns: 2000 },
    );
  });
});
