/**
 * Employees register for a course, join its waitlist and cancel: each change is one
 * conditional write of the course; who moved up gets their job, and every card whose seat
 * changed shows it at once.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { CourseCatalog } from './catalog';
import type { CourseFiles } from './course-files';
import type { CourseJobs } from './course-jobs';
import type { CourseMessenger } from './messenger';
import { seatOf, type Course } from './model';
import { withCancellation, withRegistration, type Registered, type Unregistered } from './seats';

export interface CourseRegistrationsDeps {
  clock: Clock;
  catalog: CourseCatalog;
  files: CourseFiles;
  jobs: CourseJobs;
  messenger: CourseMessenger;
  logger: Logger;
}

export class CourseRegistrations {
  constructor(private readonly deps: CourseRegistrationsDeps) {}

  async register(
    courseId: string,
    userId: string,
  ): Promise<Registered | { ok: false; reason: 'unknown' }> {
    const now = this.deps.clock.now();
    const token = randomBytes(24).toString('base64url');
    let outcome: Registered | undefined;
    let movedUp: string[] = [];
    const updated = await this.deps.catalog.update(courseId, (current) => {
      const result = withRegistration(current, userId, now, token);
      outcome = result.outcome;
      movedUp = result.movedUp;
      return result.next;
    });
    if (!updated || !outcome) return { ok: false, reason: 'unknown' };
    if (updated.changed) {
      const seat = seatOf(updated.doc, userId);
      if (seat) await this.deps.files.rememberCalendarToken(courseId, seat);
      await this.deps.jobs.movedUp(updated.doc, movedUp);
      await this.afterSeatChange(updated.doc, [userId, ...movedUp]);
    }
    return outcome;
  }

  async unregister(
    courseId: string,
    userId: string,
  ): Promise<Unregistered | { ok: false; reason: 'unknown' }> {
    const now = this.deps.clock.now();
    let outcome: Unregistered | undefined;
    const updated = await this.deps.catalog.update(courseId, (current) => {
      const result = withCancellation(current, userId, now);
      outcome = result.outcome;
      return result.next;
    });
    if (!updated || !outcome) return { ok: false, reason: 'unknown' };
    if (updated.changed && outcome.ok) {
      await this.deps.jobs.movedUp(updated.doc, outcome.movedUp);
      await this.afterSeatChange(updated.doc, [userId, ...outcome.movedUp]);
    }
    return outcome;
  }

  /** The cards of everyone whose seat changed, and the organisers' counts, show it at once. */
  private async afterSeatChange(course: Course, userIds: readonly string[]): Promise<void> {
    try {
      for (const userId of userIds) await this.deps.messenger.refresh(course, { userId });
      await this.deps.messenger.refresh(course, { organiser: true });
    } catch (error) {
      // The registration stands; a card showing an older state is no reason to fail it.
      this.deps.logger.warn(
        { courseId: course.id, err: (error as Error).name },
        'cards not refreshed',
      );
    }
  }
}
