/**
 * "kurs anlegen": organisers create a course with a form in Teams; "Bearbeiten" on their
 * course card opens the same form filled from the course. The form becomes the rows
 * of a course CSV and goes through the same check and save as `lotse courses import`, so both
 * ways refuse the same mistakes; a refused form comes back with every problem and every value.
 */
import { createHash, randomBytes } from 'node:crypto';
import { courseFormCard, strings, type CardAttachment, type Strings } from '../cards';
import { audiencePickProblems } from './audience-pick';
import {
  FORM_SESSIONS,
  courseCsvOf,
  courseFormOf,
  filledSessions,
  formProblemsOf,
  newCourseForm,
  readCourseForm,
  remindersOf,
  type CourseForm,
} from './course-form-csv';
import type { Course } from '../services/courses';
import { showCourse } from './courses';
import type { DialogServices } from './services';
import { replaceSubmittedCard, sendCard, sendText, type Turn } from './turn';

export async function showCourseForm(turn: Turn, services: DialogServices): Promise<void> {
  if (!(await mayOrganise(turn, services))) {
    return sendText(turn, strings[turn.language].courseFormNotOrganiser);
  }
  const form = newCourseForm(services.courses.defaultReminders);
  await sendCard(turn, await formCard(turn, services, { form, sessionCount: FORM_SESSIONS }));
}

export async function createCourseFromForm(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  if (!(await mayOrganise(turn, services))) return sendText(turn, t.courseFormNotOrganiser);
  const form = readCourseForm(value);
  const refuse = async (problems: string[]) =>
    replaceSubmittedCard(
      turn,
      await formCard(turn, services, { form, problems, sessionCount: FORM_SESSIONS }),
    );
  if (filledSessions(form).length === 0) return refuse([t.courseFormNoSession]);
  const reminders = remindersOf(form);
  if (!reminders.ok) return refuse([reminders.problem]);
  const audience = audienceProblems(form, t);
  if (audience.length > 0) return refuse(audience);
  const courseId = newCourseId();
  const imported = await services.courses.importCsv(courseCsvOf(form, courseId), actorOf(turn), {
    reminders: reminders.offsets,
  });
  if (!imported.ok) return refuse(formProblemsOf(imported.problems));
  // The form stays visible without its button, so it cannot create the course twice.
  await replaceSubmittedCard(
    turn,
    await formCard(turn, services, { form, sessionCount: FORM_SESSIONS, done: true }),
  );
  await sendText(turn, t.courseFormCreated.replace('{title}', form.title));
  await showCourse(turn, services, { courseId });
}

/** "Bearbeiten" on the organiser's course card: the same form, filled from the course. */
export async function showCourseEditForm(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  if (!(await mayOrganise(turn, services))) return sendText(turn, t.courseFormNotOrganiser);
  const course = await editableCourse(turn, services, value.courseId);
  if (!course) return;
  const form = courseFormOf(course);
  await sendCard(
    turn,
    await formCard(turn, services, {
      form,
      sessionCount: Math.max(FORM_SESSIONS, form.sessions.length),
      edit: { courseId: course.id, version: formVersionOf(course) },
    }),
  );
}

/**
 * What the form shows of the course, as a short fingerprint: a submit whose form was filled
 * before someone else changed the course is stale. Registrations do not count, so a popular
 * course can still be edited while people sign up.
 */
export function formVersionOf(course: Course): string {
  const { id, title, description, mode, capacity, registrationDeadline, audience } = course;
  const { sessions, reminders } = course;
  const shown = [
    [id, title, description, mode, capacity, registrationDeadline, audience],
    [sessions, reminders],
  ];
  return createHash('sha256').update(JSON.stringify(shown)).digest('base64url').slice(0, 16);
}

/**
 * The edit form's submit: checked and saved as a re-import of the course's CSV rows, so the
 * import's change handling runs (cards updated in place, notices, reminders moved). A form
 * filled from an older state of the course (another edit, an import) is refused, as is a
 * forged course id.
 */
export async function updateCourseFromForm(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  if (!(await mayOrganise(turn, services))) return sendText(turn, t.courseFormNotOrganiser);
  const course = await editableCourse(turn, services, value.courseId);
  if (!course) return;
  if (value.version !== formVersionOf(course)) return sendText(turn, t.courseFormStale);
  const form = readCourseForm(value);
  const edit = { courseId: course.id, version: formVersionOf(course) };
  const sessionCount = form.sessions.length;
  const refuse = async (problems: string[]) =>
    replaceSubmittedCard(
      turn,
      await formCard(turn, services, { form, problems, sessionCount, edit }),
    );
  if (filledSessions(form).length === 0) return refuse([t.courseFormNoSession]);
  const reminders = remindersOf(form);
  if (!reminders.ok) return refuse([reminders.problem]);
  const audience = audienceProblems(form, t);
  if (audience.length > 0) return refuse(audience);
  const imported = await services.courses.importCsv(courseCsvOf(form, course.id), actorOf(turn), {
    reminders: reminders.offsets,
  });
  if (!imported.ok) return refuse(formProblemsOf(imported.problems));
  await replaceSubmittedCard(
    turn,
    await formCard(turn, services, { form, sessionCount, edit, done: true }),
  );
  const changed = imported.saved.some((saved) => saved.outcome === 'updated');
  const told = changed ? t.courseFormSaved : t.courseFormUnchanged;
  await sendText(turn, told.replace('{title}', form.title));
}

function audienceProblems(form: CourseForm, t: Strings): string[] {
  const pick = { kind: form.audienceKind, units: form.audienceUnits, groupId: form.audienceGroup };
  return audiencePickProblems(pick, t);
}

/** The course form, with the organisation's units to pick the audience from. */
async function formCard(
  turn: Turn,
  services: DialogServices,
  data: Omit<Parameters<typeof courseFormCard>[1], 'units'>,
): Promise<CardAttachment> {
  return courseFormCard(turn.language, { ...data, units: await services.units.units() });
}

async function editableCourse(
  turn: Turn,
  services: DialogServices,
  courseId: unknown,
): Promise<Course | undefined> {
  const t = strings[turn.language];
  const course = typeof courseId === 'string' ? await services.courses.get(courseId) : undefined;
  if (!course) {
    await sendText(turn, t.courseUnknown);
    return undefined;
  }
  if (course.status === 'cancelled') {
    await sendText(turn, t.courseFormCancelled);
    return undefined;
  }
  return course;
}

function actorOf(turn: Turn): { id: string } {
  return { id: (turn.identity.aadObjectId as string).toLowerCase() };
}

/** Unguessable enough not to collide, short enough to read in a CSV export. */
function newCourseId(): string {
  return `K-${randomBytes(5).toString('hex')}`;
}

async function mayOrganise(turn: Turn, services: DialogServices): Promise<boolean> {
  const id = turn.identity.aadObjectId;
  return id !== undefined && services.courses.mayOrganise(id);
}
