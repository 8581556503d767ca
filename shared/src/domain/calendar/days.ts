// Pure date arithmetic on ISO strings. Deadlines in the field follow the Beijing wall clock
// (UTC+8, no daylight saving), so a "day" here is a Beijing calendar day.

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. Throws on a malformed or impossible date. */
export function dayNumber(date: string): number {
  const match = DATE_ONLY.exec(date);
  if (!match) throw new RangeError(`日期格式应为 YYYY-MM-DD: ${date}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (dateOfDayNumber(ms / DAY_MS) !== date) throw new RangeError(`无效日期: ${date}`);
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Milliseconds since the epoch of an ISO date-time; throws if it is not one. */
export function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(ms)) throw new RangeError(`无效时间: ${iso}`);
  return ms;
}

/** Beijing calendar day number and the milliseconds into that day of an ISO instant. */
export function beijingDay(iso: string): { day: number; msOfDay: number } {
  const shifted = parseInstant(iso) + BEIJING_OFFSET_MS;
  const day = Math.floor(shifted / DAY_MS);
  return { day, msOfDay: shifted - day * DAY_MS };
}

/** The ISO instant (UTC, with milliseconds) of a Beijing day number and time of day. */
export function instantOfBeijingDay(day: number, msOfDay: number): string {
  return new Date(day * DAY_MS + msOfDay - BEIJING_OFFSET_MS).toISOString();
}

/** Beijing `YYYY-MM-DD` of an ISO instant, or the date itself when given a date. */
export function beijingDate(dateOrInstant: string): string {
  if (DATE_ONLY.test(dateOrInstant)) return dateOrInstant;
  return dateOfDayNumber(beijingDay(dateOrInstant).day);
}

/** Beijing `YYYY-MM` of an ISO instant (months of reports). */
export function beijingMonth(iso: string): string {
  return beijingDate(iso).slice(0, 7);
}

export function addHours(iso: string, hours: number): string {
  return new Date(parseInstant(iso) + hours * 3_600_000).toISOString();
}

/** Hours from `a` to `b` (negative when b is earlier). */
export function hoursBetween(a: string, b: string): number {
  return (parseInstant(b) - parseInstant(a)) / 3_600_000;
}
