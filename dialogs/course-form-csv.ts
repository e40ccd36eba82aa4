/**
 * The organisers' course form as the rows of a course CSV: the form is checked and saved by
 * exactly the rules of `lotse courses import`, and its problems are told in form terms.
 */
import { stringify } from 'csv-stringify/sync';
import { splitUnits, unitValue, type CourseFormData } from '../cards';
import {
  COURSE_CSV_HEADER,
  localTimeOf,
  readCourseAudience,
  readOffset,
  type Course,
  type CourseAudience,
} from '../services/courses';

export const FORM_SESSIONS = 3;

/** What the form's inputs carry (`YYYY-MM-DD`, `HH:mm`, Berlin): the card's own data. */
export type CourseForm = CourseFormData;

export function readCourseForm(value: Record<string, unknown>): CourseForm {
  const text = (key: string) =>
    typeof value[key] === 'string' ? (value[key] as string).replace(/\r?\n/g, '\n').trim() : '';
  // A form from before the per-session links carries one link for every filled session.
  const courseLink = text('link');
  return {
    title: text('title'),
    description: text('description'),
    sessions: Array.from({ length: sessionRowsIn(value) }, (_, i) => {
      const row = {
        date: text(`date${i + 1}`),
        start: text(`start${i + 1}`),
        end: text(`end${i + 1}`),
        place: text(`place${i + 1}`),
      };
      const filled = row.date || row.start || row.end || row.place;
      return { ...row, link: text(`link${i + 1}`) || (filled ? courseLink : '') };
    }),
    mode: text('mode') || 'praesenz',
    capacity: text('capacity'),
    deadlineDate: text('deadlineDate'),
    deadlineTime: text('deadlineTime') || '12:00',
    // A form sent before the audience picker carries the import's text instead.
    ...('audienceKind' in value
      ? {
          audienceKind: text('audienceKind') || 'alle',
          audienceUnits: text('audienceUnits'),
          audienceGroup: text('audienceGroup'),
        }
      : audienceFieldsOfText(text('audience') || 'alle')),
    ...(typeof value.reminders === 'string' && { reminders: text('reminders') }),
  };
}

/** The empty form for a new course: no sessions yet, the default reminders chosen. */
export function newCourseForm(defaultReminders: readonly string[]): CourseForm {
  return {
    title: '',
    description: '',
    sessions: [],
    mode: 'praesenz',
    capacity: '',
    deadlineDate: '',
    deadlineTime: '12:00',
    ...audienceFields({ kind: 'everyone' }),
    reminders: defaultReminders.join(','),
  };
}

/**
 * The chosen reminder offsets (the multi-select's comma-separated values); none chosen is a
 * choice too, a form without the field leaves them as they are (undefined). A value the form
 * never offered is a problem, as the import would tell it.
 */
export function remindersOf(
  form: CourseForm,
): { ok: true; offsets: string[] | undefined } | { ok: false; problem: string } {
  if (form.reminders === undefined) return { ok: true, offsets: undefined };
  const offsets = [
    ...new Set(
      form.reminders
        .split(',')
        .map((offset) => offset.trim())
        .filter((offset) => offset !== ''),
    ),
  ];
  const invalid = offsets.find((offset) => !readOffset(offset));
  if (invalid !== undefined) {
    return { ok: false, problem: `Feld „Erinnerungen“: „${invalid}“ ist keine Zeitangabe.` };
  }
  return { ok: true, offsets };
}

/** The form shows at least FORM_SESSIONS rows; an edited course with more shows them all. */
function sessionRowsIn(value: Record<string, unknown>): number {
  let rows = FORM_SESSIONS;
  while (`date${rows + 1}` in value || `start${rows + 1}` in value || `link${rows + 1}` in value) {
    rows++;
  }
  return rows;
}

/** A stored course as the form shows it for editing: Berlin wall-clock dates and times. */
export function courseFormOf(course: Course): CourseForm {
  const [deadlineDate = '', deadlineTime = ''] = localTimeOf(course.registrationDeadline).split(
    'T',
  );
  return {
    title: course.title,
    description: course.description,
    sessions: course.sessions.map((session) => {
      const [date = '', start = ''] = localTimeOf(session.start).split('T');
      const end = localTimeOf(session.end).slice(11);
      return { date, start, end, place: session.place ?? '', link: session.onlineLink ?? '' };
    }),
    mode: course.mode,
    capacity: String(course.capacity),
    deadlineDate,
    deadlineTime,
    ...audienceFields(course.audience),
    reminders: course.reminders.join(','),
  };
}

type AudienceFields = Pick<CourseForm, 'audienceKind' | 'audienceUnits' | 'audienceGroup'>;

/** The picker's fields for a course's audience. */
function audienceFields(audience: CourseAudience): AudienceFields {
  const fields = { audienceKind: 'alle', audienceUnits: '', audienceGroup: '' };
  switch (audience.kind) {
    case 'everyone':
      return fields;
    case 'lotsen':
      return { ...fields, audienceKind: 'lotsen' };
    case 'units':
      return {
        ...fields,
        audienceKind: 'units',
        audienceUnits: audience.departments.map(unitValue).join(','),
      };
    case 'group':
      return { ...fields, audienceKind: 'group', audienceGroup: audience.groupId };
  }
}

/** The import's text of an audience as picker fields; text it cannot read stays as typed. */
function audienceFieldsOfText(text: string): AudienceFields {
  const audience = readCourseAudience(text);
  return audience
    ? audienceFields(audience)
    : {
        audienceKind: 'units',
        audienceUnits: text.split('|').map(unitValue).join(','),
        audienceGroup: '',
      };
}

/** The import's `Zielgruppe` column for the picker's fields (its parser reads this back). */
function zielgruppeOf(form: CourseForm): string {
  switch (form.audienceKind) {
    case 'lotsen':
      return 'lotsen';
    case 'units':
      return splitUnits(form.audienceUnits).join('|');
    case 'group':
      return `gruppe:${form.audienceGroup}`;
    case 'alle':
      return 'alle';
    default:
      // A kind the form does not offer: the import reports the audience as missing.
      return '';
  }
}

/** The sessions someone started to fill in; completely empty rows do not count. */
export function filledSessions(form: CourseForm): CourseForm['sessions'] {
  return form.sessions.filter((s) => s.date || s.start || s.end || s.place || s.link);
}

/** One CSV row per filled session, course fields repeated, as the import expects. */
export function courseCsvOf(form: CourseForm, courseId: string): string {
  const deadline = form.deadlineDate ? `${form.deadlineDate}T${form.deadlineTime}` : '';
  const rows = filledSessions(form).map((s) => [
    courseId,
    form.title,
    form.description,
    s.date && s.start ? `${s.date}T${s.start}` : '',
    s.date && s.end ? `${s.date}T${s.end}` : '',
    s.place,
    form.mode,
    s.link,
    form.capacity,
    deadline,
    zielgruppeOf(form),
  ]);
  return stringify([[...COURSE_CSV_HEADER], ...rows], { delimiter: ';' });
}

/** "Zeile 3, Feld „Beginn“: …" → "Termin 2, Feld „Beginn“: …"; course fields lose the line. */
export function formProblemsOf(problems: readonly string[]): string[] {
  const told = problems.map((problem) =>
    problem.replace(/^Zeile (\d+)(, Feld „(\w+)“)?: /, (_all, line: string, field, name) =>
      SESSION_FIELDS.has(name as string)
        ? `Termin ${Number(line) - 1}${field as string}: `
        : field
          ? `Feld „${name as string}“: `
          : '',
    ),
  );
  return [...new Set(told)];
}

const SESSION_FIELDS = new Set(['Beginn', 'Ende', 'Ort', 'OnlineLink']);
