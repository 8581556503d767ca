// Errors this device ran into, kept for the device screen (设备与数据) so the person who looks
// after the device can read them out or pass them on. In the browser's own storage rather than
// the database: an error in the database code must still be recorded.

export interface RecordedError {
  /** ISO instant. */
  at: string;
  /** The page's i18n label key (`nav.demands`), or 'window' for an error no page caught. */
  where: string;
  message: string;
  stack?: string;
}

const KEY = 'yishi.errors';
const KEEP = 50;
const STACK_CHARS = 2000;
const listeners = new Set<() => void>();

function read(): RecordedError[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as RecordedError[]) : [];
  } catch {
    return [];
  }
}

let cache: readonly RecordedError[] | null = null;

/** Newest first. */
export function recordedErrors(): readonly RecordedError[] {
  cache ??= read();
  return cache;
}

function write(list: readonly RecordedError[]): void {
  cache = list;
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // A full or missing storage keeps the list in memory for this session.
  }
  for (const listener of listeners) listener();
}

export function recordError(where: string, error: unknown): void {
  const entry: RecordedError = {
    at: new Date().toISOString(),
    where,
    message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
  const stack = error instanceof Error ? error.stack?.slice(0, STACK_CHARS) : undefined;
  if (stack) entry.stack = stack;
  write([entry, ...recordedErrors()].slice(0, KEEP));
}

export function clearRecordedErrors(): void {
  write([]);
}

/** For useSyncExternalStore. */
export function subscribeToErrors(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Records what no page caught: errors in event handlers, timers and promises. */
export function recordUncaughtErrors(target: Window): void {
  target.addEventListener('error', (event) => recordError('window', event.error ?? event.message));
  target.addEventListener('unhandledrejection', (event) => recordError('window', event.reason));
}
