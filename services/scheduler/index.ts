/** Durable jobs with leases (escalations, reminders, retention) and working-time arithmetic. */
export {
  JOBS_CONTAINER,
  type Job,
  type JobContext,
  type JobHandler,
  type JobPayload,
  type JobRequest,
  type JobState,
} from './job';
export { Scheduler, type RunSummary, type Scheduled, type SchedulerOptions } from './scheduler';
export { DEFAULT_BACKOFF, retryDelayMs, type Backoff } from './backoff';
export {
  CITY_CALENDAR,
  addWorkingDays,
  addWorkingHours,
  isWorkingTime,
  nextWorkingTime,
  type WorkingCalendar,
} from './working-time';
export { isBadenWuerttembergHoliday } from './holidays';
