/**
 * Courses as the organisers announce them: one document per course, holding its sessions
 * and its seats. Seats live on the course document on purpose: every registration is then
 * one conditional write on that document, so capacity holds under concurrency on any store
 * (Cosmos DB has no multi-document transactions).
 */
import type { Doc } from '../storage';

export const COURSES_CONTAINER = 'courses';

/** How the course takes place: in presence, online, or both at once. */
export type CourseMode = 'praesenz' | 'online' | 'hybrid';

export const COURSE_MODES: readonly CourseMode[] = ['praesenz', 'online', 'hybrid'];

/** Who the course is for; departments are compared normalised, as routing does. */
export type CourseAudience =
  | { kind: 'everyone' }
  | { kind: 'lotsen' }
  | { kind: 'units'; departments: string[] }
  /** Members of an Entra group, by object id. */
  | { kind: 'group'; groupId: string };

export interface CourseSession {
  /** `s1`, `s2` … in time order; stays when a re-import moves the session. */
  id: string;
  /** ISO instants (UTC). */
  start: string;
  end: string;
  place?: string;
  onlineLink?: string;
}

export type SeatState = 'registered' | 'waitlisted' | 'cancelled';

export interface Seat {
  /** Entra object id, lower case. */
  userId: string;
  state: SeatState;
  /** When the seat entered its state: the waitlist is served in this order. */
  since: string;
  /** The secret of the person's calendar download link. */
  calendarToken: string;
  /** Raised on every change of this seat; part of the calendar SEQUENCE. */
  changes: number;
}

export type CourseStatus = 'open' | 'cancelled';

/** What an organiser decides about a course (from the CSV import or a form). */
export interface CourseDraft {
  id: string;
  title: string;
  description: string;
  mode: CourseMode;
  capacity: number;
  /** ISO instant after which nobody can register any more. */
  registrationDeadline: string;
  audience: CourseAudience;
  sessions: CourseSession[];
}

export interface Course extends Doc, CourseDraft {
  /** Entra object id of the organiser, or `cli:<user>` for the admin CLI. */
  organiser: string;
  /** 1 when created, +1 per change that people must hear about (calendar SEQUENCE). */
  version: number;
  status: CourseStatus;
  /** ISO 8601 durations before each session, e.g. `P7D`, `P1D`, `PT1H`. */
  reminders: string[];
  seats: Seat[];
  /** Start of the first and end of the last session, for queries. */
  firstStart: string;
  lastEnd: string;
  createdAt: string;
  updatedAt: string;
  cancelledAt?: string;
}

export const DEFAULT_REMINDERS: readonly string[] = ['P7D', 'P1D', 'PT1H'];

/** Seats that hold a place, in the order they got it. */
export function registeredSeats(course: Pick<Course, 'seats'>): Seat[] {
  return course.seats.filter((seat) => seat.state === 'registered');
}

/** The waitlist in the order it is served. */
export function waitlist(course: Pick<Course, 'seats'>): Seat[] {
  return course.seats
    .filter((seat) => seat.state === 'waitlisted')
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}

export function seatOf(course: Pick<Course, 'seats'>, userId: string): Seat | undefined {
  const id = userId.toLowerCase();
  return course.seats.find((seat) => seat.userId === id);
}

/** Everyone who holds a seat or waits for one: they hear about changes. */
export function interestedUserIds(course: Pick<Course, 'seats'>): string[] {
  return course.seats.filter((seat) => seat.state !== 'cancelled').map((seat) => seat.userId);
}
