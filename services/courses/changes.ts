/** What changed between two versions of a course, and whether people must hear about it. */
import type { Course, CourseSession } from './model';

export type ChangeKind =
  | 'cancelled'
  /** A session starts or ends at another time, or sessions were added or removed. */
  | 'time'
  | 'place'
  /** From presence or hybrid to online only. */
  | 'online'
  /** Any other change of mode. */
  | 'mode'
  | 'link'
  /** Title or description. */
  | 'details'
  /** Capacity, deadline, audience, reminders: the cards show it, nobody is told. */
  | 'terms';

/** Changes that registered people are told about. */
export const NOTIFIED_CHANGES: ReadonlySet<ChangeKind> = new Set([
  'cancelled',
  'time',
  'place',
  'online',
  'mode',
  'link',
]);

export function changesBetween(before: Course, after: Course): ChangeKind[] {
  const kinds: ChangeKind[] = [];
  if (before.status !== 'cancelled' && after.status === 'cancelled') kinds.push('cancelled');
  const times = (s: CourseSession) => `${s.start}/${s.end}`;
  if (differ(before.sessions, after.sessions, times)) kinds.push('time');
  if (differ(before.sessions, after.sessions, (s) => s.place ?? '')) kinds.push('place');
  if (before.mode !== after.mode) kinds.push(after.mode === 'online' ? 'online' : 'mode');
  if (differ(before.sessions, after.sessions, (s) => s.onlineLink ?? '')) kinds.push('link');
  if (before.title !== after.title || before.description !== after.description) {
    kinds.push('details');
  }
  const terms = (c: Course) =>
    JSON.stringify([c.capacity, c.registrationDeadline, c.audience, c.reminders]);
  if (terms(before) !== terms(after)) kinds.push('terms');
  return kinds;
}

/** Whether the calendar entries change: then the version (and SEQUENCE) rises. */
export function changesCalendar(kinds: readonly ChangeKind[]): boolean {
  return kinds.some((kind) => kind !== 'terms');
}

function differ(
  before: readonly CourseSession[],
  after: readonly CourseSession[],
  key: (session: CourseSession) => string,
): boolean {
  return before.map(key).join('|') !== after.map(key).join('|');
}
