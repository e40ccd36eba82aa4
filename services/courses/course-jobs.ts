/**
 * The course's durable jobs: reminders before each session, the change job (notices and
 * card updates) and the message to someone who moved up from the waitlist. Each handler
 * re-reads the course and does nothing when the state has moved on: jobs run at least once.
 */
import type { Clock } from '../clock';
import type { Job, JobPayload, Scheduler } from '../scheduler';
import type { CourseAnnouncements } from './announcements';
import type { CourseCatalog } from './catalog';
import { NOTIFIED_CHANGES, type ChangeKind } from './changes';
import type { CourseMessenger, Delivered } from './messenger';
import { interestedUserIds, registeredSeats, seatOf, type Course } from './model';
import {
  COURSE_REMINDER_JOB,
  planReminders,
  rescheduleReminders,
  type ReminderPayload,
} from './reminder-plan';
import type { ReminderRules } from './reminder-time';

export const COURSE_CHANGE_JOB = 'course.change';
export const COURSE_MOVED_UP_JOB = 'course.moved-up';

interface ChangePayload extends JobPayload {
  courseId: string;
  changes: ChangeKind[];
}

interface MovedUpPayload extends JobPayload {
  courseId: string;
  userId: string;
  since: string;
}

export interface CourseJobsDeps {
  scheduler: Scheduler;
  clock: Clock;
  catalog: CourseCatalog;
  messenger: CourseMessenger;
  announcements: CourseAnnouncements;
  rules: ReminderRules;
}

/** Thrown when some deliveries must be tried again: the scheduler reruns the job later. */
class DeliveriesPending extends Error {
  constructor(count: number) {
    super(`${count} deliveries to retry`);
    this.name = 'DeliveriesPending';
  }
}

export class CourseJobs {
  constructor(private readonly deps: CourseJobsDeps) {
    deps.scheduler
      .register<ReminderPayload>(COURSE_REMINDER_JOB, (job) => this.runReminder(job))
      .register<ChangePayload>(COURSE_CHANGE_JOB, (job) => this.runChange(job))
      .register<MovedUpPayload>(COURSE_MOVED_UP_JOB, (job) => this.runMovedUp(job));
  }

  /** Moves the reminder jobs from the plan of `before` to that of `after`. */
  reschedule(before: Course | undefined, after: Course) {
    return rescheduleReminders(
      this.deps.scheduler,
      before,
      after,
      this.deps.clock.now(),
      this.deps.rules,
    );
  }

  /** Starts the change handling now: notices to the people concerned, cards updated. */
  async changed(before: Course, after: Course, changes: ChangeKind[]): Promise<void> {
    await this.reschedule(before, after);
    await this.deps.scheduler.schedule<ChangePayload>({
      id: `course-change:${after.id}:${after.version}:${after.updatedAt}`,
      kind: COURSE_CHANGE_JOB,
      dueAt: this.deps.clock.now(),
      payload: { courseId: after.id, changes },
    });
  }

  /** One message per move-up: the job id names the seat and when it was given. */
  async movedUp(course: Course, userIds: readonly string[]): Promise<void> {
    for (const userId of userIds) {
      const seat = seatOf(course, userId);
      if (!seat) continue;
      await this.deps.scheduler.schedule<MovedUpPayload>({
        id: `course-moved-up:${course.id}:${seat.userId}:${seat.since}`,
        kind: COURSE_MOVED_UP_JOB,
        dueAt: this.deps.clock.now(),
        payload: { courseId: course.id, userId: seat.userId, since: seat.since },
      });
    }
  }

  /**
   * Makes sure every upcoming course has its reminder jobs (idempotent by id): after a crash
   * between saving a course and scheduling, or when the reminder rules changed.
   */
  async ensureReminderJobs(): Promise<number> {
    let scheduled = 0;
    for (const course of await this.deps.catalog.upcoming(this.deps.clock.now())) {
      scheduled += (await this.reschedule(undefined, course)).scheduled;
    }
    return scheduled;
  }

  private async runReminder(job: Job<ReminderPayload>): Promise<void> {
    const course = await this.deps.catalog.get(job.payload.courseId);
    if (!course || course.status !== 'open') return;
    // A job of an older plan (the session moved, the offsets changed) has nothing to do.
    if (!planReminders(course, this.deps.rules).some((planned) => planned.id === job.id)) return;
    const outcomes: Delivered[] = [];
    for (const seat of registeredSeats(course)) {
      outcomes.push(
        await this.deps.messenger.deliver(`reminder:${job.id}:${seat.userId}`, course, {
          kind: 'reminder',
          userId: seat.userId,
          organiser: false,
          sessionId: job.payload.sessionId,
        }),
      );
    }
    settleDeliveries(outcomes);
  }

  private async runChange(job: Job<ChangePayload>): Promise<void> {
    const course = await this.deps.catalog.get(job.payload.courseId);
    if (!course) return;
    // Every card already sent shows the new state; then the notices go out.
    await this.deps.messenger.refresh(course, {
      kinds: ['details', 'confirmation', 'reminder', 'moved-up', 'notice'],
    });
    await this.deps.announcements.refresh(course);
    const notified = job.payload.changes.filter((change) => NOTIFIED_CHANGES.has(change));
    // Personal notices, each with the person's calendar file; the job id makes them idempotent.
    const outcomes: Delivered[] = [];
    for (const userId of notified.length > 0 ? interestedUserIds(course) : []) {
      outcomes.push(
        await this.deps.messenger.deliver(`notice:${job.id}:${userId}`, course, {
          kind: 'notice',
          userId,
          organiser: false,
          changes: notified,
        }),
      );
    }
    settleDeliveries(outcomes);
  }

  private async runMovedUp(job: Job<MovedUpPayload>): Promise<void> {
    const course = await this.deps.catalog.get(job.payload.courseId);
    const seat = course && seatOf(course, job.payload.userId);
    if (!course || course.status !== 'open') return;
    if (seat?.state !== 'registered' || seat.since !== job.payload.since) return;
    settleDeliveries([
      await this.deps.messenger.deliver(
        `moved-up:${course.id}:${seat.userId}:${seat.since}`,
        course,
        { kind: 'moved-up', userId: seat.userId, organiser: false },
      ),
    ]);
  }
}

/** Ends a job run: throws when some deliveries must be tried again. */
function settleDeliveries(outcomes: readonly Delivered[]): void {
  const pending = outcomes.filter((outcome) => outcome === 'retry').length;
  if (pending > 0) throw new DeliveriesPending(pending);
}
