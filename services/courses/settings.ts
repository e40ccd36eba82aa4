/** What an installation sets for courses: default reminders and their rules, calendar ids. */
import type { Config } from '../config';
import { DEFAULT_REMINDERS } from './model';
import { CITY_REMINDER_RULES, type ReminderRules } from './reminder-time';

export interface CourseSettings {
  /** Offsets for new courses (ISO 8601 durations). */
  reminders: readonly string[];
  reminderRules: ReminderRules;
  /** ORGANIZER of calendar files when the organiser's address is unknown (CLI imports). */
  calendarEmail: string;
  /** Domain part of calendar event ids. */
  uidDomain: string;
}

export const DEFAULT_COURSE_SETTINGS: CourseSettings = {
  reminders: DEFAULT_REMINDERS,
  reminderRules: CITY_REMINDER_RULES,
  calendarEmail: 'digitallotse@localhost.invalid',
  uidDomain: 'digitallotse.local',
};

/** The settings as the environment gives them (COURSE_*, PUBLIC_BASE_URL). */
export function courseSettingsFrom(
  config: Pick<Config, 'courses' | 'publicBaseUrl'>,
): CourseSettings {
  return {
    reminders: config.courses.reminders,
    reminderRules: { ...CITY_REMINDER_RULES, weekends: config.courses.remindersOnWeekends },
    calendarEmail: config.courses.calendarEmail,
    uidDomain: new URL(config.publicBaseUrl).hostname,
  };
}
