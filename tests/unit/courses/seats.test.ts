import {
  counts,
  fillFromWaitlist,
  viewerStatus,
  waitlist,
  withCancellation,
  withRegistration,
  type Course,
  type Registered,
} from '../../../services/courses';
import { courseWith } from './course-builder';

const before = new Date('2027-02-01T10:00:00Z');

/** Registers people one after the other, a minute apart, and returns the course. */
function registerAll(course: Course, ...userIds: string[]): Course {
  return userIds.reduce((current, userId, index) => {
    const at = new Date(before.getTime() + index * 60_000);
    return withRegistration(current, userId, at, `token-${userId}`).next ?? current;
  }, course);
}

describe('seats and the waitlist', () => {
  it('gives seats until the course is full, then puts people on the waitlist in order', () => {
    const course = registerAll(courseWith({ capacity: 2 }), 'anna', 'ben', 'cem', 'dora');
    expect(counts(course)).toEqual({ capacity: 2, registered: 2, waitlisted: 2 });
    expect(viewerStatus(course, 'ANNA', before)).toEqual({ kind: 'registered' });
    expect(viewerStatus(course, 'dora', before)).toEqual({ kind: 'waitlisted', position: 2 });
    expect(viewerStatus(course, 'emil', before)).toEqual({ kind: 'full' });
  });

  it('tells a second click that the person is already registered, changing nothing', () => {
    const course = registerAll(courseWith(), 'anna');
    const again = withRegistration(course, 'anna', before, 'other-token');
    expect(again.next).toBeUndefined();
    expect(again.outcome).toEqual<Registered>({ ok: true, state: 'registered', already: true });
  });

  it('moves the first on the waitlist up when a registered person cancels', () => {
    const full = registerAll(courseWith({ capacity: 2 }), 'anna', 'ben', 'cem', 'dora');
    const { next, outcome } = withCancellation(full, 'ben', before);
    expect(outcome).toEqual({ ok: true, previous: 'registered', movedUp: ['cem'] });
    expect(viewerStatus(next!, 'cem', before)).toEqual({ kind: 'registered' });
    expect(viewerStatus(next!, 'dora', before)).toEqual({ kind: 'waitlisted', position: 1 });
    expect(viewerStatus(next!, 'ben', before)).toEqual({ kind: 'full' });
  });

  it('moves nobody up when someone leaves the waitlist', () => {
    const full = registerAll(courseWith({ capacity: 1 }), 'anna', 'ben', 'cem');
    const { next, outcome } = withCancellation(full, 'ben', before);
    expect(outcome).toEqual({ ok: true, previous: 'waitlisted', movedUp: [] });
    expect(waitlist(next!).map((s) => s.userId)).toEqual(['cem']);
  });

  it('keeps the calendar token and raises the change count when a person comes back', () => {
    const course = registerAll(courseWith(), 'anna');
    const cancelled = withCancellation(course, 'anna', before).next!;
    const back = withRegistration(cancelled, 'anna', before, 'new-token').next!;
    const seat = back.seats.find((s) => s.userId === 'anna')!;
    expect(seat.calendarToken).toBe('token-anna');
    expect(seat.changes).toBeGreaterThan(course.seats[0]!.changes + 1);
  });

  it('closes registration after the deadline, but still lets people cancel', () => {
    const course = registerAll(courseWith({ capacity: 1 }), 'anna', 'ben');
    const late = new Date('2027-02-21T08:00:00Z');
    expect(withRegistration(course, 'cem', late, 't').outcome).toEqual({
      ok: false,
      reason: 'closed',
    });
    expect(viewerStatus(course, 'cem', late)).toEqual({ kind: 'closed' });
    const { outcome } = withCancellation(course, 'anna', late);
    expect(outcome).toEqual({ ok: true, previous: 'registered', movedUp: ['ben'] });
  });

  it('moves nobody up once the course has begun', () => {
    const course = registerAll(courseWith({ capacity: 1 }), 'anna', 'ben');
    const during = new Date('2027-03-02T09:00:00Z');
    expect(withCancellation(course, 'anna', during).outcome).toEqual({
      ok: true,
      previous: 'registered',
      movedUp: [],
    });
  });

  it('fills seats added by a larger capacity from the waitlist, first come first served', () => {
    const course = registerAll(courseWith({ capacity: 1 }), 'anna', 'ben', 'cem', 'dora');
    const { course: next, movedUp } = fillFromWaitlist({ ...course, capacity: 3 }, before);
    expect(movedUp).toEqual(['ben', 'cem']);
    expect(counts(next)).toEqual({ capacity: 3, registered: 3, waitlisted: 1 });
  });

  it('keeps everyone registered when the capacity shrinks below their number', () => {
    const course = registerAll(courseWith({ capacity: 3 }), 'anna', 'ben', 'cem');
    const { course: next, movedUp } = fillFromWaitlist({ ...course, capacity: 1 }, before);
    expect(movedUp).toEqual([]);
    expect(counts(next).registered).toBe(3);
    expect(viewerStatus(next, 'dora', before)).toEqual({ kind: 'full' });
  });

  it('refuses registering for and cancelling a cancelled course', () => {
    const course = registerAll(courseWith(), 'anna');
    const cancelled: Course = { ...course, status: 'cancelled' };
    expect(withRegistration(cancelled, 'ben', before, 't').outcome).toEqual({
      ok: false,
      reason: 'cancelled',
    });
    expect(withCancellation(cancelled, 'anna', before).outcome).toEqual({
      ok: false,
      reason: 'cancelled',
    });
    expect(viewerStatus(cancelled, 'anna', before)).toEqual({ kind: 'cancelled' });
  });

  it('shows free seats to someone not registered', () => {
    const course = registerAll(courseWith({ capacity: 5 }), 'anna');
    expect(viewerStatus(course, 'ben', before)).toEqual({ kind: 'free', seatsLeft: 4 });
    expect(viewerStatus(course, undefined, before)).toEqual({ kind: 'free', seatsLeft: 4 });
  });
});
