/**
 * Every card the bot sent about a course is remembered with its activity id per recipient,
 * so that a change can update it in place. A proactive card is remembered *before* it is
 * sent, under an id that names the occasion: a job that runs again (jobs run at least once)
 * finds the record and does not send twice.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { ConversationReference, MessageSender, SendResult } from '../messaging';
import {
  createIfMissing,
  queryAll,
  updateDocument,
  type Condition,
  type Doc,
  type Store,
} from '../storage';
import { USERS_CONTAINER, profileIdOf, type PreferredLanguage, type UserProfile } from '../users';
import type { ChangeKind } from './changes';
import type { Course } from './model';
import type { CourseCardKind, CourseCardView, CourseViews } from './views';

export const COURSE_CARDS_CONTAINER = 'course-cards';

/**
 * `sending`: requested, outcome unknown (a crash in between) — never sent again.
 * `retry`: throttled or a server error — the next run of the job tries again.
 * `failed`: blocked, uninstalled or refused — final.
 */
export type CardState = 'sending' | 'sent' | 'retry' | 'failed';

export interface CourseCardRef extends Doc {
  courseId: string;
  userId?: string;
  kind: CourseCardKind;
  organiser: boolean;
  sessionId?: string;
  changes?: ChangeKind[];
  conversation: ConversationReference;
  language: PreferredLanguage;
  state: CardState;
  activityId?: string;
  updatedAt: string;
}

/** Where and in which language a person can be reached. */
export interface Reach {
  conversation: ConversationReference;
  language: PreferredLanguage;
}

export type CardAddress = Pick<
  CourseCardView,
  'kind' | 'userId' | 'organiser' | 'sessionId' | 'changes'
>;

export type Delivered = 'sent' | 'already' | 'unreachable' | 'retry' | 'failed';

export interface MessengerDeps {
  store: Store;
  sender: MessageSender;
  views: CourseViews;
  clock: Clock;
  logger: Logger;
}

export class CourseMessenger {
  constructor(private readonly deps: MessengerDeps) {}

  /** The person's stored conversation; undefined when they have not installed the app. */
  async reachOf(userId: string): Promise<Reach | undefined> {
    const profile = await this.deps.store.get<UserProfile>(
      USERS_CONTAINER,
      profileIdOf({ teamsUserId: '', aadObjectId: userId }),
    );
    if (!profile?.conversation) return undefined;
    return { conversation: profile.conversation, language: profile.language ?? 'de' };
  }

  /** Sends the card once per `refId`, whatever happens to the job that asks. */
  async deliver(
    refId: string,
    course: Course,
    address: CardAddress,
    reach?: Reach,
  ): Promise<Delivered> {
    const to = reach ?? (address.userId ? await this.reachOf(address.userId) : undefined);
    if (!to) return 'unreachable';
    const now = this.deps.clock.now().toISOString();
    const { doc, created } = await createIfMissing<CourseCardRef>(
      this.deps.store,
      COURSE_CARDS_CONTAINER,
      {
        id: refId,
        courseId: course.id,
        ...address,
        conversation: to.conversation,
        language: to.language,
        state: 'sending',
        updatedAt: now,
      },
    );
    if (!created && doc.state !== 'retry') return 'already';
    const result = await this.deps.sender.send(
      doc.conversation,
      this.deps.views.card(this.view(course, doc), doc.language),
    );
    const state = stateOf(result);
    await updateDocument<CourseCardRef>(this.deps.store, COURSE_CARDS_CONTAINER, refId, (ref) => ({
      ...ref,
      state,
      ...(result.ok && { activityId: result.activityId }),
      updatedAt: this.deps.clock.now().toISOString(),
    }));
    if (!result.ok) {
      this.deps.logger.warn(
        { courseId: course.id, kind: address.kind, failure: result.kind },
        'course card not sent',
      );
    }
    return state === 'sent' ? 'sent' : state === 'retry' ? 'retry' : 'failed';
  }

  /** Remembers a card a dialog sent in a turn, so that changes reach it too. */
  async remember(
    course: Course,
    address: CardAddress,
    reach: Reach,
    activityId: string,
  ): Promise<void> {
    const conversationId = String((reach.conversation.conversation as { id?: unknown })?.id ?? '');
    const key = createHash('sha256').update(`${conversationId}\n${activityId}`).digest('hex');
    await createIfMissing<CourseCardRef>(this.deps.store, COURSE_CARDS_CONTAINER, {
      id: `turn:${course.id}:${key.slice(0, 40)}`,
      courseId: course.id,
      ...address,
      conversation: reach.conversation,
      language: reach.language,
      state: 'sent',
      activityId,
      updatedAt: this.deps.clock.now().toISOString(),
    });
  }

  /**
   * Shows the course's current state on every card sent about it (of the given kinds, or
   * of a given person). Returns how many cards were updated and how many could not be.
   */
  async refresh(
    course: Course,
    filter: { kinds?: readonly CourseCardKind[]; userId?: string; organiser?: boolean } = {},
  ): Promise<{ updated: number; failed: number }> {
    const counts = { updated: 0, failed: 0 };
    const where: Condition[] = [
      { field: 'courseId', op: '=', value: course.id },
      { field: 'state', op: '=', value: 'sent' },
    ];
    if (filter.userId) where.push({ field: 'userId', op: '=', value: filter.userId.toLowerCase() });
    if (filter.organiser) where.push({ field: 'organiser', op: '=', value: true });
    for await (const ref of queryAll<CourseCardRef>(this.deps.store, COURSE_CARDS_CONTAINER, {
      where,
      limit: 200,
    })) {
      if (filter.kinds && !filter.kinds.includes(ref.kind)) continue;
      if (!ref.activityId) continue;
      const result = await this.deps.sender.update(
        ref.conversation,
        ref.activityId,
        this.deps.views.card(this.view(course, ref), ref.language),
      );
      counts[result.ok ? 'updated' : 'failed'] += 1;
      if (!result.ok) {
        this.deps.logger.warn(
          { courseId: course.id, kind: ref.kind, failure: result.kind },
          'course card not updated',
        );
      }
    }
    return counts;
  }

  /** Forgets a person's cards (privacy erase); returns how many. */
  async forget(userId: string): Promise<number> {
    let count = 0;
    for await (const ref of queryAll<CourseCardRef>(this.deps.store, COURSE_CARDS_CONTAINER, {
      where: [{ field: 'userId', op: '=', value: userId.toLowerCase() }],
    })) {
      if (await this.deps.store.delete(COURSE_CARDS_CONTAINER, ref.id)) count += 1;
    }
    return count;
  }

  private view(course: Course, ref: CardAddress): CourseCardView {
    return {
      course,
      kind: ref.kind,
      userId: ref.userId,
      organiser: ref.organiser,
      sessionId: ref.sessionId,
      changes: ref.changes,
      now: this.deps.clock.now(),
    };
  }
}

function stateOf(result: SendResult): CardState {
  if (result.ok) return 'sent';
  return result.kind === 'throttled' || result.kind === 'transient' ? 'retry' : 'failed';
}
