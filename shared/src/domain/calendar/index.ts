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
