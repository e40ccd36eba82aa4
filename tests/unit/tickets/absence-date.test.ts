import { parseAbsenceEnd } from '../../../services/tickets';

const now = new Date('2026-03-02T10:00:00+01:00');

describe('the end of "abwesend bis …"', () => {
  it.each([
    ['abwesend 24.12.', '2026-12-24', '2026-12-25T00:00:00+01:00'],
    ['abwesend 24.12.2026', '2026-12-24', '2026-12-25T00:00:00+01:00'],
    ['abwesend 24.12.26', '2026-12-24', '2026-12-25T00:00:00+01:00'],
    ['absent 2026-12-24', '2026-12-24', '2026-12-25T00:00:00+01:00'],
    ['abwesend 1.2.', '2027-02-01', '2027-02-02T00:00:00+01:00'],
    ['abwesend 02.03.', '2026-03-02', '2026-03-03T00:00:00+01:00'],
    ['abwesend 28.3.', '2026-03-28', '2026-03-29T00:00:00+01:00'],
    ['abwesend 29.3.', '2026-03-29', '2026-03-30T00:00:00+02:00'],
  ])('reads "%s" as absent through %s', (text, lastDay, until) => {
    expect(parseAbsenceEnd(text, now)).toEqual({ kind: 'until', lastDay, until: new Date(until) });
  });

  it('reads a bare "abwesend" as absent until further notice', () => {
    expect(parseAbsenceEnd('abwesend', now)).toEqual({ kind: 'open' });
  });

  it.each(['abwesend 31.02.', 'abwesend morgen', 'abwesend 2026-13-01'])(
    'does not guess at "%s"',
    (text) => {
      expect(parseAbsenceEnd(text, now)).toEqual({ kind: 'invalid' });
    },
  );

  it('refuses a day in the past', () => {
    expect(parseAbsenceEnd('abwesend 01.01.2026', now)).toEqual({ kind: 'past' });
  });
});
