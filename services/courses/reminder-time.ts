/**
 * When a course reminder goes out. Pure, so that it can be tested across the changes to and
 * from summer time, holidays and quiet hours.
 *
 * - An offset counts back from the session's start on the Berlin wall clock: "1 day before"
 *   a Monday 09:00 session is Sunday 09:00 even when the clocks changed in between.
 * - Reminders go out on working days (Monday to Friday, no public holiday of
 *   Baden-Württemberg) between 07:00 and 20:00. One that would fall outside goes out earlier:
 *   at 09:00 on the last working day not after it — the same day for a late-evening time,
 *   the working day before for a night-time, weekend or holiday one. A reminder never comes
 *   later than planned, so it never comes after the session.
 * - Short-notice reminders (one hour or less before) go out exactly on time: they are the
 *   urgent ones.
 */
import { DateTime, Duration } from 'luxon';
import { isBadenWuerttembergHoliday } from '../scheduler';
import { COURSE_ZONE } from './berlin-time';

export interface ReminderRules {
  zone: string;
  /** Local hour from which nothing is sent (inclusive) … */
  quietFrom: number;
  /** … until this local hour (exclusive). */
  quietUntil: number;
  /** The local hour a moved reminder goes out at. */
  movedToHour: number;
  /** Whether Saturday and Sunday count as days reminders may go out on. */
  weekends: boolean;
  /** Offsets up to this many minutes are urgent and never moved. */
  shortNoticeMinutes: number;
  isHoliday(isoDate: string): boolean;
}

export const CITY_REMINDER_RULES: ReminderRules = {
  zone: COURSE_ZONE,
  quietFrom: 20,
  quietUntil: 7,
  movedToHour: 9,
  weekends: false,
  shortNoticeMinutes: 60,
  isHoliday: isBadenWuerttembergHoliday,
};

/** A scan back over more days than this means the rules allow no day at all. */
const MAX_DAYS_BACK = 60;

/** An ISO 8601 duration such as `P7D`, `P1D`, `PT1H`, `PT30M`; undefined when it is not one. */
export function readOffset(text: string): Duration | undefined {
  const duration = Duration.fromISO(text);
  if (!duration.isValid || duration.as('minutes') <= 0) return undefined;
  return duration;
}

/** The instant the reminder `offset` before `sessionStart` goes out. */
export function reminderTime(
  sessionStart: Date,
  offset: string,
  rules: ReminderRules = CITY_REMINDER_RULES,
): Date {
  const duration = readOffset(offset);
  if (!duration) throw new RangeError(`invalid reminder offset: ${offset}`);
  const planned = DateTime.fromJSDate(sessionStart, { zone: rules.zone }).minus(duration);
  if (duration.as('minutes') <= rules.shortNoticeMinutes) return planned.toJSDate();
  if (isSendDay(planned, rules) && !isQuietHour(planned.hour, rules)) return planned.toJSDate();

  // Evenings move to the morning of the same day; nights belong to the day before.
  let day = planned.hour < rules.quietUntil ? planned.minus({ days: 1 }) : planned;
  for (let step = 0; step < MAX_DAYS_BACK && !isSendDay(day, rules); step++) {
    day = day.minus({ days: 1 });
  }
  if (!isSendDay(day, rules)) throw new RangeError('the reminder rules allow no day to send on');
  return day.set({ hour: rules.movedToHour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

function isQuietHour(hour: number, rules: ReminderRules): boolean {
  return hour >= rules.quietFrom || hour < rules.quietUntil;
}

function isSendDay(local: DateTime, rules: ReminderRules): boolean {
  if (!rules.weekends && local.weekday >= 6) return false;
  return !rules.isHoliday(local.toISODate() ?? '');
}
