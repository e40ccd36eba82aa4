/** Courses: import, registration with waitlist, calendar files, reminders and change notices. */
export {
  COURSES_CONTAINER,
  COURSE_MODES,
  DEFAULT_REMINDERS,
  interestedUserIds,
  registeredSeats,
  seatOf,
  waitlist,
  type Course,
  type CourseAudience,
  type CourseDraft,
  type CourseMode,
  type CourseSession,
  type CourseStatus,
  type Seat,
  type SeatState,
} from './model';
export {
  counts,
  fillFromWaitlist,
  registrationOpen,
  viewerStatus,
  withCancellation,
  withRegistration,
  type CourseCounts,
  type Registered,
  type Unregistered,
  type ViewerStatus,
} from './seats';
export { COURSE_CSV_HEADER, readCourseAudience, type CourseColumn } from './course-csv';
export { courseIdsIn, readCourseCsv, type CourseCsvRead, type PlannedCourse } from './course-plan';
export { COURSE_ZONE, localTimeOf, readLocalTime } from './berlin-time';
export { CITY_REMINDER_RULES, readOffset, reminderTime, type ReminderRules } from './reminder-time';
export {
  COURSE_REMINDER_JOB,
  planReminders,
  rescheduleReminders,
  type ReminderJobSpec,
  type ReminderPayload,
} from './reminder-plan';
export { NOTIFIED_CHANGES, changesBetween, type ChangeKind } from './changes';
export {
  calendarMethod,
  calendarSequence,
  courseCalendar,
  type CalendarPerson,
  type CalendarRequest,
} from './calendar';
export {
  ATTENDEE_CSV_HEADER,
  attendeeCsv,
  attendeesOf,
  type Attendee,
  type AttendeePerson,
} from './attendees';
export { isInAudience, isStaff } from './audience';
export { CourseCatalog } from './catalog';
export {
  COURSE_CARDS_CONTAINER,
  CourseMessenger,
  type CardAddress,
  type CourseCardRef,
  type Reach,
} from './messenger';
export { CourseAnnouncements, announcementIdOf, type Announced } from './announcements';
export type { CourseCardKind, CourseCardView, CourseViews } from './views';
export { DEFAULT_COURSE_SETTINGS, courseSettingsFrom, type CourseSettings } from './settings';
export { CourseRegistrations } from './registrations';
export { Courses, type CoursesOptions, type Imported, type Saved } from './courses';
export { COURSE_CHANGE_JOB, COURSE_MOVED_UP_JOB, CourseJobs } from './course-jobs';
export {
  CALENDAR_TOKENS_CONTAINER,
  COURSE_DOWNLOADS_CONTAINER,
  CourseFiles,
  type Acted,
  type CalendarFile,
  type Refusal,
} from './course-files';
export { coursePrivacySource } from './privacy-source';
