// Slows down guessing of enrollment codes: too many failed attempts from one address within a
// window are answered with rate_limited until the window has passed.

export interface FailureLimiter {
  blocked(key: string): boolean;
  fail(key: string): void;
}

export function createFailureLimiter(
  maxFailures: number,
  windowMs: number,
  clock: () => number,
): FailureLimiter {
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
      failures.set(key, list);
    },
  };
}
