/**
 * The reminder jobs of a course: one per session and offset. A job's id names its course,
 * session, offset and due time, so that planning again changes nothing while the course
 * stays the same, and a moved session gets new jobs while the old ones are cancelled.
 */
import type { JobPayload, Scheduler } from '../scheduler';
import type { Course } from './model';
import { CITY_REMINDER_RULES, readOffset, reminderTime, type ReminderRules } from './reminder-time';

export const COURSE_REMINDER_JOB = 'course.reminder';

export interface ReminderPayload extends JobPayload {
  courseId: string;
  sessionId: string;
  offset: string;
}

/** A job as the scheduler takes it. */
export interface ReminderJobSpec {
  id: string;
  kind: typeof COURSE_REMINDER_JOB;
  dueAt: Date;
  payload: ReminderPayload;
}

/**
 * Every reminder of the course, whether due or past. Two offsets of one session that land
 * on the same moment (both moved to the same morning) give one reminder, the nearer one.
 */
export function planReminders(
  course: Course,
  rules: ReminderRules = CITY_REMINDER_RULES,
): ReminderJobSpec[] {
  if (course.status !== 'open') return [];
  const jobs = new Map<string, ReminderJobSpec>();
  for (const session of course.sessions) {
    const start = new Date(session.start);
    const byTime = new Map<number, ReminderJobSpec>();
    for (const offset of course.reminders) {
      const dueAt = reminderTime(start, offset, rules);
      const same = byTime.get(dueAt.getTime());
      if (same && minutes(same.payload.offset) <= minutes(offset)) continue;
      byTime.set(dueAt.getTime(), {
        id: `course-reminder:${course.id}:${session.id}:${offset}:${dueAt.getTime()}`,
        kind: COURSE_REMINDER_JOB,
        dueAt,
        payload: { courseId: course.id, sessionId: session.id, offset },
      });
    }
    for (const job of byTime.values()) jobs.set(job.id, job);
  }
  return [...jobs.values()].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * Brings the scheduled jobs from the plan of `before` to that of `after`: jobs no longer
 * planned are cancelled, planned ones still ahead are scheduled (idempotent by id).
 */
export async function rescheduleReminders(
  scheduler: Scheduler,
  before: Course | undefined,
  after: Course,
  now: Date,
  rules: ReminderRules = CITY_REMINDER_RULES,
): Promise<{ scheduled: number; cancelled: number }> {
  const planned = planReminders(after, rules);
  const keep = new Set(planned.map((job) => job.id));
  let cancelled = 0;
  for (const job of before ? planReminders(before, rules) : []) {
    if (!keep.has(job.id) && (await scheduler.cancel(job.id))) cancelled += 1;
  }
  let scheduled = 0;
  for (const job of planned) {
    if (job.dueAt <= now) continue;
    if ((await scheduler.schedule(job)).created) scheduled += 1;
  }
  return { scheduled, cancelled };
}

function minutes(offset: string): number {
  return readOffset(offset)?.as('minutes') ?? Number.POSITIVE_INFINITY;
}
