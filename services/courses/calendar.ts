/**
 * The calendar file of one registration (RFC 5545, via ical-generator): one event per
 * session, in Europe/Berlin with its VTIMEZONE so that Outlook shows the right local times.
 * The event ids stay the same across changes and SEQUENCE rises with every change, so a
 * re-imported file updates the entries; a cancelled seat or course gives METHOD:CANCEL.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { COURSE_ZONE } from './berlin-time';
import type { Course, Seat } from './model';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarRequest {
  course: Course;
  seat: Seat;
  now: Date;
  /** Shown as ORGANIZER: Outlook wants one for a meeting request. */
  organiser: CalendarPerson;
  /** The registered person, shown as accepted ATTENDEE when their address is known. */
  attendee?: CalendarPerson;
  /** Domain part of the event ids (UID), e.g. the bot's host name. */
  uidDomain: string;
}

/** Whether the file adds the sessions to the calendar or takes them out again. */
export function calendarMethod(course: Course, seat: Seat): 'REQUEST' | 'CANCEL' {
  return course.status === 'open' && seat.state === 'registered' ? 'REQUEST' : 'CANCEL';
}

/** Rises with every change of the course and of the person's seat, never falls. */
export function calendarSequence(course: Course, seat: Seat): number {
  return course.version - 1 + seat.changes;
}

export function courseCalendar(request: CalendarRequest): string {
  const { course, seat, now, organiser, attendee } = request;
  const method = calendarMethod(course, seat);
  const calendar = ical({
    prodId: { company: 'Digitallotse', product: 'Kurse', language: 'DE' },
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    // No calendar-wide zone: ical-generator would then write DTSTAMP as a floating time.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const sequence = calendarSequence(course, seat);
  for (const session of course.sessions) {
    calendar.createEvent({
      id: `${course.id}-${session.id}@${request.uidDomain}`,
      sequence,
      stamp: DateTime.fromJSDate(now, { zone: 'utc' }),
      start: DateTime.fromISO(session.start, { zone: COURSE_ZONE }),
      end: DateTime.fromISO(session.end, { zone: COURSE_ZONE }),
      timezone: COURSE_ZONE,
      summary: course.title,
      description: descriptionOf(course, session.onlineLink),
      location: session.place ?? session.onlineLink ?? null,
      url: session.onlineLink ?? null,
      organizer: organiser,
      attendees: attendee
        ? [
            {
              ...attendee,
              role: ICalAttendeeRole.REQ,
              status:
                method === 'REQUEST' ? ICalAttendeeStatus.ACCEPTED : ICalAttendeeStatus.DECLINED,
              rsvp: false,
            },
          ]
        : [],
      status: method === 'REQUEST' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    });
  }
  return calendar.toString();
}

function descriptionOf(course: Course, onlineLink: string | undefined): string {
  const parts = [course.description];
  if (onlineLink) parts.push(`Online teilnehmen: ${onlineLink}`);
  return parts.filter((part) => part !== '').join('\n\n');
}
