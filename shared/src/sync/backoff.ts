// Retry delays for the sync client: exponential from 1 s, capped at 60 s, with "equal jitter" so
// that a hall full of devices waking up after a hub restart does not knock on the same second.
// The random number is passed in, so the schedule is pure and reproducible in tests.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 60_000;

export interface BackoffOptions {
  baseMs?: number;
  capMs?: number;
}

/**
 * Delay before retry number `attempt` (0 for the first retry). `jitter` in [0, 1): the delay lies
 * in [ceiling / 2, ceiling) where ceiling = min(cap, base · 2^attempt); never below `baseMs / 2`.
 */
export function backoffDelay(attempt: number, jitter: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BACKOFF_BASE_MS;
  const cap = options.capMs ?? BACKOFF_CAP_MS;
  const safeAttempt = Number.isFinite(attempt) && attempt > 0 ? Math.floor(attempt) : 0;
  // 2^31 already exceeds any sensible cap; bounding the exponent keeps the arithmetic finite.
  const ceiling = Math.min(cap, base * 2 ** Math.min(safeAttempt, 31));
  const j = Number.isFinite(jitter) ? Math.min(Math.max(jitter, 0), 1) : 0;
  return Math.round(ceiling / 2 + (ceiling / 2) * j);
}
