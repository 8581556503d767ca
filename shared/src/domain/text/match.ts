import { pinyin } from 'pinyin-pro';

// One matcher for every name and text search (people and place pickers, the ledger's search
// box): what people type is characters, full pinyin (wang, zhouli), initials (wxl) or a mix
// (wangxl, 王xl), in any case, with or without spaces. A character matches by itself or by any
// prefix of any of its readings, so 单 matches shan and dan, 重 both zhong and chong: a search
// should find the person whichever reading the typist had in mind, and it needs no context, so
// texts are prepared with a table lookup per character instead of a pinyin conversion (which
// costs about 0.2 ms per title, seconds for a ledger).

// Every distinct character seen becomes a unit with its readings, so a prepared text is an array
// of unit numbers and matching does no string work per character.
const HAN = /\p{Script=Han}/u;
/** Characters a match steps over without using the query: spaces, punctuation, symbols. */
const PUNCTUATION = /[\s\p{P}\p{S}]/u;
/** Unit 0 separates the fields of one prepared text: no match runs across it. */
const FIELD_BREAK = 0;

const unitOf = new Map<string, number>();
const unitChar: string[] = [''];
const unitReadings: (readonly string[])[] = [[]];
/** Whether a match steps over the unit (punctuation, or a character without a known reading, which stored initials leave out too). */
const unitSkipped: boolean[] = [false];
/** Latin letters the unit can stand for: itself or its readings. */
const unitLetters: number[] = [0];

function letterBit(ch: string): number {
  const code = ch.charCodeAt(0) - 97;
  return code >= 0 && code < 26 && ch.length === 1 ? 1 << code : 0;
}

/** Readings of a Han character, lowercase without tones, ü as v and as u. */
function readingsOf(ch: string): readonly string[] {
  if (!HAN.test(ch)) return [];
  const found = new Set<string>();
  for (const r of pinyin(ch, { multiple: true, type: 'array', toneType: 'none', v: true })) {
    const reading = r.toLowerCase();
    if (!/^[a-z]+$/.test(reading)) continue;
    found.add(reading);
    if (reading.includes('v')) found.add(reading.replaceAll('v', 'u'));
  }
  return [...found];
}

function unit(raw: string): number {
  const known = unitOf.get(raw);
  if (known !== undefined) return known;
  // Full-width letters and digits read as ASCII, capitals as small letters.
  const ch = raw.normalize('NFKC').toLowerCase();
  const readings = readingsOf(ch);
  let letters = 0;
  for (const c of ch) letters |= letterBit(c);
  for (const reading of readings) for (const r of reading) letters |= letterBit(r);
  const id = unitChar.length;
  unitOf.set(raw, id);
  unitChar.push(ch);
  unitReadings.push(readings);
  unitSkipped.push(readings.length === 0 && (PUNCTUATION.test(ch) || HAN.test(ch)));
  unitLetters.push(letters);
  return id;
}

/** A text prepared once for many searches (a ledger row, a picker entry). */
export interface SearchText {
  /** Its characters as units, with a field break between fields. */
  readonly units: Uint32Array;
  /** Every Latin letter that a query could use against this text: a cheap first refusal. */
  readonly letters: number;
}

/** Prepares one or more fields (title, name, place…) for `matchesSearch`; empty fields are left out. */
export function searchText(...fields: readonly (string | undefined)[]): SearchText {
  let size = 0;
  for (const field of fields) size += (field?.length ?? 0) + 1;
  const units = new Uint32Array(size);
  let n = 0;
  let letters = 0;
  for (const field of fields) {
    if (field === undefined || field.length === 0) continue;
    if (n > 0) units[n++] = FIELD_BREAK;
    for (const ch of field) {
      const id = ch === '\n' ? FIELD_BREAK : (unitOf.get(ch) ?? unit(ch));
      units[n++] = id;
      letters |= unitLetters[id] as number;
    }
  }
  return { units: units.subarray(0, n), letters };
}

/** One word of a query (what was typed between spaces), normalised (NFKC, lowercase). */
export interface TextTerm {
  readonly text: string;
  readonly chars: readonly string[];
  readonly letters: number;
  /**
   * Per unit, the query positions reachable by reading it at the start (bit q: q characters
   * used), and per unit and position p (index unit × length + p) the same from p; -1 until
   * computed. Sized on first use for the units known then.
   */
  starts: Int32Array;
  reached: Int32Array;
}

/** What was typed, prepared once: terms separated by spaces, each of which must match. */
export interface TextQuery {
  readonly terms: readonly TextTerm[];
}

/** Prepares typed text for `matchesSearch`; a query of only spaces matches everything. */
export function textQuery(typed: string): TextQuery {
  const terms = typed
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s']+/u)
    .filter((t) => t.length > 0)
    .map((text): TextTerm => {
      const chars = [...text];
      let letters = 0;
      for (const ch of chars) letters |= letterBit(ch);
      return { text, chars, letters, starts: new Int32Array(0), reached: new Int32Array(0) };
    });
  return { terms };
}

/** Query positions reachable from position p by reading unit u as itself or a reading prefix (bit q = q characters used). */
function reach(u: number, chars: readonly string[], p: number): number {
  let mask = chars[p] === unitChar[u] ? 1 << (p + 1) : 0;
  for (const reading of unitReadings[u] ?? []) {
    for (let k = 0; k < reading.length && p + k < chars.length && chars[p + k] === reading[k]; k += 1) {
      mask |= 1 << (p + k + 1);
    }
  }
  return mask;
}

/** Bit-parallel matching: one bit per query position, for terms up to 30 characters. */
const MAX_BITS = 30;

/**
 * Whether the term occurs in the units, each read as itself or as a prefix of one of its
 * readings. Bit p of `state` says "the first p query characters end here"; a new match may start
 * at every unit, and skipped units inside a field carry the state over.
 */
function matchesBits(units: Uint32Array, term: TextTerm): boolean {
  const chars = term.chars;
  const n = chars.length;
  const full = 1 << n;
  if (term.starts.length < unitChar.length) sizeTables(term);
  const { starts, reached } = term;
  let state = 1;
  for (let i = 0; i < units.length; i += 1) {
    const u = units[i] as number;
    if (u === FIELD_BREAK) {
      state = 1;
      continue;
    }
    // Texts prepared after the query was sized have units outside the tables: computed as they come.
    const known = u < starts.length;
    // Most of the time nothing is under way: one table look-up per character.
    let next = 1 | (known ? (starts[u] as number) : reach(u, chars, 0));
    if (state !== 1) {
      for (let p = 1, bits = state >>> 1; bits !== 0; p += 1, bits >>>= 1) {
        if ((bits & 1) === 0) continue;
        const at = u * n + p;
        let mask = known ? (reached[at] as number) : -1;
        if (mask < 0) {
          mask = reach(u, chars, p);
          if (known) reached[at] = mask;
        }
        next |= mask;
      }
      if (unitSkipped[u]) next |= state & ~1;
    }
    if ((next & full) !== 0) return true;
    state = next;
  }
  return false;
}

/** Fills the term's table of first steps for every unit known now; later steps fill lazily. */
function sizeTables(term: TextTerm): void {
  const size = unitChar.length;
  const starts = new Int32Array(size);
  for (let u = 1; u < size; u += 1) starts[u] = reach(u, term.chars, 0);
  term.starts = starts;
  term.reached = new Int32Array(size * term.chars.length).fill(-1);
}

/** The same for longer terms (full pinyin of a long name), one flag per query position. */
function matchesLong(units: Uint32Array, chars: readonly string[]): boolean {
  const n = chars.length;
  let ends = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  ends[0] = 1;
  for (let i = 0; i < units.length; i += 1) {
    const u = units[i] as number;
    next.fill(0);
    next[0] = 1;
    if (u !== FIELD_BREAK) {
      for (let p = 0; p < n; p += 1) {
        if (ends[p] === 0) continue;
        if (p > 0 && unitSkipped[u]) next[p] = 1;
        if (chars[p] === unitChar[u]) next[p + 1] = 1;
        for (const reading of unitReadings[u] ?? []) {
          for (let k = 0; k < reading.length && p + k < n && chars[p + k] === reading[k]; k += 1)
            next[p + k + 1] = 1;
        }
      }
    }
    if (next[n] === 1) return true;
    [ends, next] = [next, ends];
  }
  return false;
}

/** Whether one term of a query is found in `target` (characters, pinyin, initials or a mix). */
export function matchesTerm(target: SearchText, term: TextTerm): boolean {
  if ((term.letters & ~target.letters) !== 0) return false;
  return term.chars.length > MAX_BITS
    ? matchesLong(target.units, term.chars)
    : matchesBits(target.units, term);
}

/** Whether every term of `query` is found in `target`. */
export function matchesSearch(target: SearchText, query: TextQuery): boolean {
  return query.terms.every((term) => matchesTerm(target, term));
}

/** One-off form of `matchesSearch` for short lists (pickers): prepares both sides each call. */
export function matchesText(text: string, typed: string): boolean {
  return matchesSearch(searchText(text), textQuery(typed));
}
