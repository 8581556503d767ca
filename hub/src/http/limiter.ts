// Slows down guessing of enrollment codes: too many failed attempts under one key (a client
// address, or one code) within a window are answered with rate_limited until the window has
// passed. The number of keys is bounded, so a flood of distinct keys cannot grow the hub's memory.

export interface FailureLimiter {
  blocked(key: string): boolean;
  fail(key: string): void;
}

export function createFailureLimiter(
  maxFailures: number,
  windowMs: number,
  clock: () => number,
  maxKeys = 10_000,
): FailureLimiter {
  // A Map iterates in insertion order; a key is re-inserted on each failure, so the first key is
  // the one that failed longest ago and is the one given up when the map is full.
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const since = clock() - windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > since);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  return {
    blocked: (key) => recent(key).length >= maxFailures,
    fail(key) {
      const list = recent(key);
      list.push(clock());
      failures.delete(key);
      failures.set(key, list.slice(-maxFailures));
      while (failures.size > maxKeys) {
        const oldest = failures.keys().next().value;
        if (oldest === undefined) break;
        failures.delete(oldest);
      }
    },
  };
}
