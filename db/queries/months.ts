/**
 * The calendar helpers live in core/time/calendar.ts (pure domain shared by every layer); this
 * module keeps the store's existing import path.
 */
export { addDays, daysBetween, isCalendarDate, monthsInRange, nextMonthStart } from '../../core/time/calendar.ts';
