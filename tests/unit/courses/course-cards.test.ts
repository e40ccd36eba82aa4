import { coursePresenter, type Language } from '../../../cards';
import {
  withCancellation,
  withRegistration,
  type Course,
  type CourseCardKind,
  type CourseCardView,
} from '../../../services/courses';
import { cardProblems, visibleText } from '../../support/card-validation';
import { courseWith } from './course-builder';

const now = new Date('2027-02-01T10:00:00Z');
const presenter = coursePresenter('https://digitallotse.stadt.example/');
const hybrid = courseWith({
  mode: 'hybrid',
  capacity: 1,
  sessions: [
    {
      id: 's1',
      start: '2027-03-02T08:00:00.000Z',
      end: '2027-03-02T15:00:00.000Z',
      place: 'Rathaus, Saal 1',
      onlineLink: 'https://teams.example/join/(abc)',
    },
    { id: 's2', start: '2027-03-03T08:00:00.000Z', end: '2027-03-04T11:00:00.000Z', place: 'TBO' },
  ],
});
const withAlexAndBen = ['alex', 'ben'].reduce(
  (course, userId) =>
    withRegistration(course, userId, now, `token-${userId}-000000000000000`).next!,
  hybrid,
);

function contentOf(view: Partial<CourseCardView> & { course: Course }, language: Language = 'de') {
  const message = presenter.card(
    { kind: 'details', organiser: false, now, userId: 'alex', ...view },
    language,
  );
  return message.card!.content;
}

function actionsOf(content: Record<string, unknown>): Array<Record<string, unknown>> {
  return content.actions as Array<Record<string, unknown>>;
}

describe('course cards', () => {
  const kinds: CourseCardKind[] = [
    'announcement',
    'details',
    'confirmation',
    'reminder',
    'notice',
    'moved-up',
  ];
  it.each(
    kinds.flatMap((kind) => (['de', 'en'] as const).map((language) => [kind, language] as const)),
  )('renders a valid %s card in %s', (kind, language) => {
    for (const organiser of [false, true]) {
      const content = contentOf(
        { course: withAlexAndBen, kind, organiser, sessionId: 's1', changes: ['time', 'online'] },
        language,
      );
      expect(cardProblems(content)).toEqual([]);
      expect(content.lang).toBe(language);
    }
  });

  it('shows sessions in Berlin time with place and online link', () => {
    const text = visibleText(contentOf({ course: withAlexAndBen }));
    expect(text).toContain('Di, 02.03.2027, 09:00–16:00 Uhr');
    expect(text).toContain('Mi, 03.03.2027, 09:00–Do, 04.03.2027, 12:00 Uhr');
    expect(text).toContain(
      'Rathaus, Saal 1 · [Online teilnehmen](https://teams.example/join/%28abc%29)',
    );
  });

  it('gives a registered person their status, the calendar link and Abmelden', () => {
    const content = contentOf({ course: withAlexAndBen, kind: 'confirmation' });
    expect(visibleText(content)).toContain('✓ Anmeldung bestätigt');
    expect(visibleText(content)).toContain('angemeldet');
    expect(actionsOf(content)).toEqual([
      expect.objectContaining({
        type: 'Action.OpenUrl',
        title: 'Kalender (.ics)',
        url: 'https://digitallotse.stadt.example/calendar/token-alex-000000000000000.ics',
      }),
      expect.objectContaining({
        title: 'Abmelden',
        data: { verb: 'course.cancel', courseId: 'K1' },
      }),
    ]);
  });

  it('offers "Kann nicht teilnehmen" on a reminder and marks its session', () => {
    const content = contentOf({ course: withAlexAndBen, kind: 'reminder', sessionId: 's2' });
    expect(visibleText(content)).toContain('Erinnerung: Ihr Kurs beginnt Mi, 03.03.2027');
    expect(actionsOf(content).map((a) => a.title)).toContain('Kann nicht teilnehmen');
  });

  it('shows the waitlist place and no calendar link to someone waiting', () => {
    const content = contentOf({ course: withAlexAndBen, userId: 'ben', kind: 'confirmation' });
    expect(visibleText(content)).toContain('Sie stehen auf der Warteliste (1)');
    expect(actionsOf(content).map((a) => a.title)).toEqual(['Abmelden']);
  });

  it('offers the waitlist when full and Anmelden when free', () => {
    const full = contentOf({ course: withAlexAndBen, userId: 'cem' });
    expect(visibleText(full)).toContain('ausgebucht');
    expect(actionsOf(full).map((a) => a.title)).toEqual(['Auf die Warteliste']);
    const free = contentOf({ course: hybrid, userId: 'cem' });
    expect(visibleText(free)).toContain('frei (1 Plätze)');
    expect(actionsOf(free).map((a) => a.title)).toEqual(['Anmelden']);
  });

  it('after cancelling, offers to remove the calendar entry and to register again', () => {
    const left = withCancellation(withAlexAndBen, 'alex', now).next!;
    const content = contentOf({ course: left, kind: 'confirmation' });
    expect(visibleText(content)).toContain('Abmeldung bestätigt');
    expect(actionsOf(content).map((a) => a.title)).toEqual([
      'Auf die Warteliste',
      'Kalendereintrag entfernen (.ics)',
    ]);
  });

  it('shows a cancelled course on every card, without buttons except the calendar removal', () => {
    const cancelled: Course = { ...withAlexAndBen, status: 'cancelled', version: 2 };
    for (const kind of kinds) {
      const content = contentOf({ course: cancelled, kind });
      expect(visibleText(content)).toContain('Kurs abgesagt');
      const titles = actionsOf(content).map((a) => a.title);
      expect(titles).toEqual(kind === 'announcement' ? [] : ['Kalendereintrag entfernen (.ics)']);
    }
  });

  it('names the changes on a notice', () => {
    const content = contentOf({
      course: withAlexAndBen,
      kind: 'notice',
      changes: ['time', 'online'],
    });
    expect(visibleText(content)).toContain('Kurs geändert: neue Zeiten, findet jetzt online statt');
  });

  it('shows organisers the occupancy and their buttons', () => {
    const content = contentOf({ course: withAlexAndBen, organiser: true });
    expect(visibleText(content)).toContain('1 von 1 · 1 auf der Warteliste');
    expect(actionsOf(content).map((a) => a.title)).toEqual(
      expect.arrayContaining(['Teilnehmerliste (CSV)', 'An die Zielgruppe senden', 'Kurs absagen']),
    );
  });

  it('keeps the announcement free of personal status', () => {
    const content = contentOf({ course: withAlexAndBen, kind: 'announcement', userId: 'alex' });
    expect(visibleText(content)).not.toContain('Ihr Status');
    expect(actionsOf(content).map((a) => a.title)).toEqual(['Anmelden']);
  });

  it('lists courses with the person’s status and one button each', () => {
    const other = courseWith({ id: 'K2', title: 'Outlook', capacity: 5 });
    for (const language of ['de', 'en'] as const) {
      const card = presenter.listCard(
        [withAlexAndBen, other],
        { userId: 'ben', organiser: false },
        now,
        language,
      );
      expect(cardProblems(card.content)).toEqual([]);
    }
    const card = presenter.listCard(
      [withAlexAndBen, other],
      { userId: 'ben', organiser: false },
      now,
      'de',
    );
    const text = visibleText(card.content);
    expect(text).toContain('Warteliste, Platz 1');
    expect(text).toContain('frei (5 Plätze)');
    expect(text).toContain('(2 Termine) · hybrid');
    expect(text).not.toContain('Belegung');
  });
});
