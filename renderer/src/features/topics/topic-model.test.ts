import { describe, expect, it } from 'vitest';
import { applyEffects, insertByPriority, topicHome } from './topic-model';

describe('topicHome', () => {
  it('puts demands of one courtyard at the courtyard, of several at their community', () => {
    expect(topicHome(['xg.hxl.hxl2.b1.e1', 'xg.hxl.hxl2'])).toEqual({
      scope: 'xg.hxl.hxl2',
      level: 'courtyard',
    });
    expect(topicHome(['xg.hxl.hxl2.b1', 'xg.hxl.hxl201'])).toEqual({ scope: 'xg.hxl', level: 'community' });
    expect(topicHome(['xg.hxl.hxl2', 'xg.gyj'])).toEqual({ scope: 'xg', level: 'street' });
    expect(topicHome(['xg.hxl.hxl2.b1.e1'])).toEqual({ scope: 'xg.hxl.hxl2', level: 'courtyard' });
  });
});

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

describe('insertByPriority', () => {
  const list = [
    { id: 'a', order: 0, priority: 20 },
    { id: 'b', order: 1, priority: 50 }, // moved down by hand: stays below a
    { id: 'c', order: 2, priority: 10 },
  ];
  it('enters before the first topic it outranks and renumbers the rest', () => {
    expect(insertByPriority(list, 30)).toEqual({
      order: 0,
      changes: new Map([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    });
    expect(insertByPriority(list, 15)).toEqual({ order: 2, changes: new Map([['c', 3]]) });
    expect(insertByPriority(list, 5)).toEqual({ order: 3, changes: new Map() });
    expect(insertByPriority([], 5)).toEqual({ order: 0, changes: new Map() });
  });
});
