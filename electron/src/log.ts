// Security refusals must leave a trace a support person can find; the sink is injected so tests
// can assert on it and the app can later route it to a file.
export interface Logger {
  warn(message: string, detail?: Record<string, unknown>): void;
  info(message: string, detail?: Record<string, unknown>): void;
}

export function consoleLogger(prefix = '[yishi]'): Logger {
  return {
    warn: (message, detail) => console.warn(prefix, message, detail ?? ''),
    info: (message, detail) => console.info(prefix, message, detail ?? ''),
  };
}

export interface RecordedLog {
  readonly level: 'warn' | 'info';
  readonly message: string;
  readonly detail?: Record<string, unknown>;
}

/** A logger that keeps its entries, for tests and for diagnostics screens. */
export function memoryLogger(): Logger & { readonly entries: RecordedLog[] } {
  const entries: RecordedLog[] = [];
  return {
    entries,
    warn: (message, detail) => entries.push({ level: 'warn', message, ...(detail ? { detail } : {}) }),
    info: (message, detail) => entries.push({ level: 'info', message, ...(detail ? { detail } : {}) }),
  };
}
