// The renderer's one formatter for dates and times. Everything a person reads or types is
// Beijing time (Asia/Shanghai), whatever zone the computer is set to; the arithmetic lives in
// shared/ so papers, hub and screens agree.
import {
  beijingClockText,
  beijingDateText,
  beijingDateTimeText,
  beijingInputValue,
  beijingShortDateTimeText,
  chineseDate,
  chineseDateTime,
  instantOfBeijingInput,
} from '#shared/domain/calendar/index';

/** `2026-03-09 10:00`; empty for a missing value. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? beijingDateTimeText(iso) : '';
}

/** `2026-03-09`. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? beijingDateText(iso) : '';
}

/** `3/9 10:00`, for deadlines within weeks of today. */
export function formatShortDateTime(iso: string | null | undefined): string {
  return iso ? beijingShortDateTimeText(iso) : '';
}

/** `10:05`. */
export function formatClock(iso: string | null | undefined): string {
  return iso ? beijingClockText(iso) : '';
}

export { chineseDate, chineseDateTime };

/** Value for `<input type="datetime-local">`, which shows and takes Beijing time here. */
export function toBeijingInput(iso: string): string {
  return beijingInputValue(iso);
}

/** The instant typed into a Beijing date-and-time field; null while incomplete or impossible. */
export function fromBeijingInput(value: string): string | null {
  return instantOfBeijingInput(value);
}
