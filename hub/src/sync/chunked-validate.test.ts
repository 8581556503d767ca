import { describe, expect, it } from 'vitest';
import type { Doc } from '#shared/protocol/v1';
import { validDoc } from '../testing/fixtures';
import { prevalidate } from './chunked-validate';
import type { ParsedRow, RowPolicy } from './rules';

const row = (doc: Record<string, unknown>): ParsedRow => ({
  id: String(doc['id']),
  next: { ...doc, _deleted: false } as Doc,
  assumed: null,
  raw: { newDocumentState: doc },
});

describe('prevalidate', () => {
  it('validates every row once, then answers the same rows from memory and others afresh', async () => {
    const seen: string[] = [];
    const policy: RowPolicy = {
      validate: (_c, fields) => {
        seen.push(String(fields['id']));
        return fields['title'] === 'bad' ? 'title bad' : null;
      },
      authorize: () => null,
      transition: () => null,
      author: () => null,
    };
    const rows = [
      row(validDoc('demands', 'a', 'xg.gyj')),
      row(validDoc('demands', 'a', 'xg.gyj', { title: 'bad' })),
      row(validDoc('demands', 'b', 'xg.gyj')),
    ];
    const cached = await prevalidate('demands', rows, policy);
    expect(seen).toEqual(['a', 'a', 'b']);
    const verdicts = rows.map((r) => {
      const { _deleted: _d, ...fields } = r.next;
      return cached.validate('demands', fields);
    });
    expect(verdicts).toEqual([null, 'title bad', null]);
    expect(seen).toHaveLength(3);
    // A document the pre-pass did not see (same id, other content) is validated for real.
    expect(
      cached.validate('demands', { ...validDoc('demands', 'a', 'xg.gyj'), title: 'bad', description: 'x' }),
    ).toBe('title bad');
    expect(seen).toHaveLength(4);
  });
});
