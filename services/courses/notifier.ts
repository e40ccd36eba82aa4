/**
 * Messages to many people about a course: the announcement to its audience and the change
 * notice to everyone registered or waiting. This is the seam to the broadcast pipeline
 * (rate-aware delivery, edit and recall of delivered cards); until that is wired, the direct
 * notifier below delivers through the course messenger in a durable job.
 */
import type { OrgDirectory } from '../directory';
import type { Logger } from '../logging';
import type { Job, JobPayload, Scheduler } from '../scheduler';
import { audienceMembers } from './audience';
import type { CourseCatalog } from './catalog';
import type { ChangeKind } from './changes';
import type { CourseMessenger, Delivered } from './messenger';
import type { Course } from './model';

/** A change as the change job reports it; `id` makes its notices idempotent. */
export interface CourseChangeNotice {
  id: string;
  changes: ChangeKind[];
}

export interface CourseNotifier {
  /** Sends the announcement to the course's audience; false when it was already sent. */
  announce(course: Course): Promise<boolean>;
  /** Tells these people (Entra object ids) what changed. */
  notifyChange(
    course: Course,
    change: CourseChangeNotice,
    userIds: readonly string[],
  ): Promise<void>;
  /** Shows the course's current state on the announcements and notices already delivered. */
  refresh(course: Course): Promise<void>;
}

export const COURSE_ANNOUNCE_JOB = 'course.announce';

interface AnnouncePayload extends JobPayload {
  courseId: string;
}

/** Thrown when some deliveries must be tried again: the scheduler reruns the job later. */
export class DeliveriesPending extends Error {
  constructor(count: number) {
    super(`${count} deliveries to retry`);
    this.name = 'DeliveriesPending';
  }
}

export class DirectCourseNotifier implements CourseNotifier {
  constructor(
    private readonly deps: {
      catalog: CourseCatalog;
      messenger: CourseMessenger;
      directory: OrgDirectory;
      scheduler: Scheduler;
      logger: Logger;
    },
  ) {
    deps.scheduler.register<AnnouncePayload>(COURSE_ANNOUNCE_JOB, (job) =>
      this.runAnnouncement(job),
    );
  }

  async announce(course: Course): Promise<boolean> {
    const { created } = await this.deps.scheduler.schedule<AnnouncePayload>({
      id: `course-announce:${course.id}`,
      kind: COURSE_ANNOUNCE_JOB,
      dueAt: new Date(0),
      payload: { courseId: course.id },
    });
    return created;
  }

  async notifyChange(
    course: Course,
    change: CourseChangeNotice,
    userIds: readonly string[],
  ): Promise<void> {
    const outcomes: Delivered[] = [];
    for (const userId of userIds) {
      outcomes.push(
        await this.deps.messenger.deliver(`notice:${change.id}:${userId}`, course, {
          kind: 'notice',
          userId,
          organiser: false,
          changes: change.changes,
        }),
      );
    }
    settleDeliveries(outcomes);
  }

  async refresh(course: Course): Promise<void> {
    await this.deps.messenger.refresh(course, { kinds: ['announcement', 'notice'] });
  }

  private async runAnnouncement(job: Job<AnnouncePayload>): Promise<void> {
    const course = await this.deps.catalog.get(job.payload.courseId);
    if (!course || course.status !== 'open') return;
    const outcomes: Delivered[] = [];
    // One after the other; pacing by the Teams limits is the broadcast pipeline's job.
    for (const user of await audienceMembers(this.deps.directory, course.audience)) {
      const userId = user.id.toLowerCase();
      outcomes.push(
        await this.deps.messenger.deliver(`announce:${course.id}:${userId}`, course, {
          kind: 'announcement',
          userId,
          organiser: false,
        }),
      );
    }
    this.deps.logger.info(
      { courseId: course.id, sent: outcomes.filter((o) => o === 'sent').length },
      'course announced',
    );
    settleDeliveries(outcomes);
  }
}

/** Ends a job run: throws when some deliveries must be tried again. */
export function settleDeliveries(outcomes: readonly Delivered[]): void {
  const pending = outcomes.filter((outcome) => outcome === 'retry').length;
  if (pending > 0) throw new DeliveriesPending(pending);
}
