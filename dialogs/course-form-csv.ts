/**
 * The organisers' course form as the rows of a course CSV: the form is checked and saved by
 * exactly the rules of `lotse courses import`, and its problems are told in form terms.
 */
import { stringify } from 'csv-stringify/sync';
import type { CourseFormData } from '../cards';
import { COURSE_CSV_HEADER, localTimeOf, readOffset, type Course } from '../services/courses';

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
    audience: text('audience') || 'alle',
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
    audience: 'alle',
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
    audience: audienceText(course.audience),
    reminders: course.reminders.join(','),
  };
}

/** The import's `Zielgruppe` column for an audience (its parser reads this back). */
function audienceText(audience: Course['audience']): string {
  switch (audience.kind) {
    case 'everyone':
      return 'alle';
    case 'lotsen':
      return 'lotsen';
    case 'units':
      return audience.departments.join('|');
    case 'group':
      return `gruppe:${audience.groupId}`;
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
    form.audience,
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
