import { DateTime } from 'luxon';

export type AbsenceEnd =
  /** No date given: absent until "wieder da". */
  | { kind: 'open' }
  /** Absent through `lastDay` (a local date); `until` is the instant it ends. */
  | { kind: 'until'; lastDay: string; until: Date }
  | { kind: 'invalid' }
  | { kind: 'past' };

const GERMAN_DATE = /\b(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}|\d{2}))?(?!\d)/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/**
 * The end of "abwesend bis 24.12." / "abwesend bis 2026-12-24": absent through that day,
 * so back at the start of the next day in Berlin. Without a year, the next such day.
 */
export function parseAbsenceEnd(text: string, now: Date, zone = 'Europe/Berlin'): AbsenceEnd {
  const rest = text.replace(/^\s*(abwesend|absent)\b/i, '').trim();
  if (rest === '') return { kind: 'open' };
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  let day: DateTime | undefined;
  const iso = ISO_DATE.exec(rest);
  const german = GERMAN_DATE.exec(rest);
  if (iso) {
    day = DateTime.fromObject(
      { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) },
      { zone },
    );
  } else if (german) {
    const [, d, m, y] = german;
    const year = y === undefined ? today.year : y.length === 2 ? 2000 + Number(y) : Number(y);
    day = DateTime.fromObject({ year, month: Number(m), day: Number(d) }, { zone });
    if (y === undefined && day.isValid && day < today) day = day.plus({ years: 1 });
  }
  if (!day?.isValid) return { kind: 'invalid' };
  if (day < today) return { kind: 'past' };
  return {
    kind: 'until',
    lastDay: day.toISODate() ?? '',
    until: day.plus({ days: 1 }).toJSDate(),
  };
}
