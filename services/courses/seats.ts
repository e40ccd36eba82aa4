/**
 * The seat rules, pure: register, wait, cancel, move up. Each function returns the next
 * course state (or none when nothing changes), so that `updateDocument` can apply it as one
 * conditional write and repeat it after a conflict.
 */
import { registeredSeats, seatOf, waitlist, type Course, type Seat, type SeatState } from './model';

/** What the person sees about a course on a card or in the list. */
export type ViewerStatus =
  | { kind: 'registered' }
  | { kind: 'waitlisted'; position: number }
  | { kind: 'free'; seatsLeft: number }
  | { kind: 'full' }
  | { kind: 'closed' }
  | { kind: 'cancelled' };

export type Registered =
  | { ok: true; state: 'registered' | 'waitlisted'; position?: number; already: boolean }
  | { ok: false; reason: 'closed' | 'cancelled' };

export type Unregistered =
  | { ok: true; previous: 'registered' | 'waitlisted'; movedUp: string[] }
  | { ok: false; reason: 'not-registered' | 'cancelled' };

export interface CourseCounts {
  capacity: number;
  registered: number;
  waitlisted: number;
}

/** Registration is open until the deadline, and never once the course has begun. */
export function registrationOpen(course: Course, now: Date): boolean {
  const at = now.toISOString();
  return course.status === 'open' && at <= course.registrationDeadline && at < course.firstStart;
}

export function counts(course: Course): CourseCounts {
  return {
    capacity: course.capacity,
    registered: registeredSeats(course).length,
    waitlisted: waitlist(course).length,
  };
}

export function viewerStatus(course: Course, userId: string | undefined, now: Date): ViewerStatus {
  if (course.status === 'cancelled') return { kind: 'cancelled' };
  const seat = userId === undefined ? undefined : seatOf(course, userId);
  if (seat?.state === 'registered') return { kind: 'registered' };
  if (seat?.state === 'waitlisted') {
    return { kind: 'waitlisted', position: waitlist(course).indexOf(seat) + 1 };
  }
  if (!registrationOpen(course, now)) return { kind: 'closed' };
  const left = course.capacity - registeredSeats(course).length;
  return left > 0 && waitlist(course).length === 0
    ? { kind: 'free', seatsLeft: left }
    : { kind: 'full' };
}

/**
 * The course after `userId` registered: a seat while there is one, else the end of the
 * waitlist. No `next` when nothing changes (already registered or waiting, or refused).
 */
export function withRegistration(
  course: Course,
  userId: string,
  now: Date,
  calendarToken: string,
): { next?: Course; outcome: Registered; movedUp: string[] } {
  if (course.status === 'cancelled') {
    return { outcome: { ok: false, reason: 'cancelled' }, movedUp: [] };
  }
  const existing = seatOf(course, userId);
  if (existing && existing.state !== 'cancelled') {
    return { outcome: outcomeFor(course, existing, true), movedUp: [] };
  }
  if (!registrationOpen(course, now)) {
    return { outcome: { ok: false, reason: 'closed' }, movedUp: [] };
  }
  const seat: Seat = existing
    ? { ...existing, state: 'waitlisted', since: now.toISOString(), changes: existing.changes + 1 }
    : {
        userId: userId.toLowerCase(),
        state: 'waitlisted',
        since: now.toISOString(),
        calendarToken,
        changes: 0,
      };
  const seats = [...course.seats.filter((s) => s.userId !== seat.userId), seat];
  const { course: next, movedUp } = fillFromWaitlist({ ...course, seats }, now);
  const mine = seatOf(next, userId) as Seat;
  return {
    next,
    outcome: outcomeFor(next, mine, false),
    // Others only move up here when seats were free while people waited (capacity raised).
    movedUp: movedUp.filter((id) => id !== seat.userId),
  };
}

/** The course after `userId` gave up their seat or left the waitlist; seats freed move up. */
export function withCancellation(
  course: Course,
  userId: string,
  now: Date,
): { next?: Course; outcome: Unregistered } {
  if (course.status === 'cancelled') return { outcome: { ok: false, reason: 'cancelled' } };
  const seat = seatOf(course, userId);
  if (!seat || seat.state === 'cancelled') {
    return { outcome: { ok: false, reason: 'not-registered' } };
  }
  const seats = course.seats.map((s) =>
    s === seat
      ? { ...s, state: 'cancelled' as SeatState, since: now.toISOString(), changes: s.changes + 1 }
      : s,
  );
  const { course: next, movedUp } = fillFromWaitlist({ ...course, seats }, now);
  return { next, outcome: { ok: true, previous: seat.state, movedUp } };
}

/**
 * Gives free seats to the waitlist, first come first served. Only before the course begins:
 * joining a multi-day course half-way helps nobody.
 */
export function fillFromWaitlist(course: Course, now: Date): { course: Course; movedUp: string[] } {
  if (course.status !== 'open' || now.toISOString() >= course.firstStart) {
    return { course, movedUp: [] };
  }
  const free = course.capacity - registeredSeats(course).length;
  const moving = new Set(waitlist(course).slice(0, Math.max(0, free)));
  if (moving.size === 0) return { course, movedUp: [] };
  const at = now.toISOString();
  const seats = course.seats.map((seat) =>
    moving.has(seat)
      ? { ...seat, state: 'registered' as SeatState, since: at, changes: seat.changes + 1 }
      : seat,
  );
  return { course: { ...course, seats }, movedUp: [...moving].map((seat) => seat.userId) };
}

function outcomeFor(course: Course, seat: Seat, already: boolean): Registered {
  if (seat.state === 'registered') return { ok: true, state: 'registered', already };
  return {
    ok: true,
    state: 'waitlisted',
    position: waitlist(course).findIndex((s) => s.userId === seat.userId) + 1,
    already,
  };
}
