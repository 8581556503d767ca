export { CHINA_CALENDAR, addWorkingDays, createCalendar, isWorkingDay, workingDaysBetween } from './calendar';
export type { WorkingCalendar } from './calendar';
export { CHINA_HOLIDAYS } from './holidays';
export type { HolidayRange, HolidayYear } from './holidays';
export {
  addHours,
  beijingDate,
  beijingDay,
  beijingMonth,
  dateOfDayNumber,
  dayNumber,
  hoursBetween,
  instantOfBeijingDay,
  parseInstant,
  weekdayOfDayNumber,
} from './days';
export {
  beijingClockText,
  beijingDateText,
  beijingDateTimeText,
  beijingInputValue,
  beijingShortDateTimeText,
  beijingWallClock,
  chineseDate,
  chineseDateTime,
  instantOfBeijingInput,
} from './beijing-text';
export type { WallClock } from './beijing-text';
export {
  FIELD_YEARS,
  isReversedRange,
  readDateInput,
  readDateTimeInput,
  readWholeNumber,
  type DateReading,
  type DateTimeReading,
  type WholeNumberReading,
} from './field-input';
