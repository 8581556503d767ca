// Structured logs: one JSON object per line (time, level, msg, fields). Callers pass only ids and
// counts as fields; tokens, codes and personal data never reach a log line.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(write: (line: string) => void, minLevel: LogLevel = 'info'): Logger {
  const emit = (level: LogLevel, msg: string, fields: LogFields = {}) => {
    if (ORDER[level] < ORDER[minLevel]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }) + '\n');
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  };
}

export const silentLogger: Logger = createLogger(() => undefined, 'error');

export function stdoutLogger(): Logger {
  const level = process.env['HUB_LOG_LEVEL'];
  const min: LogLevel = level === 'debug' || level === 'warn' || level === 'error' ? level : 'info';
  return createLogger((line) => process.stdout.write(line), min);
}
