/** Course registrations in the privacy export and erase ("Datenschutz"). */
import type { DataSubject, PersonalDataSource } from '../privacy';
import type { Courses } from './courses';
import { seatOf } from './model';

export function coursePrivacySource(courses: Courses): PersonalDataSource {
  return {
    name: 'Kursanmeldungen',
    export: async (subject) => {
      const userId = objectIdOf(subject);
      return userId ? registrationsOf(courses, userId) : [];
    },
    erase: async (subject) => {
      const userId = objectIdOf(subject);
      return userId ? forget(courses, userId) : 0;
    },
  };
}

/** Seats are keyed by the Entra object id; without one the person cannot have registered. */
function objectIdOf(subject: DataSubject): string | undefined {
  return subject.aadObjectId ? subject.aadObjectId.toLowerCase() : undefined;
}

async function registrationsOf(courses: Courses, userId: string) {
  const found: Array<Record<string, string>> = [];
  for await (const course of courses.catalog.all()) {
    const seat = seatOf(course, userId);
    if (seat) {
      found.push({ kurs: course.id, titel: course.title, status: seat.state, seit: seat.since });
    }
  }
  return found;
}

/**
 * A seat the person held goes to the waitlist first (they are cancelled as anyone would
 * be), then the seat, the calendar link and the remembered cards are deleted.
 */
async function forget(courses: Courses, userId: string): Promise<number> {
  let count = 0;
  for await (const course of courses.catalog.all()) {
    const seat = seatOf(course, userId);
    if (!seat) continue;
    if (seat.state !== 'cancelled') await courses.registrations.unregister(course.id, userId);
    await courses.catalog.update(course.id, (current) =>
      seatOf(current, userId)
        ? { ...current, seats: current.seats.filter((s) => s.userId !== userId) }
        : undefined,
    );
    await courses.files.forgetCalendarToken(seat.calendarToken);
    count += 1;
  }
  await courses.messenger.forget(userId);
  return count;
}
