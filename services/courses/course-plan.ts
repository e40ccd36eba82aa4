/**
 * From checked rows to courses: rows with the same `KursId` become one course, whose
 * course-wide fields must agree, whose sessions must not overlap, whose deadline must come
 * before the first session, and which must not lie in the past — except what an earlier
 * import already stored (a running course may still be changed).
 */
import {
  COURSE_LEVEL_COLUMNS,
  LIMITS,
  formatProblem,
  readCourseSheet,
  type ImportProblem,
  type SessionRow,
} from './course-csv';
import { localTimeOf } from './berlin-time';
import { readSemicolonCsv } from './csv-reader';
import type { Course, CourseDraft, CourseSession } from './model';

export interface PlannedCourse {
  draft: CourseDraft;
  /** The line of the course's first row, for messages. */
  line: number;
}

export type CourseCsvRead =
  { ok: true; courses: PlannedCourse[] } | { ok: false; problems: string[] };

/**
 * The whole check of a course CSV: every problem of every row and course, sorted by line,
 * or the courses to store. `existing` holds the stored courses with ids used in the file.
 */
export function readCourseCsv(
  text: string,
  now: Date,
  existing: ReadonlyMap<string, Course>,
): CourseCsvRead {
  const sheet = readCourseSheet(text);
  if (!sheet.ok) return { ok: false, problems: sheet.problems.map(formatProblem) };
  const problems = [...sheet.problems];
  const courses: PlannedCourse[] = [];
  for (const rows of groupByCourse(sheet.rows)) {
    const planned = planCourse(rows, now, existing.get(rows[0]?.courseId ?? ''), problems);
    if (planned) courses.push(planned);
  }
  if (problems.length > 0) {
    const sorted = [...problems].sort((a, b) => a.line - b.line);
    return { ok: false, problems: sorted.map(formatProblem) };
  }
  return { ok: true, courses };
}

/** The course ids a file names, to load the stored courses before checking it. */
export function courseIdsIn(text: string): string[] {
  const read = readSemicolonCsv(text);
  if (!read.ok) return [];
  return [...new Set(read.rows.slice(1).map((row) => row.fields[0] ?? ''))].filter(
    (id) => id !== '',
  );
}

function groupByCourse(rows: SessionRow[]): SessionRow[][] {
  const groups = new Map<string, SessionRow[]>();
  for (const row of rows) {
    if (row.courseId === undefined) continue;
    const group = groups.get(row.courseId) ?? [];
    group.push(row);
    groups.set(row.courseId, group);
  }
  return [...groups.values()];
}

function planCourse(
  rows: SessionRow[],
  now: Date,
  stored: Course | undefined,
  problems: ImportProblem[],
): PlannedCourse | undefined {
  const first = rows[0] as SessionRow;
  const before = problems.length;
  const report = (line: number, field: ImportProblem['field'], message: string) =>
    problems.push({ line, field, message });

  for (const row of rows.slice(1)) {
    for (const column of COURSE_LEVEL_COLUMNS) {
      if (row.raw[column] !== first.raw[column]) {
        report(
          row.line,
          column,
          `„${row.raw[column]}“ weicht von Zeile ${first.line} („${first.raw[column]}“) ab – kursweite Felder müssen in allen Zeilen eines Kurses gleich sein.`,
        );
      }
    }
  }
  if (stored?.status === 'cancelled') {
    report(
      first.line,
      'KursId',
      `Kurs ${stored.id} ist abgesagt und kann nicht mehr geändert werden.`,
    );
  }
  if (rows.length > LIMITS.sessions) {
    report(first.line, 'KursId', `Kurs hat ${rows.length} Termine – höchstens ${LIMITS.sessions}.`);
  }

  const timed = rows
    .filter((row): row is SessionRow & { start: Date; end: Date } => !!row.start && !!row.end)
    .sort((a, b) => a.start.getTime() - b.start.getTime());
  timed.forEach((row, index) => {
    const previous = timed[index - 1];
    if (previous && row.start < previous.end) {
      report(
        row.line,
        'Beginn',
        `Der Termin überschneidet sich mit dem Termin aus Zeile ${previous.line}.`,
      );
    }
  });
  const storedStarts = new Set(stored?.sessions.map((session) => session.start) ?? []);
  for (const row of rows) {
    if (row.start && row.start < now && !storedStarts.has(row.start.toISOString())) {
      report(row.line, 'Beginn', `${row.raw.Beginn} liegt in der Vergangenheit.`);
    }
  }
  const firstSession = timed[0];
  if (first.deadline) {
    const unchanged = stored?.registrationDeadline === first.deadline.toISOString();
    if (first.deadline < now && !unchanged) {
      report(
        first.line,
        'Anmeldeschluss',
        `${first.raw.Anmeldeschluss} liegt in der Vergangenheit.`,
      );
    }
    if (firstSession && first.deadline > firstSession.start) {
      report(
        first.line,
        'Anmeldeschluss',
        `${first.raw.Anmeldeschluss} liegt nach dem Beginn des ersten Termins (${localTimeOf(firstSession.start.toISOString())}, Zeile ${firstSession.line}).`,
      );
    }
  }

  const complete = rows.every((row) => row.start && row.end);
  if (problems.length > before || !complete || !first.title || !first.mode) return undefined;
  if (!first.capacity || !first.deadline || !first.audience) return undefined;
  const sessions: CourseSession[] = timed.map((row, index) => ({
    id: `s${index + 1}`,
    start: row.start.toISOString(),
    end: row.end.toISOString(),
    ...(row.place !== undefined && { place: row.place }),
    ...(row.onlineLink !== undefined && { onlineLink: row.onlineLink }),
  }));
  return {
    line: first.line,
    draft: {
      id: first.courseId as string,
      title: first.title,
      description: first.description,
      mode: first.mode,
      capacity: first.capacity,
      registrationDeadline: first.deadline.toISOString(),
      audience: first.audience,
      sessions,
    },
  };
}
