import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCourseCsv, type Course } from '../../../services/courses';

const fixture = readFileSync(join(__dirname, '../../fixtures/courses/courses.csv'), 'utf8');
const now = new Date('2027-01-10T10:00:00Z');
const HEADER =
  'KursId;Titel;Beschreibung;Beginn;Ende;Ort;Modus;OnlineLink;Plaetze;Anmeldeschluss;Zielgruppe';

type Fields = Record<string, string>;
const baseRow: Fields = {
  KursId: 'K1',
  Titel: 'Teams für Einsteiger',
  Beschreibung: 'Kurzkurs',
  Beginn: '2027-03-10T10:00',
  Ende: '2027-03-10T11:30',
  Ort: 'Rathaus, Raum 3',
  Modus: 'praesenz',
  OnlineLink: '',
  Plaetze: '12',
  Anmeldeschluss: '2027-03-09T12:00',
  Zielgruppe: 'alle',
};

/** A file of the header plus one row per change set (line 2, 3, …). */
function csv(...rows: Fields[]): string {
  const line = (row: Fields) =>
    HEADER.split(';')
      .map((name) => row[name] ?? '')
      .join(';');
  return [HEADER, ...rows.map((row) => line({ ...baseRow, ...row }))].join('\r\n');
}

function problemsOf(text: string, existing = new Map<string, Course>()): string[] {
  const read = readCourseCsv(text, now, existing);
  return read.ok ? [] : read.problems;
}

describe('reading the course CSV', () => {
  it('reads what German Excel writes: BOM, semicolons, quotes, line breaks in cells, CRLF', () => {
    const read = readCourseCsv(fixture, now, new Map());
    if (!read.ok) throw new Error(read.problems.join('\n'));
    expect(read.courses.map((c) => c.draft.id)).toEqual(['DL-2027-01', 'TEAMS-01', 'OUTLOOK-02']);
    const [training, teams, outlook] = read.courses.map((c) => c.draft);
    expect(training?.description).toBe(
      'Drei Tage Praxis: Teams, Outlook; Datenschutz.\nMit "Lotsen-Koffer" zum Mitnehmen.',
    );
    expect(training?.sessions).toEqual([
      {
        id: 's1',
        start: '2027-03-02T08:00:00.000Z',
        end: '2027-03-02T15:00:00.000Z',
        place: 'Rathaus, Sitzungssaal 1',
      },
      {
        id: 's2',
        start: '2027-03-03T08:00:00.000Z',
        end: '2027-03-03T15:00:00.000Z',
        place: 'Rathaus, Sitzungssaal 1',
      },
      {
        id: 's3',
        start: '2027-03-04T08:00:00.000Z',
        end: '2027-03-04T14:00:00.000Z',
        place: 'Technische Betriebe, Schulungsraum',
      },
    ]);
    expect(training).toMatchObject({
      mode: 'praesenz',
      capacity: 20,
      registrationDeadline: '2027-02-20T22:59:00.000Z',
      audience: { kind: 'lotsen' },
    });
    expect(teams).toMatchObject({ mode: 'online', audience: { kind: 'everyone' } });
    expect(teams?.sessions[0]?.onlineLink).toBe(
      'https://teams.microsoft.com/l/meetup-join/teams-01',
    );
    // Summer time: 13:00 in Berlin is 11:00 UTC in April.
    expect(outlook?.sessions[0]?.start).toBe('2027-04-13T11:00:00.000Z');
    expect(outlook?.audience).toEqual({
      kind: 'units',
      departments: ['Fachbereich 2 Bürgerservice und Ordnung', 'Technische Betriebe (TBO)'],
    });
  });

  it('puts the sessions of a course in time order, whatever the row order', () => {
    const read = readCourseCsv(
      csv(
        { Beginn: '2027-03-12T10:00', Ende: '2027-03-12T11:00' },
        { Beginn: '2027-03-11T10:00', Ende: '2027-03-11T11:00' },
      ),
      now,
      new Map(),
    );
    expect(read.ok && read.courses[0]?.draft.sessions.map((s) => s.start)).toEqual([
      '2027-03-11T09:00:00.000Z',
      '2027-03-12T09:00:00.000Z',
    ]);
  });

  it('accepts a group audience by object id and Präsenz spelled with the umlaut', () => {
    const read = readCourseCsv(
      csv({ Modus: 'Präsenz', Zielgruppe: 'gruppe:4BB7A9D5-47C4-4641-ABAE-87F529DA0D8D' }),
      now,
      new Map(),
    );
    expect(read.ok && read.courses[0]?.draft).toMatchObject({
      mode: 'praesenz',
      audience: { kind: 'group', groupId: '4bb7a9d5-47c4-4641-abae-87f529da0d8d' },
    });
  });

  it.each([
    [
      'end before start',
      { Ende: '2027-03-10T09:00' },
      /^Zeile 2, Feld „Ende“: .*nicht nach dem Beginn/,
    ],
    ['end equal to start', { Ende: '2027-03-10T10:00' }, /^Zeile 2, Feld „Ende“/],
    [
      'a past session',
      { Beginn: '2026-12-01T10:00', Ende: '2026-12-01T11:00', Anmeldeschluss: '2026-11-30T10:00' },
      /^Zeile 2, Feld „Beginn“: 2026-12-01T10:00 liegt in der Vergangenheit/,
    ],
    [
      'a past deadline',
      { Anmeldeschluss: '2027-01-01T12:00' },
      /^Zeile 2, Feld „Anmeldeschluss“: .*Vergangenheit/,
    ],
    ['capacity 0', { Plaetze: '0' }, /^Zeile 2, Feld „Plaetze“: 0 ist zu wenig/],
    ['negative capacity', { Plaetze: '-4' }, /^Zeile 2, Feld „Plaetze“/],
    [
      'capacity not a number',
      { Plaetze: 'zwanzig' },
      /^Zeile 2, Feld „Plaetze“: „zwanzig“ ist keine ganze Zahl/,
    ],
    [
      'deadline after the first session',
      { Anmeldeschluss: '2027-03-10T12:00' },
      /^Zeile 2, Feld „Anmeldeschluss“: .*nach dem Beginn des ersten Termins/,
    ],
    [
      'an unknown mode',
      { Modus: 'vor Ort' },
      /^Zeile 2, Feld „Modus“: „vor Ort“ ist kein bekannter Modus/,
    ],
    ['online without link', { Modus: 'online', Ort: '' }, /^Zeile 2, Feld „OnlineLink“: fehlt/],
    ['hybrid without link', { Modus: 'hybrid' }, /^Zeile 2, Feld „OnlineLink“: fehlt/],
    [
      'a link that is no web address',
      { Modus: 'online', OnlineLink: 'teams-raum-5' },
      /^Zeile 2, Feld „OnlineLink“: „teams-raum-5“ ist keine Web-Adresse/,
    ],
    ['presence without place', { Ort: '' }, /^Zeile 2, Feld „Ort“: fehlt/],
    [
      'German date format',
      { Beginn: '10.03.2027 10:00' },
      /^Zeile 2, Feld „Beginn“: „10.03.2027 10:00“ ist kein gültiger Zeitpunkt/,
    ],
    [
      'a space instead of T',
      { Ende: '2027-03-10 11:30' },
      /^Zeile 2, Feld „Ende“: .*kein gültiger Zeitpunkt/,
    ],
    [
      'a day that does not exist',
      { Beginn: '2027-02-30T10:00' },
      /^Zeile 2, Feld „Beginn“: .*kein gültiger Zeitpunkt/,
    ],
    [
      'the hour skipped by summer time',
      { Beginn: '2027-03-28T02:30', Ende: '2027-03-28T04:00', Anmeldeschluss: '2027-03-20T12:00' },
      /^Zeile 2, Feld „Beginn“: .*Sommerzeit/,
    ],
    ['a missing title', { Titel: '' }, /^Zeile 2, Feld „Titel“: fehlt/],
    ['a bad course id', { KursId: 'Kurs 1/2' }, /^Zeile 2, Feld „KursId“/],
    ['an empty audience', { Zielgruppe: '' }, /^Zeile 2, Feld „Zielgruppe“: fehlt/],
    [
      'an empty unit in the audience',
      { Zielgruppe: 'Fachbereich 3||Kita' },
      /^Zeile 2, Feld „Zielgruppe“: .*leeren Bereich/,
    ],
  ])('refuses %s, naming line and field', (_case, change, expected) => {
    const problems = problemsOf(csv(change));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual(expect.stringMatching(expected));
  });

  it('refuses a wrong header before looking at the rows', () => {
    const text = csv({}).replace('Beschreibung', 'Beschreib');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(
        /^Zeile 1: Die Kopfzeile stimmt nicht \(Spalte 3 heißt „Beschreib“ statt „Beschreibung“\)/,
      ),
    ]);
  });

  it('says so when the columns are separated by commas instead of semicolons', () => {
    const text = csv({}).replace(/;/g, ',');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^Zeile 1: Die Spalten sind nicht durch „;“ getrennt/),
    ]);
  });

  it('says so when the file is not UTF-8 (Excel’s older CSV format), with the line', () => {
    const windows1252 = Buffer.from(csv({}, { KursId: 'K2', Ort: 'Bürgerbüro' }), 'latin1');
    expect(problemsOf(windows1252.toString('utf8'))).toEqual([
      expect.stringMatching(/^Zeile 2: Die Datei ist nicht UTF-8-kodiert/),
    ]);
  });

  it('refuses a header with a missing column', () => {
    const text = csv({}).replace(';Zielgruppe', '');
    expect(problemsOf(text)[0]).toMatch(/^Zeile 1: .*Spalte 11 „Zielgruppe“ fehlt/);
  });

  it('refuses rows with the wrong number of columns, with their line, and reads the others', () => {
    const text = `${csv({}, { KursId: 'K2' })}\r\nK3;nur;drei\r\nK4;a;b;c;d;e;f;g;h;i;j;k`;
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^Zeile 4: 3 Spalten statt 11/),
      expect.stringMatching(/^Zeile 5: 12 Spalten statt 11/),
    ]);
  });

  it('refuses course-wide fields that differ between the rows of one course', () => {
    const problems = problemsOf(
      csv({}, { Beginn: '2027-03-11T10:00', Ende: '2027-03-11T11:00', Plaetze: '15' }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^Zeile 3, Feld „Plaetze“: „15“ weicht von Zeile 2 \(„12“\) ab/),
    ]);
  });

  it('refuses overlapping sessions of one course', () => {
    const problems = problemsOf(csv({}, { Beginn: '2027-03-10T11:00', Ende: '2027-03-10T12:00' }));
    expect(problems).toEqual([
      expect.stringMatching(
        /^Zeile 3, Feld „Beginn“: .*überschneidet sich mit dem Termin aus Zeile 2/,
      ),
    ]);
  });

  it('lists every problem of the file at once, in line order', () => {
    const problems = problemsOf(
      csv(
        { Plaetze: '0' },
        { KursId: 'K2', Modus: 'online', Ort: '', Beginn: 'morgen' },
        { KursId: 'K3', Ende: '2027-03-10T08:00', Zielgruppe: '' },
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^Zeile 2, Feld „Plaetze“/),
      expect.stringMatching(/^Zeile 3, Feld „Beginn“/),
      expect.stringMatching(/^Zeile 3, Feld „OnlineLink“/),
      expect.stringMatching(/^Zeile 4, Feld „Ende“/),
      expect.stringMatching(/^Zeile 4, Feld „Zielgruppe“/),
    ]);
  });

  it('names the line a row starts on when an earlier cell holds line breaks', () => {
    const text = [
      HEADER,
      csv({ Beschreibung: '"eins\nzwei\ndrei"' }).split('\r\n')[1],
      csv({ KursId: 'K2', Plaetze: '0' }).split('\r\n')[1],
    ].join('\r\n');
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^Zeile 5, Feld „Plaetze“/)]);
  });

  it('reports an unclosed quote', () => {
    expect(problemsOf(`${HEADER}\r\nK1;"Titel ohne Ende;x`)[0]).toMatch(/Anführungszeichen/);
  });

  it('refuses a file without course rows', () => {
    expect(problemsOf(`${HEADER}\r\n;;;;;;;;;;\r\n`)).toEqual([
      expect.stringMatching(/keine Kurszeilen/),
    ]);
  });

  it('lets an import keep the past sessions and deadline a stored course already has', () => {
    const first = readCourseCsv(csv({}), now, new Map());
    if (!first.ok) throw new Error('fixture');
    const stored = { ...first.courses[0]!.draft, status: 'open' } as unknown as Course;
    const later = new Date('2027-03-10T10:30:00Z');
    const moved = csv({ Ort: 'Rathaus, Raum 5' });
    expect(readCourseCsv(moved, later, new Map([['K1', stored]])).ok).toBe(true);
    expect(problemsOf(moved.replace('2027-03-10T10:00', '2027-03-10T09:45'))).toEqual([]);
    expect(
      readCourseCsv(
        moved.replace(/2027-03-10T10:00/, '2027-03-10T09:45'),
        later,
        new Map([['K1', stored]]),
      ).ok,
    ).toBe(false);
  });

  it('refuses to change a cancelled course', () => {
    const first = readCourseCsv(csv({}), now, new Map());
    if (!first.ok) throw new Error('fixture');
    const cancelled = { ...first.courses[0]!.draft, status: 'cancelled' } as unknown as Course;
    const read = readCourseCsv(csv({}), now, new Map([['K1', cancelled]]));
    expect(read.ok ? [] : read.problems).toEqual([
      expect.stringMatching(/^Zeile 2, Feld „KursId“: Kurs K1 ist abgesagt/),
    ]);
  });
});
