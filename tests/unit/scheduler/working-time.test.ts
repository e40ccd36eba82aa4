import fc from 'fast-check';
import {
  addWorkingDays,
  addWorkingHours,
  isBadenWuerttembergHoliday,
  isWorkingTime,
  nextWorkingTime,
} from '../../../services/scheduler';

/** Berlin wall-clock times are written with their UTC offset, so each case reads on its own. */
const at = (iso: string): Date => new Date(iso);

describe('Baden-Württemberg public holidays', () => {
  it.each([
    ['2026-01-01', 'Neujahr'],
    ['2026-01-06', 'Heilige Drei Könige'],
    ['2026-04-03', 'Karfreitag'],
    ['2026-04-06', 'Ostermontag'],
    ['2026-05-01', 'Tag der Arbeit'],
    ['2026-05-14', 'Christi Himmelfahrt'],
    ['2026-05-25', 'Pfingstmontag'],
    ['2026-06-04', 'Fronleichnam'],
    ['2026-10-03', 'Tag der Deutschen Einheit'],
    ['2026-11-01', 'Allerheiligen'],
    ['2026-12-25', '1. Weihnachtstag'],
    ['2026-12-26', '2. Weihnachtstag'],
    ['2017-10-31', 'Reformationstag 2017 (once, nationwide)'],
    ['2027-03-26', 'Karfreitag 2027'],
  ])('counts %s (%s) as a holiday', (date) => {
    expect(isBadenWuerttembergHoliday(date)).toBe(true);
  });

  it.each([
    ['2026-12-24', 'Heiligabend'],
    ['2026-12-31', 'Silvester'],
    ['2026-08-15', 'Mariä Himmelfahrt (Bavaria, Saarland only)'],
    ['2026-11-18', 'Buß- und Bettag (Saxony only)'],
    ['2026-10-31', 'Reformationstag (not in BW)'],
    ['2026-06-03', 'the day before Fronleichnam'],
  ])('counts %s (%s) as a working day', (date) => {
    expect(isBadenWuerttembergHoliday(date)).toBe(false);
  });
});

describe('adding working hours (Mon–Fri 7–17, Europe/Berlin)', () => {
  it.each([
    ['inside one day', '2026-03-02T09:00+01:00', 4, '2026-03-02T13:00+01:00'],
    ['ending exactly at closing time', '2026-03-02T13:00+01:00', 4, '2026-03-02T17:00+01:00'],
    ['into the next morning', '2026-03-02T15:00+01:00', 4, '2026-03-03T09:00+01:00'],
    ['before opening', '2026-03-03T05:30+01:00', 4, '2026-03-03T11:00+01:00'],
    ['after closing', '2026-03-03T18:00+01:00', 4, '2026-03-04T11:00+01:00'],
    ['a fraction of an hour', '2026-03-02T09:00+01:00', 0.5, '2026-03-02T09:30+01:00'],
    ['over a weekend', '2026-03-06T15:00+01:00', 4, '2026-03-09T09:00+01:00'],
    ['from a Saturday', '2026-03-07T10:00+01:00', 4, '2026-03-09T11:00+01:00'],
    ['over Fronleichnam', '2026-06-03T15:00+02:00', 4, '2026-06-05T09:00+02:00'],
    ['over Easter', '2026-04-02T16:00+02:00', 4, '2026-04-07T10:00+02:00'],
    ['over Christmas', '2026-12-24T15:00+01:00', 4, '2026-12-28T09:00+01:00'],
    ['over New Year', '2026-12-31T15:00+01:00', 4, '2027-01-04T09:00+01:00'],
    ['into summer time', '2026-03-27T15:00+01:00', 4, '2026-03-30T09:00+02:00'],
    ['into winter time', '2026-10-23T16:00+02:00', 4, '2026-10-26T10:00+01:00'],
    [
      'over Allerheiligen and the end of summer time',
      '2027-10-29T15:00+02:00',
      4,
      '2027-11-02T09:00+01:00',
    ],
    ['zero hours outside working time', '2026-03-06T17:00+01:00', 0, '2026-03-09T07:00+01:00'],
    ['zero hours inside working time', '2026-03-06T12:00+01:00', 0, '2026-03-06T12:00+01:00'],
  ])('works %s', (_case, start, hours, expected) => {
    expect(addWorkingHours(at(start), hours).toISOString()).toBe(at(expected).toISOString());
  });

  it('refuses negative hours', () => {
    expect(() => addWorkingHours(at('2026-03-02T09:00+01:00'), -1)).toThrow(RangeError);
  });

  it('is additive: a+b hours equal a hours then b hours', () => {
    const instants = fc.date({
      min: new Date('2025-01-01T00:00Z'),
      max: new Date('2028-12-31T00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        instants,
        fc.integer({ min: 0, max: 60 * 40 }),
        fc.integer({ min: 1, max: 60 * 40 }),
        (start, a, b) => {
          const stepwise = addWorkingHours(addWorkingHours(start, a / 60), b / 60);
          expect(stepwise.getTime()).toBe(addWorkingHours(start, (a + b) / 60).getTime());
        },
      ),
    );
  });

  it('never ends before its start, and ends in working time or at closing time', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2025-01-01Z'),
          max: new Date('2028-12-31Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 60 * 50 }),
        (start, minutes) => {
          const end = addWorkingHours(start, minutes / 60);
          expect(end.getTime()).toBeGreaterThan(start.getTime());
          const justBefore = new Date(end.getTime() - 1);
          expect(isWorkingTime(justBefore)).toBe(true);
        },
      ),
    );
  });
});

describe('adding working days', () => {
  it.each([
    ['within a week', '2026-03-02T10:00+01:00', '2026-03-04T10:00+01:00'],
    ['over a weekend', '2026-03-06T16:00+01:00', '2026-03-10T16:00+01:00'],
    ['over Fronleichnam', '2026-06-02T10:00+02:00', '2026-06-05T10:00+02:00'],
    ['over Christmas', '2026-12-23T12:00+01:00', '2026-12-28T12:00+01:00'],
    ['from a Sunday', '2026-03-08T20:00+01:00', '2026-03-10T17:00+01:00'],
  ])('counts 2 working days %s', (_case, start, expected) => {
    expect(addWorkingDays(at(start), 2).toISOString()).toBe(at(expected).toISOString());
  });
});

describe('working time', () => {
  it.each([
    ['2026-03-02T07:00+01:00', true],
    ['2026-03-02T16:59+01:00', true],
    ['2026-03-02T17:00+01:00', false],
    ['2026-03-02T06:59+01:00', false],
    ['2026-03-07T10:00+01:00', false],
    ['2026-06-04T10:00+02:00', false],
  ])('knows whether %s is working time', (instant, expected) => {
    expect(isWorkingTime(at(instant))).toBe(expected);
  });

  it('moves a night-time instant to the next opening', () => {
    expect(nextWorkingTime(at('2026-05-13T22:00+02:00')).toISOString()).toBe(
      at('2026-05-15T07:00+02:00').toISOString(),
    );
  });
});
