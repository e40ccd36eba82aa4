/**
 * What people download from a card's link: a registration's calendar file (the link works
 * for good and always shows the current state) and an organiser's attendee list (once, for
 * a quarter of an hour). The token in the link is the only secret.
 */
import { randomBytes } from 'node:crypto';
import type { AuditActor, AuditLog } from '../audit';
import type { Clock } from '../clock';
import type { DirectoryUser, OrgDirectory } from '../directory';
import { createIfMissing, type Doc, type Store } from '../storage';
import { attendeeCsv, attendeesOf, type Attendee, type AttendeePerson } from './attendees';
import { calendarMethod, courseCalendar, type CalendarPerson } from './calendar';
import type { CourseCatalog } from './catalog';
import { registeredSeats, seatOf, type Course, type Seat } from './model';

export const CALENDAR_TOKENS_CONTAINER = 'calendar-tokens';
export const COURSE_DOWNLOADS_CONTAINER = 'course-downloads';

const DOWNLOAD_VALID_MS = 15 * 60 * 1000;
/** Link secrets: base64url, long enough not to be guessed. */
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

interface CalendarToken extends Doc {
  courseId: string;
  userId: string;
}

interface AttendeeDownload extends Doc {
  courseId: string;
  expiresAt: string;
}

export type Refusal = 'not-allowed' | 'unknown' | 'cancelled';

export type Acted<T> = { ok: true; value: T } | { ok: false; reason: Refusal };

export interface CalendarFile {
  filename: string;
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

export interface CourseFilesDeps {
  store: Store;
  clock: Clock;
  directory: OrgDirectory;
  catalog: CourseCatalog;
  audit: AuditLog;
  mayOrganise(actorId: string): Promise<boolean>;
  calendar: {
    /** ORGANIZER when the organiser's address is unknown (CLI imports). */
    fallbackEmail: string;
    /** Domain part of the event ids. */
    uidDomain: string;
  };
}

export class CourseFiles {
  constructor(private readonly deps: CourseFilesDeps) {}

  /** Makes the seat's calendar link work (idempotent: the token stays with the seat). */
  async rememberCalendarToken(courseId: string, seat: Seat): Promise<void> {
    await createIfMissing<CalendarToken>(this.deps.store, CALENDAR_TOKENS_CONTAINER, {
      id: seat.calendarToken,
      courseId,
      userId: seat.userId,
    });
  }

  async forgetCalendarToken(token: string): Promise<void> {
    await this.deps.store.delete(CALENDAR_TOKENS_CONTAINER, token);
  }

  /** The calendar file behind a registration's link; undefined for an unknown token. */
  async calendarFile(token: string): Promise<CalendarFile | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const found = await this.deps.store.get<CalendarToken>(CALENDAR_TOKENS_CONTAINER, token);
    if (!found) return undefined;
    const course = await this.deps.catalog.get(found.courseId);
    const seat = course && seatOf(course, found.userId);
    if (!course || !seat || seat.calendarToken !== token || seat.state === 'waitlisted') {
      return undefined;
    }
    const [organiser, attendee] = await Promise.all([
      this.calendarPersonOf(course.organiser),
      this.calendarPersonOf(seat.userId),
    ]);
    const content = courseCalendar({
      course,
      seat,
      now: this.deps.clock.now(),
      organiser: organiser ?? { name: 'Digitallotse', email: this.deps.calendar.fallbackEmail },
      attendee,
      uidDomain: this.deps.calendar.uidDomain,
    });
    return { filename: `kurs-${course.id}.ics`, method: calendarMethod(course, seat), content };
  }

  async attendees(courseId: string, actor: AuditActor): Promise<Acted<Attendee[]>> {
    if (!(await this.deps.mayOrganise(actor.id))) return { ok: false, reason: 'not-allowed' };
    const course = await this.deps.catalog.get(courseId);
    if (!course) return { ok: false, reason: 'unknown' };
    await this.auditAttendees(course, actor);
    return { ok: true, value: await this.attendeeList(course) };
  }

  async attendeeCsv(courseId: string, actor: AuditActor): Promise<Acted<string>> {
    const listed = await this.attendees(courseId, actor);
    return listed.ok ? { ok: true, value: attendeeCsv(listed.value) } : listed;
  }

  /** A one-time link for the organiser's download, valid for a quarter of an hour. */
  async createAttendeeDownload(courseId: string, actor: AuditActor): Promise<Acted<string>> {
    if (!(await this.deps.mayOrganise(actor.id))) return { ok: false, reason: 'not-allowed' };
    const course = await this.deps.catalog.get(courseId);
    if (!course) return { ok: false, reason: 'unknown' };
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.deps.clock.now().getTime() + DOWNLOAD_VALID_MS);
    await this.deps.store.create<AttendeeDownload>(COURSE_DOWNLOADS_CONTAINER, {
      id: token,
      courseId,
      expiresAt: expiresAt.toISOString(),
    });
    await this.auditAttendees(course, actor);
    return { ok: true, value: token };
  }

  /** The attendee list behind a download token, once and only while it is valid. */
  async takeAttendeeDownload(
    token: string,
  ): Promise<{ filename: string; content: string } | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const download = await this.deps.store.get<AttendeeDownload>(COURSE_DOWNLOADS_CONTAINER, token);
    if (!download) return undefined;
    await this.deps.store.delete(COURSE_DOWNLOADS_CONTAINER, token);
    if (new Date(download.expiresAt) <= this.deps.clock.now()) return undefined;
    const course = await this.deps.catalog.get(download.courseId);
    if (!course) return undefined;
    return {
      filename: `teilnehmende-${course.id}.csv`,
      content: attendeeCsv(await this.attendeeList(course)),
    };
  }

  private async attendeeList(course: Course): Promise<Attendee[]> {
    const people = new Map<string, AttendeePerson>();
    for (const seat of course.seats) {
      const user = await this.deps.directory.findUser(seat.userId).catch(() => null);
      if (user) people.set(seat.userId, personOf(user));
    }
    return attendeesOf(course, (id) => people.get(id));
  }

  /** Attendee lists are personal data leaving the system: each export is audited. */
  private auditAttendees(course: Course, actor: AuditActor): Promise<void> {
    return this.deps.audit.record(actor, 'course.attendees', course.id, {
      registered: registeredSeats(course).length,
    });
  }

  private async calendarPersonOf(id: string): Promise<CalendarPerson | undefined> {
    if (id.startsWith('cli:')) return undefined;
    const user = await this.deps.directory.findUser(id).catch(() => null);
    return user ? { name: user.displayName, email: user.userPrincipalName } : undefined;
  }
}

function personOf(user: DirectoryUser): AttendeePerson {
  return {
    name: user.displayName,
    email: user.userPrincipalName,
    department: user.department ?? '',
  };
}
