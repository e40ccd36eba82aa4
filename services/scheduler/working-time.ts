import { DateTime } from 'luxon';
import { isBadenWuerttembergHoliday } from './holidays';

/**
 * Working time: the hours in which deadlines run. Deadlines ("4 working hours", "2 working
 * days") stand still at night, at weekends and on public holidays, so a question asked on
 * Friday afternoon is not escalated on Saturday morning.
 */
export interface WorkingCalendar {
  zone: string;
  /** Local hour the working day starts (inclusive) and ends (exclusive). */
  startHour: number;
  endHour: number;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  weekdays: ReadonlySet<number>;
  /** Whether a local calendar day (`YYYY-MM-DD`) is a public holiday. */
  isHoliday(isoDate: string): boolean;
}

/** The city administration's: Europe/Berlin, Monday to Friday 7–17, BW holidays off. */
export const CITY_CALENDAR: WorkingCalendar = {
  zone: 'Europe/Berlin',
  startHour: 7,
  endHour: 17,
  weekdays: new Set([1, 2, 3, 4, 5]),
  isHoliday: isBadenWuerttembergHoliday,
};

const HOUR_MS = 3_600_000;
/** A search for the next working day never needs more than a few weeks; a bound guards bad calendars. */
const MAX_DAYS_SCANNED = 3_660;

/** The instant `hours` working hours after `start` (fractions allowed). */
export function addWorkingHours(
  start: Date,
  hours: number,
  calendar: WorkingCalendar = CITY_CALENDAR,
): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`invalid hours: ${hours}`);
  let remaining = hours * HOUR_MS;
  let cursor = DateTime.fromJSDate(start, { zone: calendar.zone });
  for (let day = 0; day < MAX_DAYS_SCANNED; day++) {
    const window = workingWindow(cursor, calendar);
    if (window) {
      const from = Math.max(cursor.toMillis(), window.open);
      if (from < window.close) {
        if (remaining <= window.close - from) return new Date(from + remaining);
        remaining -= window.close - from;
      }
    }
    cursor = cursor.startOf('day').plus({ days: 1 });
  }
  throw new RangeError('the calendar has no working time');
}

/** `days` working days after `start`: the same working time of day, `days` working days later. */
export function addWorkingDays(
  start: Date,
  days: number,
  calendar: WorkingCalendar = CITY_CALENDAR,
): Date {
  return addWorkingHours(start, days * (calendar.endHour - calendar.startHour), calendar);
}

/** Whether `instant` lies in working time. */
export function isWorkingTime(instant: Date, calendar: WorkingCalendar = CITY_CALENDAR): boolean {
  const local = DateTime.fromJSDate(instant, { zone: calendar.zone });
  const window = workingWindow(local, calendar);
  return window !== undefined && window.open <= local.toMillis() && local.toMillis() < window.close;
}

/** `instant` itself when in working time, else the start of the next working time. */
export function nextWorkingTime(instant: Date, calendar: WorkingCalendar = CITY_CALENDAR): Date {
  return addWorkingHours(instant, 0, calendar);
}

/** Opening and closing instant of the day `local` falls on; undefined on a day off. */
function workingWindow(
  local: DateTime,
  calendar: WorkingCalendar,
): { open: number; close: number } | undefined {
  if (!calendar.weekdays.has(local.weekday)) return undefined;
  if (calendar.isHoliday(local.toISODate() ?? '')) return undefined;
  const day = local.startOf('day');
  return {
    open: day.set({ hour: calendar.startHour }).toMillis(),
    close: day.set({ hour: calendar.endHour }).toMillis(),
  };
}
