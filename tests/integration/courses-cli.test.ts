import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../../bot/cli';
import { AuditLog } from '../../services/audit';
import { systemClock } from '../../services/clock';
import { BROADCASTS_CONTAINER, type Broadcast } from '../../services/broadcast';
import {
  COURSE_CHANGE_JOB,
  COURSE_REMINDER_JOB,
  announcementIdOf,
  type Course,
} from '../../services/courses';
import { JOBS_CONTAINER, type Job } from '../../services/scheduler';
import { SqliteStore, queryAll } from '../../services/storage';
import { courseService } from '../support/course-service';

// Dates in 2098: the CLI runs on the system clock and must not find them in the past.
const fixture = join(__dirname, '..', 'fixtures', 'courses', 'courses-2098.csv');
const root = join(__dirname, '..', '..');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

describe('lotse courses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'courses-cli-'));
  const database = join(dir, 'bot.db');
  const previous = process.env.SQLITE_PATH;

  /** Looks into the store the CLI wrote, with a connection of its own. */
  async function inStore<T>(look: (store: SqliteStore) => Promise<T>): Promise<T> {
    const store = new SqliteStore({ path: database });
    try {
      return await look(store);
    } finally {
      await store.close();
    }
  }

  async function jobs(kind: string): Promise<Job[]> {
    return inStore(async (store) => {
      const found: Job[] = [];
      for await (const job of queryAll<Job>(store, JOBS_CONTAINER, {
        where: [{ field: 'kind', op: '=', value: kind }],
      })) {
        found.push(job);
      }
      return found;
    });
  }

  function variant(name: string, edit: (text: string) => string): string {
    const path = join(dir, name);
    writeFileSync(path, edit(readFileSync(fixture, 'utf8')));
    return path;
  }

  beforeAll(() => {
    process.env.SQLITE_PATH = database;
  });
  afterAll(() => {
    process.env.SQLITE_PATH = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the file through the exact npm command and says what it created', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '-s', 'lotse', '--', 'courses', 'import', fixture],
      { cwd: root, env: { ...process.env, SQLITE_PATH: database } },
    );
    expect(stdout.trim().split('\n')).toEqual([
      'Kurs DL-2098-01 „Digitallotsen-Schulung Frühjahr“ angelegt: 3 Termine ab 2098-03-02T09:00, 20 Plätze, Zielgruppe Digitallotsen.',
      'Kurs TEAMS-01 „Teams für Einsteiger“ angelegt: 1 Termin ab 2098-03-10T10:00, 30 Plätze, Zielgruppe alle.',
      'Kurs OUTLOOK-02 „Outlook-Kalender im Team“ angelegt: 1 Termin ab 2098-04-13T13:00, 12 Plätze, Zielgruppe Fachbereich 2 Bürgerservice und Ordnung | Technische Betriebe (TBO).',
      '3 Kurse importiert: 3 angelegt, 0 aktualisiert, 0 unverändert.',
    ]);
    // Three sessions and one, two and one … each with 7 days, 1 day and 1 hour before.
    expect(await jobs(COURSE_REMINDER_JOB)).toHaveLength(5 * 3);
  }, 60_000);

  it('exits with 1 through the exact npm command when the file is wrong, naming line and field', async () => {
    const broken = variant('broken.csv', (text) =>
      text.replace('2098-03-10T11:30', '2098-03-10T09:30'),
    );
    const failed = await promisify(execFile)(
      'npm',
      ['run', '-s', 'lotse', '--', 'courses', 'import', broken],
      { cwd: root, env: { ...process.env, SQLITE_PATH: database } },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      'Zeile 8, Feld „Ende“: 2098-03-10T09:30 liegt nicht nach dem Beginn',
    );
  }, 60_000);

  it('stores nothing when an audience names units the directory does not know', async () => {
    const unknown = variant('unknown-unit.csv', (text) =>
      text.replace('|Technische Betriebe (TBO)', '|Amt für Raumfahrt'),
    );
    const result = await run('courses', 'import', unknown);
    expect(result.code).toBe(1);
    expect(result.err.slice(1)).toEqual([
      expect.stringMatching(
        /^ {2}Zeile \d+, Feld „Zielgruppe“: Diese Bereiche kennt das Verzeichnis nicht: Amt für Raumfahrt$/,
      ),
    ]);
  });

  it('leaves a second import of the same file unchanged', async () => {
    const again = await run('courses', 'import', fixture);
    expect(again.code).toBe(0);
    expect(again.out.at(-1)).toBe('3 Kurse importiert: 0 angelegt, 0 aktualisiert, 3 unverändert.');
  });

  it('stores nothing when any row is wrong, and lists every problem', async () => {
    const mixed = variant('mixed.csv', (text) =>
      text
        .replace('TEAMS-01;Teams für Einsteiger', 'NEU-01;Neuer Kurs')
        .replace(';30;', ';0;')
        .replace(
          ';praesenz;;20;2098-02-20T23:59;lotsen\r\n',
          ';vor Ort;;20;2098-02-20T23:59;lotsen\r\n',
        ),
    );
    const result = await run('courses', 'import', mixed);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/nichts importiert, 4 Fehler/);
    expect(result.err.slice(1)).toEqual([
      expect.stringMatching(/^ {2}Zeile 2, Feld „Modus“: „vor Ort“ ist kein bekannter Modus/),
      expect.stringMatching(/^ {2}Zeile 4, Feld „Modus“: „praesenz“ weicht von Zeile 2/),
      expect.stringMatching(/^ {2}Zeile 6, Feld „Modus“: „praesenz“ weicht von Zeile 2/),
      expect.stringMatching(/^ {2}Zeile 8, Feld „Plaetze“: 0 ist zu wenig/),
    ]);
    const listed = await run('courses', 'list', '--json');
    expect(listed.out.map((line) => (JSON.parse(line) as { id: string }).id)).not.toContain(
      'NEU-01',
    );
  });

  it('updates a course imported again with changes, and starts the change handling', async () => {
    const moved = variant('moved.csv', (text) =>
      text.replace('Bürgerbüro, Raum 2.14;hybrid', 'Rathaus, Raum 1.01;online'),
    );
    const result = await run('courses', 'import', moved);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'Kurs OUTLOOK-02 „Outlook-Kalender im Team“ aktualisiert (Version 2): neuer Ort, jetzt online.',
    );
    const changes = await jobs(COURSE_CHANGE_JOB);
    expect(changes.map((job) => job.payload)).toEqual([
      { courseId: 'OUTLOOK-02', changes: ['place', 'online'] },
    ]);
  });

  it('exports the attendee list for Excel', async () => {
    await inStore(async (store) => {
      const courses = courseService(store);
      await courses.registrations.register('TEAMS-01', '00000000-0000-0000-0000-0000000000020');
    });
    const file = join(dir, 'teilnehmende.csv');
    const exported = await run('courses', 'attendees', 'TEAMS-01', file);
    expect(exported.code).toBe(0);
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\ufeffStatus;Wartelistenplatz;Name;E-Mail;Bereich;Seit\r\n')).toBe(true);
    expect(csv).toContain('angemeldet;;Alex Wilber;');
  });

  it('sets the reminders of one course and refuses durations it cannot read', async () => {
    const set = await run('courses', 'reminders', 'TEAMS-01', 'P2D,PT2H');
    expect(set.out).toEqual(['Kurs TEAMS-01: Erinnerungen P2D, PT2H.']);
    const offsets = (await jobs(COURSE_REMINDER_JOB))
      .filter((job) => job.payload.courseId === 'TEAMS-01' && job.state === 'pending')
      .map((job) => job.payload.offset);
    expect(offsets.sort()).toEqual(['P2D', 'PT2H']);
    const bad = await run('courses', 'reminders', 'TEAMS-01', '2 Tage');
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/Keine gültigen Dauern: 2 TAGE/);
  });

  it('submits the announcement to the broadcast pipeline, which the running bot sends', async () => {
    const announced = await run('courses', 'announce', 'OUTLOOK-02');
    expect(announced.out).toEqual([
      expect.stringMatching(
        /^Kurs OUTLOOK-02: Die Ankündigung geht an \d+ Personen; der laufende Bot sendet sie\.$/,
      ),
    ]);
    const broadcast = await inStore((store) =>
      store.get<Broadcast>(BROADCASTS_CONTAINER, announcementIdOf('OUTLOOK-02')),
    );
    expect(broadcast).toMatchObject({
      status: 'queued',
      createdBy: expect.stringMatching(/^cli:/),
    });
    const again = await run('courses', 'announce', 'OUTLOOK-02');
    expect(again.out).toEqual(['Kurs OUTLOOK-02 wurde bereits angekündigt.']);
  });

  it('cancels a course: it leaves the list and cannot be imported again', async () => {
    const cancelled = await run('courses', 'cancel', 'TEAMS-01');
    expect(cancelled.out).toEqual([
      'Kurs TEAMS-01 abgesagt – 1 Angemeldete und Wartende werden benachrichtigt.',
    ]);
    const stored = await inStore((store) => store.get<Course>('courses', 'TEAMS-01'));
    expect(stored).toMatchObject({ status: 'cancelled', version: 2 });
    const listed = await run('courses', 'list', '--json');
    expect(listed.out.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([
      'DL-2098-01',
      'OUTLOOK-02',
    ]);
    const again = await run('courses', 'import', fixture);
    expect(again.code).toBe(1);
    expect(again.err).toContainEqual(
      expect.stringMatching(/Feld „KursId“: Kurs TEAMS-01 ist abgesagt/),
    );
  });

  it('records imports and changes in the audit log, without content', async () => {
    const audit = await inStore((store) => new AuditLog(store, systemClock).since(new Date(0)));
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'course.import',
        'course.create',
        'course.change',
        'course.cancel',
        'course.attendees',
        'course.announce',
      ]),
    );
  });

  it('answers bad usage with the usage text and exit code 2', async () => {
    expect((await run('courses')).code).toBe(2);
    expect((await run('courses', 'import')).code).toBe(2);
    expect((await run('courses', 'umbenennen')).err[0]).toMatch(/Unbekannter Unterbefehl/);
    expect((await run('courses', 'import', join(dir, 'fehlt.csv'))).err[0]).toMatch(
      /lässt sich nicht lesen/,
    );
  });
});
