import { DateTime, IANAZone } from 'luxon';
import type { AutomaticRepliesSetting, DateTimeTimeZone } from '../types';

/** Whether someone is away at a moment, and until when if that is known. */
export interface Absence {
  absent: boolean;
  until: Date | null;
}

const PRESENT: Absence = { absent: false, until: null };

/**
 * Absence from Outlook automatic replies: `alwaysEnabled` is absent (its dates are stale
 * and ignored), `scheduled` is absent inside [start, end), `disabled` is present even when
 * an old window is still stored.
 */
export function absenceFromAutomaticReplies(
  setting: AutomaticRepliesSetting | null | undefined,
  now: Date,
): Absence {
  if (!setting || setting.status === 'disabled') return PRESENT;
  if (setting.status === 'alwaysEnabled') return { absent: true, until: null };
  const start = instantOf(setting.scheduledStartDateTime);
  const end = instantOf(setting.scheduledEndDateTime);
  if (!start || !end) return PRESENT;
  const t = now.getTime();
  return start.getTime() <= t && t < end.getTime() ? { absent: true, until: end } : PRESENT;
}

// Settings objects are reused for as long as the directory caches them, and parsing a
// zoned time is slow enough to dominate routing, so each one is parsed once.
const instants = new WeakMap<DateTimeTimeZone, Date | null>();

/**
 * Graph returns `dateTime` without offset; `timeZone` is an IANA name or, from Exchange,
 * a Windows zone name. Only the Windows names common in Europe and the US are mapped; an
 * unknown zone is read as UTC, which is what Graph sends for automatic replies anyway.
 */
function instantOf(value: DateTimeTimeZone | null | undefined): Date | null {
  if (!value?.dateTime) return null;
  let instant = instants.get(value);
  if (instant === undefined) {
    const parsed = DateTime.fromISO(value.dateTime, { zone: ianaZoneOf(value.timeZone) });
    instant = parsed.isValid ? parsed.toJSDate() : null;
    instants.set(value, instant);
  }
  return instant;
}

const WINDOWS_ZONES: Record<string, string> = {
  utc: 'UTC',
  'coordinated universal time': 'UTC',
  'w. europe standard time': 'Europe/Berlin',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'romance standard time': 'Europe/Paris',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'e. europe standard time': 'Europe/Chisinau',
  'fle standard time': 'Europe/Kiev',
  'gtb standard time': 'Europe/Bucharest',
  'turkey standard time': 'Europe/Istanbul',
  'russian standard time': 'Europe/Moscow',
  'eastern standard time': 'America/New_York',
  'central standard time': 'America/Chicago',
  'mountain standard time': 'America/Denver',
  'pacific standard time': 'America/Los_Angeles',
};

const zones = new Map<string, string>();

function ianaZoneOf(timeZone: string | undefined): string {
  const name = (timeZone ?? '').trim();
  let zone = zones.get(name);
  if (zone === undefined) {
    zone = IANAZone.isValidZone(name) ? name : (WINDOWS_ZONES[name.toLowerCase()] ?? 'UTC');
    zones.set(name, zone);
  }
  return zone;
}
