import type { Course } from '../../../services/courses';

/** An open course with two free seats and the default reminders; override what a test needs. */
export function courseWith(overrides: Partial<Course> = {}): Course {
  const sessions = overrides.sessions ?? [
    {
      id: 's1',
      start: '2027-03-02T08:00:00.000Z',
      end: '2027-03-02T15:00:00.000Z',
      place: 'Rathaus',
    },
  ];
  return {
    id: 'K1',
    title: 'Teams für Einsteiger',
    description: 'Chats, Kanäle, Besprechungen',
    mode: 'praesenz',
    capacity: 2,
    registrationDeadline: '2027-02-20T22:59:00.000Z',
    audience: { kind: 'everyone' },
    organiser: 'cli:test',
    version: 1,
    status: 'open',
    reminders: ['P7D', 'P1D', 'PT1H'],
    seats: [],
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    ...overrides,
    sessions,
    firstStart: sessions[0]?.start ?? '',
    lastEnd: sessions[sessions.length - 1]?.end ?? '',
  };
}
