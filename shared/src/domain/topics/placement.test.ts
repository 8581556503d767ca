import { describe, expect, it } from 'vitest';
import { insertByPriority, topicHome } from './placement';

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
