import {
  CITY_REMINDER_RULES,
  planReminders,
  reminderTime,
  type Course,
} from '../../../services/courses';
import { courseWith } from './course-builder';

describe('when a course reminder goes out', () => {
  // [case, session start (UTC), offset, expected send time (UTC)]
  it.each([
    ['7 days before, an ordinary week', '2027-03-16T08:00:00Z', 'P7D', '2027-03-09T08:00:00Z'],
    ['1 day before, an ordinary week', '2027-03-16T08:00:00Z', 'P1D', '2027-03-15T08:00:00Z'],
    ['1 hour before', '2027-03-16T08:00:00Z', 'PT1H', '2027-03-16T07:00:00Z'],
    // Spring change on Sunday 28 March 2027: days keep the wall-clock time (09:00 → 09:00).
    [
      '7 days before, across the spring change',
      '2027-03-31T07:00:00Z',
      'P7D',
      '2027-03-24T08:00:00Z',
    ],
    [
      '1 day before, just after the spring change',
      '2027-03-31T07:00:00Z',
      'P1D',
      '2027-03-30T07:00:00Z',
    ],
    [
      '1 hour before, in the night of the spring change',
      '2027-03-28T01:30:00Z',
      'PT1H',
      '2027-03-28T00:30:00Z',
    ],
    // Autumn change on Sunday 31 October 2027.
    [
      '7 days before, across the autumn change',
      '2027-11-02T08:00:00Z',
      'P7D',
      '2027-10-26T07:00:00Z',
    ],
    [
      '1 hour before, in the doubled hour of the autumn change',
      '2027-10-31T01:30:00Z',
      'PT1H',
      '2027-10-31T00:30:00Z',
    ],
    // Allerheiligen (Mon 1 Nov) → Friday before, in summer time again.
    [
      '1 day before, on a holiday after the autumn change',
      '2027-11-02T08:00:00Z',
      'P1D',
      '2027-10-29T07:00:00Z',
    ],
    [
      'quiet evening: moved to 09:00 the same day',
      '2027-05-12T19:00:00Z',
      'P1D',
      '2027-05-11T07:00:00Z',
    ],
    ['20:00 is already quiet', '2027-05-12T18:00:00Z', 'P1D', '2027-05-11T07:00:00Z'],
    ['19:59 is still allowed', '2027-05-12T17:59:00Z', 'P1D', '2027-05-11T17:59:00Z'],
    ['07:00 is allowed again', '2027-05-12T05:00:00Z', 'P1D', '2027-05-11T05:00:00Z'],
    [
      'quiet night: moved to 09:00 the working day before',
      '2027-05-12T04:30:00Z',
      'P1D',
      '2027-05-10T07:00:00Z',
    ],
    ['a Sunday: moved to Friday', '2027-05-10T07:00:00Z', 'P1D', '2027-05-07T07:00:00Z'],
    [
      'Christi Himmelfahrt: moved to the Wednesday',
      '2027-05-07T08:00:00Z',
      'P1D',
      '2027-05-05T07:00:00Z',
    ],
    [
      'Pfingstmontag: moved over the weekend to Friday',
      '2027-05-18T07:00:00Z',
      'P1D',
      '2027-05-14T07:00:00Z',
    ],
    [
      'Ostermontag and Karfreitag: moved to Maundy Thursday',
      '2027-03-30T07:00:00Z',
      'P1D',
      '2027-03-25T08:00:00Z',
    ],
    [
      'Neujahr after a weekend: moved to New Year’s Eve',
      '2027-01-04T08:00:00Z',
      'P1D',
      '2026-12-31T08:00:00Z',
    ],
    ['Heilige Drei Könige', '2027-01-07T08:00:00Z', 'P1D', '2027-01-05T08:00:00Z'],
    [
      '1 hour before on a holiday is not moved',
      '2027-05-06T08:00:00Z',
      'PT1H',
      '2027-05-06T07:00:00Z',
    ],
    [
      '30 minutes before at dawn is not moved',
      '2027-05-12T04:00:00Z',
      'PT30M',
      '2027-05-12T03:30:00Z',
    ],
    ['3 hours before at dawn is moved', '2027-05-12T06:00:00Z', 'PT3H', '2027-05-11T07:00:00Z'],
  ])('%s', (_case, start, offset, expected) => {
    expect(reminderTime(new Date(start), offset).toISOString()).toBe(
      new Date(expected).toISOString(),
    );
  });

  it('sends on a weekend when the rules allow weekends', () => {
    const rules = { ...CITY_REMINDER_RULES, weekends: true };
    expect(reminderTime(new Date('2027-05-10T07:00:00Z'), 'P1D', rules).toISOString()).toBe(
      '2027-05-09T07:00:00.000Z',
    );
  });

  it('never sends later than planned, over a whole year of session times', () => {
    // Planned: the offset before the session, give or take the hour a clock change moves it.
    // Steps of 83 hours reach every hour of the day over the year.
    const hoursBefore: Record<string, number> = { P7D: 7 * 24 - 1, P1D: 23, PT3H: 3 };
    const first = new Date('2027-01-01T00:00:00Z').getTime();
    const late: string[] = [];
    for (let hour = 0; hour < 24 * 365; hour += 83) {
      const session = first + hour * 3_600_000;
      for (const [offset, hours] of Object.entries(hoursBefore)) {
        const sent = reminderTime(new Date(session), offset).getTime();
        if (session - sent < hours * 3_600_000)
          late.push(`${new Date(session).toISOString()} ${offset}`);
      }
    }
    expect(late).toEqual([]);
  });

  it('refuses an offset that is not an ISO duration', () => {
    expect(() => reminderTime(new Date('2027-05-12T08:00:00Z'), '1 Tag')).toThrow(RangeError);
  });
});

describe('the reminder jobs of a course', () => {
  const course: Course = courseWith({
    sessions: [
      { id: 's1', start: '2027-05-10T07:00:00.000Z', end: '2027-05-10T14:00:00.000Z' },
      { id: 's2', start: '2027-05-11T07:00:00.000Z', end: '2027-05-11T14:00:00.000Z' },
    ],
  });

  it('plans the default reminders for every session, soonest first', () => {
    const jobs = planReminders(course);
    expect(jobs.map((j) => [j.payload.sessionId, j.payload.offset, j.dueAt.toISOString()])).toEqual(
      [
        ['s1', 'P7D', '2027-05-03T07:00:00.000Z'],
        ['s2', 'P7D', '2027-05-04T07:00:00.000Z'],
        ['s1', 'P1D', '2027-05-07T07:00:00.000Z'],
        ['s1', 'PT1H', '2027-05-10T06:00:00.000Z'],
        ['s2', 'P1D', '2027-05-10T07:00:00.000Z'],
        ['s2', 'PT1H', '2027-05-11T06:00:00.000Z'],
      ],
    );
    expect(new Set(jobs.map((j) => j.id)).size).toBe(jobs.length);
  });

  it('gives one reminder when two offsets move to the same morning, the nearer one', () => {
    const jobs = planReminders({
      ...course,
      sessions: course.sessions.slice(0, 1),
      reminders: ['P2D', 'P1D'],
    });
    expect(jobs.map((j) => [j.payload.offset, j.dueAt.toISOString()])).toEqual([
      ['P1D', '2027-05-07T07:00:00.000Z'],
    ]);
  });

  it('plans nothing for a cancelled course', () => {
    expect(planReminders({ ...course, status: 'cancelled' })).toEqual([]);
  });

  it('gives a moved session new job ids and keeps the ids of unchanged ones', () => {
    const moved = {
      ...course,
      sessions: [
        course.sessions[0]!,
        { ...course.sessions[1]!, start: '2027-05-12T07:00:00.000Z' },
      ],
    };
    const before = new Set(planReminders(course).map((j) => j.id));
    const after = planReminders(moved);
    expect(after.filter((j) => j.payload.sessionId === 's1').every((j) => before.has(j.id))).toBe(
      true,
    );
    expect(after.filter((j) => j.payload.sessionId === 's2').some((j) => before.has(j.id))).toBe(
      false,
    );
  });
});
