import { describe, expect, it } from 'vitest';
import { applyEffects } from './effects';

describe('applyEffects', () => {
  it('stamps, keeps a first stamp, sets, clears and counts', () => {
    const doc = { respondedAt: 'earlier', resolvedAt: 'x', reopenedCount: 1, status: 'a' };
    const next = applyEffects(
      doc,
      [
        { type: 'stamp', field: 'respondedAt', onlyIfEmpty: true },
        { type: 'stamp', field: 'answeredAt' },
        { type: 'clear', field: 'resolvedAt' },
        { type: 'increment', field: 'reopenedCount' },
        { type: 'set', field: 'track', value: 'inDepth' },
        { type: 'stampActor', field: 'by' },
      ],
      'now',
      'device-1',
    );
    expect(next).toEqual({
      respondedAt: 'earlier',
      answeredAt: 'now',
      reopenedCount: 2,
      status: 'a',
      track: 'inDepth',
      by: 'device-1',
    });
    expect(doc.resolvedAt).toBe('x');
  });
});
