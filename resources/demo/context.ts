// What every generator step shares: the seeded random source, the generation time, id counters
// and the time arithmetic. Ids are sequential per collection, so a seed always yields the same ids.
import type { CollectionName } from '#shared/domain/vocab';
import type { DocTypes } from '#shared/schema/index';
import { createRandom, type Random } from './random';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** Beijing is UTC+8 all year. */
const BEIJING_OFFSET = 8 * HOUR;

/** Who "wrote" the demo documents. */
export const DEMO_DEVICE = 'device-demo';

export type DemoData = { [C in CollectionName]: DocTypes[C][] };

export interface DemoContext {
  readonly rng: Random;
  /** The generation time (ms since epoch). Nothing generated lies after it. */
  readonly now: number;
  readonly scale: number;
  nextId(prefix: string): string;
}

export function createContext(seed: number, now: string, scale: number): DemoContext {
  const parsed = Date.parse(now);
  if (!Number.isFinite(parsed)) throw new Error(`Invalid generation time: ${now}`);
  const counters = new Map<string, number>();
  return {
    rng: createRandom(seed),
    now: parsed,
    scale,
    nextId(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${String(n).padStart(6, '0')}`;
    },
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The base fields of a document created (and last changed) at `at`. */
export function base(id: string, scope: string, createdAt: number, updatedAt = createdAt) {
  return {
    id,
    scope,
    createdAt: iso(createdAt),
    createdBy: DEMO_DEVICE,
    updatedAt: iso(updatedAt),
    updatedBy: DEMO_DEVICE,
  };
}

/** A moment during Beijing office hours (08:30–18:00) on the day of `ms`, to the minute. */
export function officeTime(rng: Random, ms: number): number {
  const local = ms + BEIJING_OFFSET;
  const dayStart = local - (local % DAY) - BEIJING_OFFSET;
  return dayStart + 8.5 * HOUR + rng.int(0, 19 * 30) * MINUTE;
}

/** Beijing clock time `hour:minute` on the day of `ms`. */
export function beijingAt(ms: number, hour: number, minute = 0): number {
  const local = ms + BEIJING_OFFSET;
  return local - (local % DAY) - BEIJING_OFFSET + hour * HOUR + minute * MINUTE;
}

/** Keeps derived times (answers, closures) from running past the generation time. */
export function notAfter(ms: number, limit: number): number {
  return Math.min(ms, limit);
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `yyyymmdd` in Beijing time, as 12345 work-order numbers start. */
export function beijingDateDigits(ms: number): string {
  return iso(ms + BEIJING_OFFSET)
    .slice(0, 10)
    .replaceAll('-', '');
}
