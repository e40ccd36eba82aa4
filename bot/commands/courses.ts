/**
 * `lotse courses <subcommand>`: courses in the configured store. Changes made here reach
 * Teams through jobs the running bot executes (card updates, notices, reminders).
 */
import { writeFile } from 'node:fs/promises';
import { coursePresenter } from '../../cards';
import { AuditLog } from '../../services/audit';
import type { Clock } from '../../services/clock';
import { loadConfig } from '../../services/config';
import { Audiences, Broadcasts } from '../../services/broadcast';
import {
  Courses,
  courseSettingsFrom,
  counts,
  localTimeOf,
  type Announced,
  type Course,
  type Saved,
} from '../../services/courses';
import { createDirectory, UnitCatalog } from '../../services/directory';
import { silentLogger } from '../../services/logging';
import { Scheduler } from '../../services/scheduler';
import type { Store } from '../../services/storage';
import { ConnectorSender, tokenSourceFor } from '../proactive';
import { UsageError, type CliIo, type Command } from './command';
import { cliActor, withConfiguredStore } from './configured-store';
import { parseOptions, readText } from './options';

const USAGE = `Aufruf: npm run -s lotse -- courses <Unterbefehl> [Optionen]
Unterbefehle:
  import <datei.csv>              Legt Kurse aus einer CSV-Datei (Excel, „;“-getrennt) an oder ändert sie;
                                  Kopfzeile: KursId;Titel;Beschreibung;Beginn;Ende;Ort;Modus;OnlineLink;
                                  Plaetze;Anmeldeschluss;Zielgruppe – eine Zeile je Termin.
                                  Fehlerhafte Dateien werden ganz abgelehnt, mit allen Fehlern je Zeile.
  list [--json]                   Listet die kommenden Kurse mit Belegung
  attendees <KursId> [<datei.csv>] Teilnehmerliste als CSV für Excel (ohne Datei: Standardausgabe)
  reminders <KursId> <Dauern>     Erinnerungen eines Kurses, z. B. P7D,P1D,PT1H
  cancel <KursId>                 Sagt einen Kurs ab; alle Angemeldeten werden benachrichtigt
  announce <KursId>               Sendet die Ankündigung an die Zielgruppe`;

/** Runs `work` with the course service on the configured store, then closes the store. */
function withCourses<T>(work: (courses: Courses) => Promise<T>): Promise<T> {
  return withConfiguredStore((store, clock) => work(coursesOn(store, clock)));
}

function coursesOn(store: Store, clock: Clock): Courses {
  const config = loadConfig(process.env);
  const directory = createDirectory(config.directory, { logger: silentLogger, clock });
  return new Courses({
    store,
    clock,
    directory,
    // A person at the console can wait for a large directory; a Teams turn cannot.
    units: new UnitCatalog(directory, clock, { waitMs: 120_000 }),
    // Not started: the CLI only schedules; the running bot executes the jobs.
    scheduler: new Scheduler({ store, clock }),
    sender: new ConnectorSender({ tokens: tokenSourceFor(config.credentials) }),
    views: coursePresenter(config.publicBaseUrl),
    audit: new AuditLog(store, clock),
    settings: courseSettingsFrom(config),
    // Submitted here, sent by the running bot's broadcast workers.
    broadcasts: new Broadcasts({
      store,
      audiences: new Audiences(store, directory),
      clock,
      approvalThreshold: config.broadcast.approvalThreshold,
    }),
  });
}

const importCourses: Command = async (args, io) => {
  const file = single(args, 'Genau eine CSV-Datei angeben.');
  const text = await readText(file, 'Die Datei');
  const imported = await withCourses((courses) => courses.importCsv(text, cliActor()));
  if (!imported.ok) {
    io.stderr(`${file}: nichts importiert, ${imported.problems.length} Fehler:`);
    for (const problem of imported.problems) io.stderr(`  ${problem}`);
    return 1;
  }
  for (const saved of imported.saved) io.stdout(describeSaved(saved));
  const tally = (outcome: Saved['outcome']) =>
    imported.saved.filter((saved) => saved.outcome === outcome).length;
  io.stdout(
    `${imported.saved.length} Kurse importiert: ${tally('created')} angelegt, ${tally('updated')} aktualisiert, ${tally('unchanged')} unverändert.`,
  );
  return 0;
};

const CHANGE_TEXT: Record<string, string> = {
  cancelled: 'abgesagt',
  time: 'neue Zeiten',
  place: 'neuer Ort',
  online: 'jetzt online',
  mode: 'neue Form',
  link: 'neuer Online-Link',
  details: 'Titel oder Beschreibung',
  terms: 'Plätze, Anmeldeschluss oder Zielgruppe',
};

function describeSaved({ course, outcome, changes }: Saved): string {
  const name = `Kurs ${course.id} „${course.title}“`;
  if (outcome === 'unchanged') return `${name} unverändert.`;
  const sessions = `${course.sessions.length} ${course.sessions.length === 1 ? 'Termin' : 'Termine'}`;
  if (outcome === 'created') {
    return `${name} angelegt: ${sessions} ab ${localTimeOf(course.firstStart)}, ${course.capacity} Plätze, Zielgruppe ${audienceText(course)}.`;
  }
  const { registered, waitlisted } = counts(course);
  const interested = registered + waitlisted;
  const told =
    interested > 0 && changes.some((change) => change !== 'details' && change !== 'terms')
      ? ` – ${interested} Angemeldete und Wartende werden benachrichtigt`
      : '';
  return `${name} aktualisiert (Version ${course.version}): ${changes.map((c) => CHANGE_TEXT[c]).join(', ')}${told}.`;
}

function audienceText(course: Course): string {
  switch (course.audience.kind) {
    case 'everyone':
      return 'alle';
    case 'lotsen':
      return 'Digitallotsen';
    case 'units':
      return course.audience.departments.join(' | ');
    case 'group':
      return `Gruppe ${course.audience.groupId}`;
  }
}

const listCourses: Command = async (args, io) => {
  const { values } = parseOptions(args, { json: { type: 'boolean' } }, USAGE);
  const upcoming = await withCourses((courses) => courses.upcoming());
  for (const course of upcoming) {
    const { capacity, registered, waitlisted } = counts(course);
    const line = {
      id: course.id,
      title: course.title,
      firstStart: localTimeOf(course.firstStart),
      sessions: course.sessions.length,
      mode: course.mode,
      capacity,
      registered,
      waitlisted,
      version: course.version,
    };
    io.stdout(
      values.json === true
        ? JSON.stringify(line)
        : `${line.id}  ${line.firstStart}  ${line.mode.padEnd(8)}  ${registered}/${capacity} angemeldet, ${waitlisted} Warteliste  ${line.title}`,
    );
  }
  return 0;
};

const exportAttendees: Command = async (args, io) => {
  const { positionals } = parseOptions(args, {}, USAGE, true);
  const [courseId, file] = positionals;
  if (!courseId || positionals.length > 2) throw new UsageError(`KursId angeben.\n${USAGE}`);
  const csv = await withCourses((courses) => courses.files.attendeeCsv(courseId, cliActor()));
  if (!csv.ok) return refused(io, courseId, csv.reason);
  if (file) {
    await writeFile(file, csv.value, 'utf8');
    io.stderr(`Teilnehmerliste von ${courseId} nach ${file} geschrieben.`);
  } else {
    io.stdout(csv.value.replace(/\r\n$/, ''));
  }
  return 0;
};

const setReminders: Command = async (args, io) => {
  const { positionals } = parseOptions(args, {}, USAGE, true);
  const [courseId, offsets] = positionals;
  if (!courseId || !offsets || positionals.length > 2) {
    throw new UsageError(`KursId und Erinnerungen angeben, z. B. DL-01 P7D,P1D,PT1H.\n${USAGE}`);
  }
  const list = offsets.split(',').map((offset) => offset.trim().toUpperCase());
  const set = await withCourses((courses) => courses.setReminders(courseId, list, cliActor()));
  if (!set.ok && set.reason === 'invalid') {
    io.stderr(
      `Keine gültigen Dauern: ${set.offsets.join(', ')} (Beispiele: P7D, P1D, PT3H, PT30M).`,
    );
    return 1;
  }
  if (!set.ok) return refused(io, courseId, set.reason);
  io.stdout(`Kurs ${courseId}: Erinnerungen ${set.value.reminders.join(', ')}.`);
  return 0;
};

const cancelCourse: Command = async (args, io) => {
  const courseId = single(args, 'Genau eine KursId angeben.');
  const cancelled = await withCourses((courses) => courses.cancelCourse(courseId, cliActor()));
  if (!cancelled.ok) return refused(io, courseId, cancelled.reason);
  const { registered, waitlisted } = counts(cancelled.value);
  io.stdout(
    `Kurs ${courseId} abgesagt – ${registered + waitlisted} Angemeldete und Wartende werden benachrichtigt.`,
  );
  return 0;
};

const announceCourse: Command = async (args, io) => {
  const courseId = single(args, 'Genau eine KursId angeben.');
  const announced = await withCourses((courses) => courses.announce(courseId, cliActor()));
  if (!announced.ok) return refused(io, courseId, announced.reason);
  io.stdout(announcedText(courseId, announced.value));
  return 0;
};

function announcedText(courseId: string, announced: Announced): string {
  if (announced.kind === 'already') return `Kurs ${courseId} wurde bereits angekündigt.`;
  const recipients = `${announced.count.recipients} Personen`;
  return announced.needsApproval
    ? `Kurs ${courseId}: Die Ankündigung an ${recipients} wartet auf die Freigabe einer Organisatorin oder eines Organisators; der Bot bittet sie in Teams darum.`
    : `Kurs ${courseId}: Die Ankündigung geht an ${recipients}; der laufende Bot sendet sie.`;
}

function single(args: string[], message: string): string {
  const { positionals } = parseOptions(args, {}, USAGE, true);
  const [value] = positionals;
  if (!value || positionals.length > 1) throw new UsageError(`${message}\n${USAGE}`);
  return value;
}

function refused(
  io: CliIo,
  courseId: string,
  reason: 'not-allowed' | 'unknown' | 'cancelled',
): number {
  const texts = {
    'not-allowed': 'Keine Berechtigung.',
    unknown: `Einen Kurs ${courseId} gibt es nicht.`,
    cancelled: `Kurs ${courseId} ist abgesagt.`,
  };
  io.stderr(texts[reason]);
  return 1;
}

const subcommands: Record<string, Command> = {
  import: importCourses,
  list: listCourses,
  attendees: exportAttendees,
  reminders: setReminders,
  cancel: cancelCourse,
  announce: announceCourse,
};

export const coursesCommand: Command = async (args, io) => {
  const [name, ...rest] = args;
  const subcommand = name && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (!subcommand) {
    throw new UsageError(name ? `Unbekannter Unterbefehl „${name}“.\n${USAGE}` : USAGE);
  }
  return subcommand(rest, io);
};
