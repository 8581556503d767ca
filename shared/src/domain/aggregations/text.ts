// Chinese text similarity without a word segmenter: character bigrams inside runs of letters,
// digits and CJK characters (punctuation and spaces split runs), weighted by TF-IDF over the
// collection compared, so that words every demand shares ("小区", "居民", "反映") weigh little.

const RUN = /[\p{Script=Han}\p{L}\p{N}]+/gu;

/** Character bigrams with their counts; a one-character run counts as itself. */
export function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of text.toLowerCase().match(RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) counts.set(run, (counts.get(run) ?? 0) + 1);
    for (let i = 0; i + 1 < chars.length; i += 1) {
      const gram = `${chars[i]}${chars[i + 1]}`;
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

/** |A ∩ B| / |A ∪ B| of the bigram sets; 0 for two empty texts. */
export function bigramJaccard(a: string, b: string): number {
  const x = new Set(bigrams(a).keys());
  const y = new Set(bigrams(b).keys());
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

export type Vector = ReadonlyMap<string, number>;

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [gram, w] of a) {
    na += w * w;
    dot += w * (b.get(gram) ?? 0);
  }
  for (const w of b.values()) nb += w * w;
  return na === 0 || nb === 0 ? 0 : Math.min(1, dot / Math.sqrt(na * nb));
}

/** TF-IDF vectors of the texts, the IDF taken over these texts (smoothed: ln((N+1)/(df+1)) + 1). */
export function tfidfVectors(texts: readonly string[]): Vector[] {
  const counts = texts.map(bigrams);
  const df = new Map<string, number>();
  for (const c of counts) for (const gram of c.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const n = texts.length;
  return counts.map((c) => {
    const vector = new Map<string, number>();
    for (const [gram, tf] of c) vector.set(gram, tf * (Math.log((n + 1) / ((df.get(gram) ?? 0) + 1)) + 1));
    return vector;
  });
}

/** Bigram cosine similarity of two texts (plain term frequencies). */
export function bigramCosine(a: string, b: string): number {
  return cosine(bigrams(a), bigrams(b));
}
