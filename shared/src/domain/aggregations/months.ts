import { beijingMonth } from '#shared/domain/calendar/days';

// Reports put every demand of a street in its Beijing month; going through the calendar's date
// parsing for each one is most of a dashboard's time. A canonical UTC instant (as the app stores
// them) before the 28th of its month is still in that month eight hours later in Beijing, so its
// month is its first seven characters; any other string goes through `beijingMonth`.

const EARLY_IN_MONTH =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-7])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{3})?Z$/;

/** The Beijing `YYYY-MM` of an ISO instant, exactly as `beijingMonth` (which it falls back to). */
export const monthOfInstant = (iso: string): string =>
  EARLY_IN_MONTH.test(iso) ? iso.slice(0, 7) : beijingMonth(iso);
