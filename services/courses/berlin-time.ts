import { DateTime } from 'luxon';

/** Courses take place in the city: every wall-clock time is Europe/Berlin. */
export const COURSE_ZONE = 'Europe/Berlin';

const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";
const LOCAL_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export type LocalTimeRead =
  { ok: true; instant: Date } | { ok: false; reason: 'format' | 'invalid' | 'dst-gap' };

/**
 * `2027-03-02T09:00` as a Berlin wall-clock time. A time the spring change skips
 * (02:00–03:00 on the last Sunday of March) is refused rather than silently moved; the
 * doubled autumn hour reads as winter time (luxon's choice).
 */
export function readLocalTime(text: string): LocalTimeRead {
  if (!LOCAL_PATTERN.test(text)) return { ok: false, reason: 'format' };
  // A calendar date and time that exist at all (no 30 February, no 24:00) …
  const unzoned = DateTime.fromFormat(text, LOCAL_FORMAT, { zone: 'UTC' });
  if (!unzoned.isValid || unzoned.toFormat(LOCAL_FORMAT) !== text) {
    return { ok: false, reason: 'invalid' };
  }
  // … and exist on the clocks in Berlin.
  const local = DateTime.fromFormat(text, LOCAL_FORMAT, { zone: COURSE_ZONE });
  if (local.toFormat(LOCAL_FORMAT) !== text) return { ok: false, reason: 'dst-gap' };
  return { ok: true, instant: local.toJSDate() };
}

/** The Berlin wall-clock time of an instant, in the import format. */
export function localTimeOf(iso: string): string {
  return DateTime.fromISO(iso, { zone: COURSE_ZONE }).toFormat(LOCAL_FORMAT);
}
