import {
  courseCsvOf,
  courseFormOf,
  formProblemsOf,
  readCourseForm,
} from '../../../dialogs/course-form-csv';
import { readCourseCsv } from '../../../services/courses';

const now = new Date('2027-02-01T10:00:00Z');

const submitted = {
  title: 'Teams; für "alle"',
  description: 'Zeile eins\r\nZeile zwei',
  date1: '2027-03-02',
  start1: '09:00',
  end1: '10:30',
  place1: 'Rathaus, Raum 2',
  date3: '2027-07-06',
  start3: '09:00',
  end3: '10:30',
  place3: 'Rathaus, Raum 2',
  mode: 'praesenz',
  capacity: '12',
  deadlineDate: '2027-02-28',
  audienceKind: 'lotsen',
};

describe('the course form as import rows', () => {
  it('becomes one course with a session per filled row, in Berlin time', () => {
    const read = readCourseCsv(courseCsvOf(readCourseForm(submitted), 'K-1'), now, new Map());
    expect(read.ok).toBe(true);
    const draft = read.ok ? read.courses[0]?.draft : undefined;
    expect(draft).toMatchObject({
      id: 'K-1',
      title: 'Teams; für "alle"',
      description: 'Zeile eins\nZeile zwei',
      capacity: 12,
      audience: { kind: 'lotsen' },
      registrationDeadline: '2027-02-28T11:00:00.000Z',
    });
    // Winter time in March, summer time in July; the empty second row is left out.
    expect(draft?.sessions.map((s) => [s.start, s.end])).toEqual([
      ['2027-03-02T08:00:00.000Z', '2027-03-02T09:30:00.000Z'],
      ['2027-07-06T07:00:00.000Z', '2027-07-06T08:30:00.000Z'],
    ]);
  });

  it('is refused by the import rules, told in the terms of the form', () => {
    const form = readCourseForm({ ...submitted, end1: '08:00', capacity: '0' });
    const read = readCourseCsv(courseCsvOf(form, 'K-2'), now, new Map());
    expect(read.ok).toBe(false);
    const problems = formProblemsOf(read.ok ? [] : read.problems);
    expect(problems.some((p) => p.startsWith('Termin 1, Feld „Ende“'))).toBe(true);
    expect(problems.some((p) => p.startsWith('Feld „Plaetze“'))).toBe(true);
    expect(problems.every((p) => !p.startsWith('Zeile'))).toBe(true);
  });

  it('fills the edit form from a stored course so that it reads back as the same draft', () => {
    const read = readCourseCsv(
      courseCsvOf(
        readCourseForm({
          ...submitted,
          audienceKind: 'units',
          audienceUnits: 'Bürgeramt,Amt für Umwelt\\, Klima und Energie',
        }),
        'K-3',
      ),
      now,
      new Map(),
    );
    const draft = read.ok ? read.courses[0]?.draft : undefined;
    if (!draft) throw new Error('the submitted form must read');
    const stored = { ...draft, organiser: 'x', version: 1, status: 'open' as const };
    const course = { ...stored, reminders: [], seats: [], firstStart: '', lastEnd: '' };
    const form = courseFormOf({ ...course, createdAt: '', updatedAt: '' });
    // Berlin wall-clock times again, in summer and in winter.
    expect(form.sessions).toEqual([
      { date: '2027-03-02', start: '09:00', end: '10:30', place: 'Rathaus, Raum 2', link: '' },
      { date: '2027-07-06', start: '09:00', end: '10:30', place: 'Rathaus, Raum 2', link: '' },
    ]);
    expect(form).toMatchObject({ deadlineDate: '2027-02-28', deadlineTime: '12:00' });
    expect(draft.audience).toEqual({
      kind: 'units',
      departments: ['Bürgeramt', 'Amt für Umwelt, Klima und Energie'],
    });
    const again = readCourseCsv(courseCsvOf(form, 'K-3'), now, new Map());
    expect(again.ok && again.courses[0]?.draft).toEqual(draft);
  });

  it.each([
    [
      { audienceKind: 'group', audienceGroup: '4bb7a9d5-47c4-4641-abae-87f529da0d8d' },
      { kind: 'group', groupId: '4bb7a9d5-47c4-4641-abae-87f529da0d8d' },
    ],
    [{ audienceKind: 'alle', audienceUnits: 'Bürgeramt' }, { kind: 'everyone' }],
    // A form sent before the audience picker carries the import's text.
    [
      { audienceKind: undefined, audience: 'Bürgeramt|Ordnungsamt' },
      { kind: 'units', departments: ['Bürgeramt', 'Ordnungsamt'] },
    ],
    [{ audienceKind: undefined, audience: 'lotsen' }, { kind: 'lotsen' }],
  ])('reads the audience %j as %j', (fields, audience) => {
    const value: Record<string, unknown> = { ...submitted, ...fields };
    if (fields.audienceKind === undefined) delete value.audienceKind;
    const read = readCourseCsv(courseCsvOf(readCourseForm(value), 'K-5'), now, new Map());
    expect(read.ok && read.courses[0]?.draft.audience).toEqual(audience);
  });

  it("reads each session's online link, and an older form's one link as every filled session's", () => {
    const online = { ...submitted, mode: 'online', place1: '', place3: '' };
    const links = (value: Record<string, unknown>) =>
      readCourseForm(value).sessions.map((session) => session.link);
    expect(links({ ...online, link1: 'https://a.example', link3: 'https://c.example' })).toEqual([
      'https://a.example',
      '',
      'https://c.example',
    ]);
    expect(links({ ...online, link: 'https://alle.example' })).toEqual([
      'https://alle.example',
      '',
      'https://alle.example',
    ]);
  });
});
