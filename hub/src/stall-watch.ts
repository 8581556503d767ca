// Notices when the hub's event loop was held up: a timer due every TICK_MS that fires much later
// means some piece of work ran that long without a turn. Logged, so an operator sees it.

import type { Logger } from './log';

const TICK_MS = 20;

export function watchStalls(log: Logger, thresholdMs = 200): () => void {
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    last = now;
    if (late > thresholdMs) log.warn('event loop stalled', { ms: Math.round(late) });
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
