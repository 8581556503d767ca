// What a person has typed into a date, date-and-time or number field, read without ever throwing:
// an incomplete entry waits, an absurd one is refused with a reason, only a real value is used.
// Browsers hand over a date field's text as typed once it is complete (Chromium takes years of up
// to six digits, so 20261-03-09 arrives as it is) and an empty value while it is incomplete.
import { instantOfBeijingInput } from './beijing-text';

/** Years a date in this app can fall in: demands, meetings and deadlines of the years around now. */
export const FIELD_YEARS = { first: 2000, last: 2099 } as const;

export type DateReading =
  | { kind: 'empty' }
  | { kind: 'incomplete' }
  | { kind: 'date'; date: string }
  | { kind: 'yearOutOfRange'; year: number }
  | { kind: 'impossible' };

export type DateTimeReading =
  | { kind: 'empty' }
  | { kind: 'incomplete' }
  | { kind: 'instant'; instant: string }
  | { kind: 'yearOutOfRange'; year: number }
  | { kind: 'impossible' };

const DATE = /^(\d{1,6})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{1,6})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Below this the year is still being typed (0002 → 0020 → 0202 → 2026): wait, do not scold. */
const TYPING_YEAR = 1000;

function yearProblem(year: number): { kind: 'yearOutOfRange'; year: number } | { kind: 'incomplete' } | null {
  if (year < TYPING_YEAR) return { kind: 'incomplete' };
  return year < FIELD_YEARS.first || year > FIELD_YEARS.last ? { kind: 'yearOutOfRange', year } : null;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

/**
 * A date field's value (`YYYY-MM-DD`); `incomplete` is the browser's word that the person is
 * still typing (the value is empty then, but the field is not).
 */
export function readDateInput(value: string, incomplete = false): DateReading {
  const text = value.trim();
  if (text === '') return incomplete ? { kind: 'incomplete' } : { kind: 'empty' };
  const match = DATE.exec(text);
  if (!match) return { kind: 'incomplete' };
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const problem = yearProblem(y);
  if (problem) return problem;
  if (!isRealDate(y, m, d)) return { kind: 'impossible' };
  return { kind: 'date', date: `${match[1]}-${match[2]}-${match[3]}` };
}

/** A date-and-time field's value (`YYYY-MM-DDTHH:mm`, Beijing time) as the instant it names. */
export function readDateTimeInput(value: string, incomplete = false): DateTimeReading {
  const text = value.trim();
  if (text === '') return incomplete ? { kind: 'incomplete' } : { kind: 'empty' };
  const match = DATE_TIME.exec(text);
  if (!match) return { kind: 'incomplete' };
  const problem = yearProblem(Number(match[1]));
  if (problem) return problem;
  const instant = instantOfBeijingInput(text);
  return instant ? { kind: 'instant', instant } : { kind: 'impossible' };
}

/** Whether a date range ends before it starts (both `YYYY-MM-DD`, which compare as text). */
export function isReversedRange(from: string | undefined, to: string | undefined): boolean {
  return from !== undefined && to !== undefined && to < from;
}

export type WholeNumberReading =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'notWhole' }
  | { kind: 'outOfRange'; min: number; max: number };

/** A field for a count or a number of minutes: digits only, within [min, max]. */
export function readWholeNumber(text: string, min: number, max: number): WholeNumberReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (!/^-?\d+$/.test(trimmed)) return { kind: 'notWhole' };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value) || value < min || value > max) return { kind: 'outOfRange', min, max };
  return { kind: 'number', value };
}
