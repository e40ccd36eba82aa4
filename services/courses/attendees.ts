/**
 * The attendee list an organiser opens in Excel: UTF-8 with BOM (else Excel guesses
 * Windows-1252), `;` between fields, CRLF, German dates. Cells that Excel would read as a
 * formula are defused, since names and units come from outside.
 */
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { COURSE_ZONE } from './berlin-time';
import { registeredSeats, waitlist, type Course } from './model';

export interface AttendeePerson {
  name: string;
  email: string;
  department: string;
}

export interface Attendee extends AttendeePerson {
  userId: string;
  status: 'angemeldet' | 'Warteliste';
  /** 1-based place on the waitlist. */
  position?: number;
  since: string;
}

export const ATTENDEE_CSV_HEADER = [
  'Status',
  'Wartelistenplatz',
  'Name',
  'E-Mail',
  'Bereich',
  'Seit',
] as const;

/** Registered people first (in the order they got their seat), then the waitlist. */
export function attendeesOf(
  course: Course,
  personOf: (userId: string) => AttendeePerson | undefined,
): Attendee[] {
  const person = (userId: string): AttendeePerson =>
    personOf(userId) ?? { name: userId, email: '', department: '' };
  const registered = [...registeredSeats(course)].sort((a, b) => a.since.localeCompare(b.since));
  return [
    ...registered.map((seat) => ({
      userId: seat.userId,
      ...person(seat.userId),
      status: 'angemeldet' as const,
      since: seat.since,
    })),
    ...waitlist(course).map((seat, index) => ({
      userId: seat.userId,
      ...person(seat.userId),
      status: 'Warteliste' as const,
      position: index + 1,
      since: seat.since,
    })),
  ];
}

export function attendeeCsv(attendees: readonly Attendee[]): string {
  const rows = attendees.map((attendee) =>
    [
      attendee.status,
      attendee.position === undefined ? '' : String(attendee.position),
      attendee.name,
      attendee.email,
      attendee.department,
      DateTime.fromISO(attendee.since, { zone: COURSE_ZONE }).toFormat('dd.MM.yyyy HH:mm'),
    ].map(defused),
  );
  return stringify([[...ATTENDEE_CSV_HEADER], ...rows], {
    delimiter: ';',
    record_delimiter: 'windows',
    bom: true,
  });
}

/** `=`, `+`, `-`, `@` at the start make Excel evaluate a cell; a leading `'` keeps it text. */
function defused(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
