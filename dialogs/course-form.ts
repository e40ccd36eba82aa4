/**
 * "kurs anlegen": organisers create a course with a form in Teams. The form becomes the rows
 * of a course CSV and goes through the same check and save as `lotse courses import`, so both
 * ways refuse the same mistakes; a refused form comes back with every problem and every value.
 */
import { randomBytes } from 'node:crypto';
import { courseFormCard, strings } from '../cards';
import {
  FORM_SESSIONS,
  courseCsvOf,
  filledSessions,
  formProblemsOf,
  readCourseForm,
} from './course-form-csv';
import { showCourse } from './courses';
import type { DialogServices } from './services';
import { replaceSubmittedCard, sendCard, sendText, type Turn } from './turn';

export async function showCourseForm(turn: Turn, services: DialogServices): Promise<void> {
  if (!(await mayOrganise(turn, services))) {
    return sendText(turn, strings[turn.language].courseFormNotOrganiser);
  }
  await sendCard(turn, courseFormCard(turn.language, { sessionCount: FORM_SESSIONS }));
}

export async function createCourseFromForm(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const t = strings[turn.language];
  if (!(await mayOrganise(turn, services))) return sendText(turn, t.courseFormNotOrganiser);
  const form = readCourseForm(value);
  const refuse = (problems: string[]) =>
    replaceSubmittedCard(
      turn,
      courseFormCard(turn.language, { form, problems, sessionCount: FORM_SESSIONS }),
    );
  if (filledSessions(form).length === 0) return refuse([t.courseFormNoSession]);
  const actor = { id: (turn.identity.aadObjectId as string).toLowerCase() };
  const courseId = newCourseId();
  const imported = await services.courses.importCsv(courseCsvOf(form, courseId), actor);
  if (!imported.ok) return refuse(formProblemsOf(imported.problems));
  // The form stays visible without its button, so it cannot create the course twice.
  await replaceSubmittedCard(
    turn,
    courseFormCard(turn.language, { form, sessionCount: FORM_SESSIONS, done: true }),
  );
  await sendText(turn, t.courseFormCreated.replace('{title}', form.title));
  await showCourse(turn, services, { courseId });
}

/** Unguessable enough not to collide, short enough to read in a CSV export. */
function newCourseId(): string {
  return `K-${randomBytes(5).toString('hex')}`;
}

async function mayOrganise(turn: Turn, services: DialogServices): Promise<boolean> {
  const id = turn.identity.aadObjectId;
  return id !== undefined && services.courses.mayOrganise(id);
}
