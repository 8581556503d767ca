// What the first-sync progress bar shows, decided apart from the component.

export interface FirstSyncFigures {
  received: number;
  total: number | null;
}

/** Whole percent of the documents stored; 100 only when every one is. */
export function firstSyncPercent(figures: FirstSyncFigures, done: boolean): number | null {
  if (done) return 100;
  if (figures.total === null) return null;
  if (figures.total === 0) return 0;
  return Math.min(99, Math.floor((figures.received / figures.total) * 100));
}

/** Time remaining rounded the way people say it: seconds under a minute, then whole minutes. */
export function remainingParts(ms: number): { unit: 'seconds' | 'minutes'; count: number } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return { unit: 'seconds', count: seconds };
  return { unit: 'minutes', count: Math.ceil(seconds / 60) };
}
