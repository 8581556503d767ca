import { matchesText } from './match';
import { pinyin } from 'pinyin-pro';

/**
 * How to read a name: person names read their first character as a surname, where several
 * characters sound different (单 shan, 曾 zeng, 乐 yue), which is what people type for them.
 */
export type NameKind = 'plain' | 'person';

const KEEP = /^[a-z0-9]$/;

/**
 * Lowercase pinyin initials of a name for pickers and search: 惠新南里5号院 → hxnl5hy,
 * 曾小贤 (person) → zxx. Latin letters and digits are kept (lowercased); everything else
 * (spaces, punctuation, characters without a reading) is dropped.
 */
export function initials(name: string, kind: NameKind = 'plain'): string {
  if (name.length === 0) return '';
  const letters = pinyin(name, {
    pattern: 'first',
    toneType: 'none',
    type: 'array',
    surname: kind === 'person' ? 'head' : 'off',
  });
  let out = '';
  for (const piece of letters) {
    for (const ch of piece.toLowerCase()) {
      if (KEEP.test(ch)) out += ch;
    }
  }
  return out;
}

/**
 * Whether a picker entry matches what was typed: a substring of the name itself, a
 * prefix/substring of its initials (so `hxnl` and `nl5` both find 惠新南里5号院), or full pinyin
 * and mixes through the shared text matcher (`wang`, `zhouli`, `wangxl`). Case and surrounding
 * spaces of the query are ignored; an empty query matches everything.
 */
export function matchesQuery(name: string, nameInitials: string, query: string): boolean {
  const q = query.trim();
  if (q.length === 0) return true;
  if (name.includes(q)) return true;
  const lower = q.toLowerCase();
  if (name.toLowerCase().includes(lower)) return true;
  return nameInitials.includes(lower.replace(/\s+/g, '')) || matchesText(name, q);
}
