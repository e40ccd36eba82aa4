/**
 * The course notifier on the broadcast pipeline: the announcement and every change notice
 * are broadcasts (rate-aware delivery, approval above the threshold, delivery report), and
 * a change edits them, which updates every delivered card in place.
 *
 * The audience is resolved here, with the course's rules (a unit includes the units below
 * it, staff only), and handed over as the list of people, so that the list in Teams and the
 * announcement always agree.
 */
import { createHash } from 'node:crypto';
import { BroadcastError, type BroadcastMessages, type Broadcasts } from '../broadcast';
import type { Clock } from '../clock';
import type { OrgDirectory } from '../directory';
import { createIfMissing, updateDocument, type Doc, type Store } from '../storage';
import { audienceMembers } from './audience';
import type { ChangeKind } from './changes';
import type { Course } from './model';
import type { CourseChangeNotice, CourseNotifier } from './notifier';
import type { CourseCardKind, CourseViews } from './views';

export const COURSE_BROADCASTS_CONTAINER = 'course-broadcasts';

/** The broadcasts made for one course, to edit them when it changes. */
interface CourseBroadcasts extends Doc {
  broadcasts: Array<{ id: string; kind: CourseCardKind; changes?: ChangeKind[] }>;
}

export class BroadcastCourseNotifier implements CourseNotifier {
  constructor(
    private readonly deps: {
      broadcasts: Broadcasts;
      directory: OrgDirectory;
      views: CourseViews;
      store: Store;
      clock: Clock;
    },
  ) {}

  async announce(course: Course): Promise<boolean> {
    const members = await audienceMembers(this.deps.directory, course.audience);
    const id = `course-${course.id}`;
    const created = await this.createOnce({
      id,
      title: course.title,
      createdBy: course.organiser,
      audience: { kind: 'users', userIds: members.map((user) => user.id.toLowerCase()) },
      messages: this.messages(course, 'announcement'),
    });
    if (!created) return false;
    await this.remember(course.id, { id, kind: 'announcement' });
    await this.deps.broadcasts.submit(id);
    return true;
  }

  async notifyChange(
    course: Course,
    change: CourseChangeNotice,
    userIds: readonly string[],
  ): Promise<void> {
    if (userIds.length === 0) return;
    const id = `course-${course.id}-${createHash('sha256').update(change.id).digest('hex').slice(0, 24)}`;
    await this.createOnce({
      id,
      title: course.title,
      createdBy: course.organiser,
      audience: { kind: 'users', userIds: [...userIds] },
      messages: this.messages(course, 'notice', change.changes),
    });
    await this.remember(course.id, { id, kind: 'notice', changes: change.changes });
    // A rerun of the change job finds the broadcast submitted already.
    if ((await this.deps.broadcasts.get(id))?.status === 'draft') {
      await this.deps.broadcasts.submit(id);
    }
  }

  async refresh(course: Course): Promise<void> {
    const made = await this.deps.store.get<CourseBroadcasts>(
      COURSE_BROADCASTS_CONTAINER,
      course.id,
    );
    for (const broadcast of made?.broadcasts ?? []) {
      const current = await this.deps.broadcasts.get(broadcast.id);
      if (!current || current.recalledAt) continue;
      await this.deps.broadcasts.edit(
        broadcast.id,
        this.messages(course, broadcast.kind, broadcast.changes),
      );
    }
  }

  private messages(
    course: Course,
    kind: CourseCardKind,
    changes?: ChangeKind[],
  ): BroadcastMessages {
    // One card for all recipients: no personal status, as on the shared announcement.
    const view = { course, kind, organiser: false, changes, now: this.deps.clock.now() };
    return { de: this.deps.views.card(view, 'de'), en: this.deps.views.card(view, 'en') };
  }

  /** Creates the broadcast unless it exists; false when it did. */
  private async createOnce(input: Parameters<Broadcasts['create']>[0]): Promise<boolean> {
    try {
      await this.deps.broadcasts.create(input);
      return true;
    } catch (error) {
      if (error instanceof BroadcastError && error.code === 'invalid-state') return false;
      throw error;
    }
  }

  private async remember(
    courseId: string,
    entry: CourseBroadcasts['broadcasts'][number],
  ): Promise<void> {
    await createIfMissing<CourseBroadcasts>(this.deps.store, COURSE_BROADCASTS_CONTAINER, {
      id: courseId,
      broadcasts: [],
    });
    await updateDocument<CourseBroadcasts>(
      this.deps.store,
      COURSE_BROADCASTS_CONTAINER,
      courseId,
      (current) =>
        current.broadcasts.some((known) => known.id === entry.id)
          ? undefined
          : { ...current, broadcasts: [...current.broadcasts, entry] },
    );
  }
}
