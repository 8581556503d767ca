// Dates and times as people in Beijing read and type them. The wall clock is UTC+8 all year
// (no daylight saving), so plain arithmetic is exact and the computer's own zone never enters.

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const INPUT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** Beijing wall-clock parts of an ISO instant; null when it is not one. */
export function beijingWallClock(iso: string): WallClock | null {
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(iso) || Number.isNaN(ms)) return null;
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/** `2026-03-09 10:00`; an unreadable value comes back as given. */
export function beijingDateTimeText(iso: string): string {
  const c = beijingWallClock(iso);
  if (!c) return iso;
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}`;
}

/** `2026-03-09`. */
export function beijingDateText(iso: string): string {
  return beijingDateTimeText(iso).slice(0, 10);
}

/** `3/9 10:00`, for deadlines within weeks of today. */
export function beijingShortDateTimeText(iso: string): string {
  const c = beijingWallClock(iso);
  if (!c) return iso;
  return `${c.month}/${c.day} ${pad(c.hour)}:${pad(c.minute)}`;
}

/** `10:05`. */
export function beijingClockText(iso: string): string {
  const c = beijingWallClock(iso);
  return c ? `${pad(c.hour)}:${pad(c.minute)}` : iso;
}

/** 2026年3月9日 */
export function chineseDate(iso: string): string {
  const c = beijingWallClock(iso);
  return c ? `${c.year}年${c.month}月${c.day}日` : iso;
}

/** 2026年3月9日 14:30 */
export function chineseDateTime(iso: string): string {
  const c = beijingWallClock(iso);
  return c ? `${chineseDate(iso)} ${pad(c.hour)}:${pad(c.minute)}` : iso;
}

/** The value of a date-and-time field (`2026-03-09T19:00`) showing an instant in Beijing time. */
export function beijingInputValue(iso: string): string {
  return beijingDateTimeText(iso).replace(' ', 'T');
}

/**
 * The instant a person meant by typing a Beijing date and time (`2026-03-09T19:00`);
 * null when the text is incomplete or names no real time (2026-02-30).
 */
export function instantOfBeijingInput(value: string): string | null {
  const match = INPUT.exec(value.trim());
  if (!match) return null;
  const [y, mo, d, h, mi] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59) return null;
  const ms = Date.UTC(y, mo - 1, d, h, mi) - BEIJING_OFFSET_MS;
  const iso = new Date(ms).toISOString();
  return beijingInputValue(iso) === `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}`
    ? iso
    : null;
}
