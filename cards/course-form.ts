import { Duration } from 'luxon';
import { splitUnits, unitValue } from './unit-field';
import { renderCard, type CardAttachment } from './render';
import { strings, type Language } from './strings';
import template from './templates/course-form.json';

export interface CourseFormData {
  title: string;
  description: string;
  /** `link`: the session's online link (online and hybrid courses). */
  sessions: Array<{ date: string; start: string; end: string; place: string; link: string }>;
  mode: string;
  capacity: string;
  deadlineDate: string;
  deadlineTime: string;
  /** Who may register: `alle`, `lotsen`, `units` or `group`. */
  audienceKind: string;
  /** The units picked (or typed), comma-separated as Teams sends them (see `unitValue`). */
  audienceUnits: string;
  /** The Entra group's object id, for `group`. */
  audienceGroup: string;
  /**
   * Chosen reminder offsets, comma-separated ISO 8601 durations (`P7D,PT1H`); absent in a
   * submit from a form that did not offer them (left as they are).
   */
  reminders?: string;
}

const EMPTY_SESSION = { date: '', start: '', end: '', place: '', link: '' };

/** The reminders the form offers; a course's other offsets (set by CLI) are offered too. */
const OFFERED_REMINDERS = ['P7D', 'P3D', 'P1D', 'PT1H'];

/**
 * The organisers' form for a new course, filled again with the problems after a refusal.
 * With `edit` it changes that course: the submit carries the course id and the version of the
 * course the form was filled from, so a form older than the course is refused.
 */
export function courseFormCard(
  language: Language,
  data: {
    form?: CourseFormData;
    problems?: string[];
    sessionCount: number;
    done?: boolean;
    edit?: { courseId: string; version: string };
    /** The organisation's units to pick from; none: the units are typed. */
    units?: readonly string[];
  },
): CardAttachment {
  const t = strings[language];
  const form = data.form;
  return renderCard(template, language, {
    heading: data.edit ? t.courseFormEditHeading : t.courseFormHeading,
    submit: data.edit ? t.courseFormSave : t.courseFormCreate,
    verb: data.edit ? 'course.update' : 'course.create',
    courseId: data.edit?.courseId ?? '',
    version: data.edit?.version ?? '',
    title: form?.title ?? '',
    description: form?.description ?? '',
    mode: form?.mode ?? 'praesenz',
    capacity: form?.capacity ?? '',
    deadlineDate: form?.deadlineDate ?? '',
    deadlineTime: form?.deadlineTime ?? '12:00',
    audienceKind: form?.audienceKind ?? 'alle',
    audienceUnits: form?.audienceUnits ?? '',
    audienceGroup: form?.audienceGroup ?? '',
    unitChoices: unitChoices(data.units ?? [], form?.audienceUnits ?? ''),
    reminders: form?.reminders ?? '',
    reminderChoices: reminderChoices(language, form?.reminders ?? ''),
    // Input ids are numbered: date1, start1, end1, place1, …
    sessions: Array.from({ length: data.sessionCount }, (_, i) => ({
      ...(form?.sessions[i] ?? EMPTY_SESSION),
      n: i + 1,
      heading: t.courseFormSession.replace('{n}', String(i + 1)),
    })),
    done: data.done ?? false,
    problems: (data.problems ?? []).map((problem) => `- ${problem}`).join('\n'),
  });
}

/** The directory's units and those already chosen (an old course may name others). */
function unitChoices(
  units: readonly string[],
  chosen: string,
): Array<{ title: string; value: string }> {
  if (units.length === 0) return [];
  const all = [...new Set([...units, ...splitUnits(chosen)])];
  return all.map((unit) => ({ title: unit, value: unitValue(unit) }));
}

/** Offered and chosen offsets, the earliest reminder first: "7 Tage vorher", … */
function reminderChoices(
  language: Language,
  chosen: string,
): Array<{ title: string; value: string }> {
  const durations = [...new Set([...OFFERED_REMINDERS, ...chosen.split(',')])]
    .map((offset) => ({ offset, duration: Duration.fromISO(offset.trim()) }))
    .filter(({ duration }) => duration.isValid && duration.as('minutes') > 0)
    .sort((a, b) => b.duration.as('minutes') - a.duration.as('minutes'));
  return durations.map(({ offset, duration }) => ({
    title: strings[language].courseFormReminderBefore.replace(
      '{duration}',
      duration.reconfigure({ locale: language }).toHuman(),
    ),
    value: offset.trim(),
  }));
}
