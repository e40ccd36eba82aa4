/**
 * A course's announcement to its audience goes through the broadcast pipeline: rate-aware
 * delivery, a second organiser's approval above the threshold, the live delivery report,
 * and every delivered card edited in place when the course changes.
 *
 * The audience is resolved here, with the course's rules (a unit includes the units below
 * it, staff only), and handed over as the list of people, so that the list in Teams and the
 * announcement always agree. One course has one announcement: its broadcast id is the
 * course's, so a second click, a crash between the steps or two instances cannot send it twice.
 */
import {
  BroadcastError,
  type Broadcast,
  type BroadcastMessages,
  type Broadcasts,
  type Submitted,
} from '../broadcast';
import type { Clock } from '../clock';
import type { OrgDirectory } from '../directory';
import type { Stored } from '../storage';
import { audienceMembers } from './audience';
import type { Course } from './model';
import type { CourseViews } from './views';

export type Announced =
  /** Queued for sending, or waiting for a second organiser when it reaches many. */
  | ({ kind: 'submitted' } & Submitted)
  /** Sent (or on its way, or awaiting approval) before. */
  | { kind: 'already'; broadcast: Stored<Broadcast> };

/** Statuses in which no recipient has the card yet. */
const UNSENT: ReadonlySet<Broadcast['status']> = new Set(['draft', 'awaiting-approval', 'queued']);

export function announcementIdOf(courseId: string): string {
  return `course-${courseId}`;
}

export class CourseAnnouncements {
  constructor(
    private readonly deps: {
      broadcasts: Broadcasts;
      directory: OrgDirectory;
      views: CourseViews;
      clock: Clock;
    },
  ) {}

  /** Submits the course's announcement, created on first use; `announcedBy` is its author. */
  async announce(course: Course, announcedBy: string): Promise<Announced> {
    const { broadcasts } = this.deps;
    const id = announcementIdOf(course.id);
    const existing = (await broadcasts.get(id)) ?? (await this.create(course, announcedBy));
    // A draft is one whose approval was declined, or whose submit a crash interrupted.
    if (existing.status !== 'draft') return { kind: 'already', broadcast: existing };
    try {
      return { kind: 'submitted', ...(await broadcasts.submit(id)) };
    } catch (error) {
      if (!(error instanceof BroadcastError && error.code === 'invalid-state')) throw error;
      // Submitted by someone else in the meantime.
      return { kind: 'already', broadcast: (await broadcasts.get(id)) ?? existing };
    }
  }

  /**
   * Shows the course's current state on every delivered announcement. A cancelled course's
   * announcement that has reached nobody yet is not sent at all.
   */
  async refresh(course: Course): Promise<void> {
    const { broadcasts } = this.deps;
    const id = announcementIdOf(course.id);
    const broadcast = await broadcasts.get(id);
    if (!broadcast || broadcast.recalledAt) return;
    if (course.status === 'cancelled' && UNSENT.has(broadcast.status)) {
      await broadcasts.recall(id);
      return;
    }
    const messages = this.messages(course);
    // A rerun of the change job must not update every delivered card once more.
    if (JSON.stringify(messages) === JSON.stringify(broadcast.messages)) return;
    await broadcasts.edit(id, messages);
  }

  private async create(course: Course, announcedBy: string): Promise<Stored<Broadcast>> {
    const { broadcasts, directory } = this.deps;
    const members = await audienceMembers(directory, course.audience);
    try {
      return await broadcasts.create({
        id: announcementIdOf(course.id),
        title: course.title,
        createdBy: announcedBy,
        audience: { kind: 'users', userIds: members.map((user) => user.id.toLowerCase()) },
        messages: this.messages(course),
      });
    } catch (error) {
      if (!(error instanceof BroadcastError && error.code === 'invalid-state')) throw error;
      // Created by someone else in the meantime.
      const created = await broadcasts.get(announcementIdOf(course.id));
      if (!created) throw error;
      return created;
    }
  }

  private messages(course: Course): BroadcastMessages {
    // One card for all recipients: no personal status; registering updates it for the clicker.
    const view = {
      course,
      kind: 'announcement' as const,
      organiser: false,
      now: this.deps.clock.now(),
    };
    return { de: this.deps.views.card(view, 'de'), en: this.deps.views.card(view, 'en') };
  }
}
