import type { OutgoingMessage } from '../messaging';
import type { PreferredLanguage } from '../users';
import type { ChangeKind } from './changes';
import type { Course } from './model';

/** Why a card about a course was sent; its headline and buttons follow from it. */
export type CourseCardKind =
  /** The announcement to the audience: the same for everyone, no personal status. */
  | 'announcement'
  /** A course opened from the list. */
  | 'details'
  /** After registering or cancelling. */
  | 'confirmation'
  /** Before a session. */
  | 'reminder'
  /** The course changed or was cancelled. */
  | 'notice'
  /** A seat became free and is now theirs. */
  | 'moved-up';

/** Everything a card shows, taken from the stored state when it is rendered. */
export interface CourseCardView {
  course: Course;
  kind: CourseCardKind;
  /** Whose card it is (status, calendar link); none on the shared announcement. */
  userId?: string;
  /** Organisers see the counts and their buttons. */
  organiser: boolean;
  /** The session a reminder is for. */
  sessionId?: string;
  /** What a notice reports. */
  changes?: ChangeKind[];
  now: Date;
}

/**
 * The port to the cards: the service decides what is sent to whom, the views (in cards/)
 * what it looks like in the recipient's language.
 */
export interface CourseViews {
  card(view: CourseCardView, language: PreferredLanguage): OutgoingMessage;
}
