import { getHolidays } from 'feiertagejs';

/**
 * Public holidays of Baden-Württemberg, from `feiertagejs` (Easter-based feasts, Fronleichnam,
 * Allerheiligen, Heilige Drei Könige, the 2017 Reformationstag …). Heiligabend and Silvester
 * are not public holidays and count as working days.
 */

const byYear = new Map<number, ReadonlySet<string>>();

/** Whether a calendar day (`YYYY-MM-DD`, as on the wall in Germany) is a BW public holiday. */
export function isBadenWuerttembergHoliday(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  let days = byYear.get(year);
  if (!days) {
    // The library builds each holiday at noon UTC, which is the same calendar day in Germany
    // but not in every process time zone: read the UTC date, never the local one.
    days = new Set(
      getHolidays(year, 'BW').map((holiday) => holiday.date.toISOString().slice(0, 10)),
    );
    byYear.set(year, days);
  }
  return days.has(isoDate);
}
