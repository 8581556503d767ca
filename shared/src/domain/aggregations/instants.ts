import { addHours, beijingMonth } from '#shared/domain/calendar/days';

// A street's dashboard puts every demand in its Beijing month and against its response deadline;
// going through the calendar's date parsing and formatting for each one was most of its time.
// For a canonical UTC instant (as the app stores them) before the 28th of its month, both are
// plain text edits: eight hours or a day later it is still in the same month. Any other string
// goes through the calendar, so the results are always exactly the calendar's.

const EARLY_IN_MONTH =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-7])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/;

/** The Beijing `YYYY-MM` of an ISO instant, exactly as `beijingMonth`. */
export const monthOfInstant = (iso: string): string =>
  EARLY_IN_MONTH.test(iso) ? iso.slice(0, 7) : beijingMonth(iso);

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `addHours(iso, hours)`, exactly, without date arithmetic for whole hours up to a day. */
export function plusHours(iso: string, hours: number): string {
  // With milliseconds only: `addHours` always writes them.
  if (!Number.isInteger(hours) || hours < 0 || hours > 24 || iso.length !== 24 || !EARLY_IN_MONTH.test(iso))
    return addHours(iso, hours);
  const hour = Number(iso.slice(11, 13)) + hours;
  if (hour < 24) return `${iso.slice(0, 11)}${two(hour)}${iso.slice(13)}`;
  return `${iso.slice(0, 8)}${two(Number(iso.slice(8, 10)) + 1)}T${two(hour - 24)}${iso.slice(13)}`;
}
