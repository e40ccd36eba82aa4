/**
 * The course CSV an organiser keeps in Excel: one row per session, rows with the same
 * `KursId` are one course. Reading checks every row and every field and reports every
 * problem with its line and field, in German, so that one round of corrections suffices.
 */
import { readLocalTime } from './berlin-time';
import { readSemicolonCsv, type CsvRow } from './csv-reader';
import { COURSE_MODES, type CourseAudience, type CourseMode } from './model';

export const COURSE_CSV_HEADER = [
  'KursId',
  'Titel',
  'Beschreibung',
  'Beginn',
  'Ende',
  'Ort',
  'Modus',
  'OnlineLink',
  'Plaetze',
  'Anmeldeschluss',
  'Zielgruppe',
] as const;

export type CourseColumn = (typeof COURSE_CSV_HEADER)[number];

/** Fields that describe the course, not one session: they must agree across its rows. */
export const COURSE_LEVEL_COLUMNS: readonly CourseColumn[] = [
  'Titel',
  'Beschreibung',
  'Modus',
  'Plaetze',
  'Anmeldeschluss',
  'Zielgruppe',
];

export const LIMITS = {
  title: 200,
  description: 4000,
  place: 300,
  link: 2000,
  capacity: 10_000,
  sessions: 50,
};

/** Course ids: safe as store ids, in job ids and in URLs. */
export const COURSE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const GROUP_ID = /^gruppe:\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const TIME_EXAMPLE = 'erwartet JJJJ-MM-TTTHH:MM in deutscher Zeit, z. B. 2027-03-02T09:00';

/** One problem, where it is. Sorted by line for the report. */
export interface ImportProblem {
  line: number;
  field?: CourseColumn;
  message: string;
}

export function formatProblem(problem: ImportProblem): string {
  const field = problem.field ? `, Feld „${problem.field}“` : '';
  return `Zeile ${problem.line}${field}: ${problem.message}`;
}

/** A data row with every field that could be read; a field with a problem is left out. */
export interface SessionRow {
  line: number;
  raw: Record<CourseColumn, string>;
  courseId?: string;
  title?: string;
  description: string;
  start?: Date;
  end?: Date;
  place?: string;
  mode?: CourseMode;
  onlineLink?: string;
  capacity?: number;
  deadline?: Date;
  audience?: CourseAudience;
}

export type SheetRead =
  | { ok: true; rows: SessionRow[]; problems: ImportProblem[] }
  | { ok: false; problems: ImportProblem[] };

/**
 * Reads the file's rows and checks each on its own (formats, required fields). Problems
 * that concern a whole course (rows disagreeing, deadlines, overlaps) are `course-plan`'s.
 */
export function readCourseSheet(text: string): SheetRead {
  const garbled = text.indexOf('\uFFFD');
  if (garbled !== -1) {
    return {
      ok: false,
      problems: [
        {
          line: text.slice(0, garbled).split('\n').length,
          message:
            'Die Datei ist nicht UTF-8-kodiert (Umlaute sind unlesbar) – in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ speichern.',
        },
      ],
    };
  }
  const read = readSemicolonCsv(text);
  if (!read.ok) return { ok: false, problems: [{ line: 1, message: read.problem }] };
  const [header, ...data] = read.rows;
  const headerProblem = header ? checkHeader(header) : 'Die Datei ist leer.';
  if (headerProblem)
    return { ok: false, problems: [{ line: header?.line ?? 1, message: headerProblem }] };
  if (data.length === 0) {
    return { ok: false, problems: [{ line: 2, message: 'Die Datei enthält keine Kurszeilen.' }] };
  }
  const problems: ImportProblem[] = [];
  const rows: SessionRow[] = [];
  for (const record of data) {
    if (record.fields.length !== COURSE_CSV_HEADER.length) {
      problems.push({
        line: record.line,
        message: `${record.fields.length} Spalten statt ${COURSE_CSV_HEADER.length} – jede Zeile braucht genau die Felder der Kopfzeile, getrennt durch „;“ (Text mit „;“ in Anführungszeichen setzen).`,
      });
      continue;
    }
    rows.push(readRow(record, problems));
  }
  return { ok: true, rows, problems };
}

function checkHeader(header: CsvRow): string | undefined {
  const expected = COURSE_CSV_HEADER.join(';');
  const found = header.fields;
  const differing = COURSE_CSV_HEADER.findIndex((name, index) => found[index] !== name);
  if (differing === -1 && found.length === COURSE_CSV_HEADER.length) return undefined;
  if (found.length === 1 && /[,\t]/.test(found[0] ?? '')) {
    return `Die Spalten sind nicht durch „;“ getrennt. Erwartet wird genau: ${expected}`;
  }
  const detail =
    differing === -1
      ? `sie hat ${found.length} Spalten statt ${COURSE_CSV_HEADER.length}`
      : found[differing] === undefined
        ? `Spalte ${differing + 1} „${COURSE_CSV_HEADER[differing]}“ fehlt`
        : `Spalte ${differing + 1} heißt „${found[differing]}“ statt „${COURSE_CSV_HEADER[differing]}“`;
  return `Die Kopfzeile stimmt nicht (${detail}). Erwartet wird genau: ${expected}`;
}

function readRow(record: CsvRow, problems: ImportProblem[]): SessionRow {
  const raw = Object.fromEntries(
    COURSE_CSV_HEADER.map((name, index) => [name, record.fields[index] ?? '']),
  ) as Record<CourseColumn, string>;
  const line = record.line;
  const report = (field: CourseColumn, message: string) => problems.push({ line, field, message });
  const row: SessionRow = { line, raw, description: raw.Beschreibung };

  if (raw.KursId === '') report('KursId', 'fehlt.');
  else if (!COURSE_ID.test(raw.KursId)) {
    report(
      'KursId',
      `„${raw.KursId}“ ist keine gültige Kurskennung – erlaubt sind Buchstaben, Ziffern, „.“, „_“ und „-“ (höchstens 64 Zeichen, am Anfang ein Buchstabe oder eine Ziffer).`,
    );
  } else row.courseId = raw.KursId;

  if (raw.Titel === '') report('Titel', 'fehlt.');
  else if (raw.Titel.length > LIMITS.title)
    report('Titel', `ist länger als ${LIMITS.title} Zeichen.`);
  else row.title = raw.Titel;

  if (raw.Beschreibung.length > LIMITS.description) {
    report('Beschreibung', `ist länger als ${LIMITS.description} Zeichen.`);
  }

  row.start = readTime(raw.Beginn, 'Beginn', report);
  row.end = readTime(raw.Ende, 'Ende', report);
  if (row.start && row.end && row.end <= row.start) {
    report('Ende', `${raw.Ende} liegt nicht nach dem Beginn ${raw.Beginn}.`);
    row.end = undefined;
  }

  if (raw.Ort.length > LIMITS.place) report('Ort', `ist länger als ${LIMITS.place} Zeichen.`);
  else if (raw.Ort !== '') row.place = raw.Ort;

  const mode = modeOf(raw.Modus);
  if (raw.Modus === '') report('Modus', 'fehlt – erlaubt sind praesenz, online oder hybrid.');
  else if (!mode) {
    report(
      'Modus',
      `„${raw.Modus}“ ist kein bekannter Modus – erlaubt sind praesenz, online oder hybrid.`,
    );
  } else row.mode = mode;

  if (raw.OnlineLink !== '') {
    if (isWebLink(raw.OnlineLink)) row.onlineLink = raw.OnlineLink;
    else {
      report(
        'OnlineLink',
        `„${raw.OnlineLink}“ ist keine Web-Adresse – erwartet wird ein Link, der mit https:// beginnt.`,
      );
    }
  }
  if (row.mode && row.mode !== 'praesenz' && raw.OnlineLink === '') {
    report('OnlineLink', `fehlt – ein Kurs im Modus ${row.mode} braucht einen Online-Link.`);
  }
  if (row.mode && row.mode !== 'online' && raw.Ort === '') {
    report('Ort', `fehlt – ein Kurs im Modus ${row.mode} braucht einen Ort.`);
  }

  row.capacity = readCapacity(raw.Plaetze, report);
  row.deadline = readTime(raw.Anmeldeschluss, 'Anmeldeschluss', report);
  row.audience = readAudience(raw.Zielgruppe, report);
  return row;
}

type Report = (field: CourseColumn, message: string) => void;

function readTime(text: string, field: CourseColumn, report: Report): Date | undefined {
  if (text === '') {
    report(field, `fehlt – ${TIME_EXAMPLE}.`);
    return undefined;
  }
  const read = readLocalTime(text);
  if (read.ok) return read.instant;
  if (read.reason === 'dst-gap') {
    report(
      field,
      `${text} gibt es wegen der Umstellung auf Sommerzeit nicht (02:00–03:00 Uhr fällt aus).`,
    );
  } else {
    report(field, `„${text}“ ist kein gültiger Zeitpunkt – ${TIME_EXAMPLE}.`);
  }
  return undefined;
}

function readCapacity(text: string, report: Report): number | undefined {
  if (text === '') {
    report('Plaetze', 'fehlt – die Zahl der Plätze, mindestens 1.');
    return undefined;
  }
  if (!/^-?\d+$/.test(text)) {
    report('Plaetze', `„${text}“ ist keine ganze Zahl.`);
    return undefined;
  }
  const capacity = Number(text);
  if (capacity < 1) {
    report('Plaetze', `${text} ist zu wenig – ein Kurs braucht mindestens 1 Platz.`);
    return undefined;
  }
  if (capacity > LIMITS.capacity) {
    report('Plaetze', `${text} ist mehr als die erlaubten ${LIMITS.capacity}.`);
    return undefined;
  }
  return capacity;
}

/** A course's audience as the `Zielgruppe` column writes it; undefined when malformed. */
export function readCourseAudience(text: string): CourseAudience | undefined {
  return readAudience(text, () => undefined);
}

function readAudience(text: string, report: Report): CourseAudience | undefined {
  const keyword = text.toLocaleLowerCase('de-DE');
  if (text === '') {
    report(
      'Zielgruppe',
      'fehlt – „alle“, „lotsen“, „gruppe:<Objekt-ID>“ oder Bereiche, getrennt durch „|“.',
    );
    return undefined;
  }
  if (keyword === 'alle') return { kind: 'everyone' };
  if (keyword === 'lotsen') return { kind: 'lotsen' };
  const group = GROUP_ID.exec(text);
  if (group) return { kind: 'group', groupId: (group[1] as string).toLowerCase() };
  if (keyword.startsWith('gruppe:')) {
    report('Zielgruppe', `„${text}“: nach „gruppe:“ muss die Objekt-ID der Entra-Gruppe stehen.`);
    return undefined;
  }
  const departments = text.split('|').map((part) => part.trim());
  if (departments.some((part) => part === '')) {
    report('Zielgruppe', `„${text}“ enthält einen leeren Bereich – Bereiche durch „|“ trennen.`);
    return undefined;
  }
  return { kind: 'units', departments };
}

function modeOf(text: string): CourseMode | undefined {
  const folded = text.toLocaleLowerCase('de-DE').replace('ä', 'ae');
  return COURSE_MODES.find((mode) => mode === folded);
}

function isWebLink(text: string): boolean {
  if (text.length > LIMITS.link) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
