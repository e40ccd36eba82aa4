import ICAL from 'ical.js';
import { Audiences } from '../../services/broadcast';
import { ManualClock } from '../../services/clock';
import type { Courses, Course } from '../../services/courses';
import { createDirectory } from '../../services/directory';
import { fastWorker } from '../fixtures/broadcast/pipeline-setup';
import { visibleText } from '../support/card-validation';
import {
  ConnectorDouble,
  type Activity,
  type ConnectorCall,
  type TestUser,
} from '../support/connector-double';
import { courseService } from '../support/course-service';
import { startTestBot, type TestBot } from '../support/test-bot';

// Demo organisation: Alex (Bürgerbüro, FB 2), Megan (lotse, Bürgerbüro), Lynne (Kita),
// Isaiah (organiser), Tobias (guest in the Bürgerbüro).
const alex = { id: '29:alex', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
const megan = { id: '29:megan', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
const lynne = { id: '29:lynne', aadObjectId: '00000000-0000-0000-0000-0000000000025' };
const isaiah = { id: '29:isaiah', aadObjectId: '00000000-0000-0000-0000-0000000000023' };
const tobias = { id: '29:tobias', aadObjectId: 'a3105a5f-cbd8-4237-a913-0cee4eec396c' };

const COURSES = `KursId;Titel;Beschreibung;Beginn;Ende;Ort;Modus;OnlineLink;Plaetze;Anmeldeschluss;Zielgruppe
OUT-1;Outlook-Kalender im Team;Gemeinsame Kalender.;2027-03-09T13:00;2027-03-09T15:00;Bürgerbüro, Raum 2.14;hybrid;https://teams.example/join/out-1;5;2027-03-05T12:00;Fachbereich 2 Bürgerservice und Ordnung|Technische Betriebe (TBO)
TEAMS-1;Teams für Einsteiger;Chats und Kanäle.;2027-03-10T10:00;2027-03-10T11:30;;online;https://teams.example/join/teams-1;30;2027-03-09T12:00;alle
DL-1;Digitallotsen-Schulung;Drei Tage.;2027-03-16T09:00;2027-03-16T16:00;Rathaus, Saal 1;praesenz;;20;2027-03-01T12:00;lotsen
SMALL-1;Sprechstunde KI;Ein Platz.;2027-03-11T10:00;2027-03-11T11:00;Rathaus, Raum 3;praesenz;;1;2027-03-10T12:00;alle
TINY-1;Sprechstunde Drucken;Ein Platz.;2027-03-04T10:00;2027-03-04T11:00;Rathaus, Raum 4;praesenz;;1;2027-03-03T08:00;alle`;

function content(activity: Activity | undefined): Record<string, unknown> {
  return (activity?.attachments as Array<{ content: Record<string, unknown> }>)?.[0]?.content ?? {};
}

function actions(activity: Activity | undefined): Array<Record<string, unknown>> {
  return (content(activity).actions as Array<Record<string, unknown>> | undefined) ?? [];
}

describe('courses in Teams', () => {
  const connector = new ConnectorDouble();
  const clock = new ManualClock('2027-02-01T10:00:00Z');
  let bot: TestBot;
  /** The organisers' side: imports and changes as the CLI would make them. */
  let organiserSide: Courses;
  const cardIds = new Map<string, string>();

  const say = (user: TestUser, text: string) => connector.say(bot.messagesUrl, { user, text });
  const click = (user: TestUser, value: Record<string, unknown>, replyToId?: string) =>
    connector.say(bot.messagesUrl, { user, value, replyToId });
  const conversationOf = (user: TestUser) => connector.conversationIdOf(user);
  const sentTo = (user: TestUser, calls: ConnectorCall[] = connector.calls) =>
    calls.filter((c) => c.op === 'send' && c.conversationId === conversationOf(user));
  const localPath = (url: string) => new URL(url).pathname;

  async function runJobs(): Promise<ConnectorCall[]> {
    const before = connector.calls.length;
    await bot.scheduler.runDue();
    return connector.calls.slice(before);
  }

  async function sendBroadcasts(): Promise<ConnectorCall[]> {
    const before = connector.calls.length;
    const resolveAudience = new Audiences(bot.store, createDirectory({ kind: 'demo' })).resolve;
    await fastWorker(bot.store, undefined, { resolveAudience }).runUntilIdle();
    return connector.calls.slice(before);
  }

  beforeAll(async () => {
    await connector.start();
    // The announcement's broadcast is sent by a worker the test runs (sendBroadcasts).
    bot = await startTestBot({ SCHEDULER_INTERVAL_MS: '0', BROADCAST_WORKER: 'false' }, { clock });
    for (const user of [alex, megan, lynne, isaiah, tobias])
      await connector.install(bot.messagesUrl, user);
    organiserSide = courseService(bot.store, { clock, baseUrl: bot.url });
    const imported = await organiserSide.importCsv(COURSES, { id: 'cli:test' });
    if (!imported.ok) throw new Error(imported.problems.join('\n'));
  }, 30_000);
  afterAll(async () => {
    await bot.dispose();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it('lists over HTTP the upcoming courses meant for the asker, with their status', async () => {
    const listed = await say(alex, 'Kurse');
    expect(listed.status).toBe(200);
    expect(listed.replies).toHaveLength(1);
    const text = visibleText(content(listed.replies[0]));
    expect(text).toContain('Outlook-Kalender im Team');
    expect(text).toContain('Teams für Einsteiger');
    expect(text).not.toContain('Digitallotsen-Schulung');
    expect(text).toContain('frei (5 Plätze)');
    expect(text).toContain('frei (30 Plätze)');

    expect(visibleText(content((await say(megan, 'kurse')).replies[0]))).toContain(
      'Digitallotsen-Schulung',
    );
    expect(visibleText(content((await say(lynne, 'courses')).replies[0]))).not.toContain(
      'Outlook-Kalender',
    );
  });

  it('refuses the list to a guest account', async () => {
    const refused = await say(tobias, 'Kurse');
    expect(refused.replies[0]?.text).toMatch(/nur Beschäftigten/);
  });

  it('registers in one click from the list: the list updates in place, a confirmation follows', async () => {
    const listed = await say(alex, 'Kurse');
    const listId = listed.calls.find((c) => c.op === 'reply' || c.op === 'send')?.activityId;
    const clicked = await click(
      alex,
      { verb: 'course.register', courseId: 'OUT-1', from: 'list' },
      listId,
    );

    const update = clicked.calls.find((c) => c.op === 'update');
    expect(update?.activityId).toBe(listId);
    expect(visibleText(content(update?.activity))).toMatch(
      /Outlook-Kalender im Team[\s\S]*angemeldet/,
    );
    const confirmation = clicked.replies.at(-1);
    expect(visibleText(content(confirmation))).toContain('✓ Anmeldung bestätigt');
    const calendar = actions(confirmation).find((a) => a.title === 'Kalender (.ics)');
    expect(localPath(String(calendar?.url))).toMatch(/^\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    cardIds.set('alex-confirmation', String(confirmation?.id));
    cardIds.set('alex-calendar', localPath(String(calendar?.url)));
  });

  it('serves the calendar file of the registration, with the session in UTC', async () => {
    const response = await fetch(`${bot.url}${cardIds.get('alex-calendar')}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(
      /^text\/calendar; charset=utf-8; method=REQUEST/,
    );
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const [event] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(event?.startDate.toJSDate().toISOString()).toBe('2027-03-09T12:00:00.000Z');
    expect(event?.endDate.toJSDate().toISOString()).toBe('2027-03-09T14:00:00.000Z');
    expect(event?.summary).toBe('Outlook-Kalender im Team');

    expect((await fetch(`${bot.url}/calendar/unbekanntertokenunbekannter.ics`)).status).toBe(404);
  });

  it('puts people on the waitlist when full and tells the first one when a seat frees up', async () => {
    await click(alex, { verb: 'course.register', courseId: 'SMALL-1' });
    const waiting = await click(lynne, { verb: 'course.register', courseId: 'SMALL-1' });
    expect(visibleText(content(waiting.replies.at(-1)))).toContain(
      'Sie stehen auf der Warteliste (1)',
    );
    expect(actions(waiting.replies.at(-1)).map((a) => a.title)).toEqual(['Abmelden']);

    const left = await click(alex, { verb: 'course.cancel', courseId: 'SMALL-1' });
    expect(visibleText(content(left.replies.at(-1)))).toContain('Abmeldung bestätigt');
    // Lynne's confirmation shows her new seat at once; the message about it comes as a job.
    const refreshed = left.calls.filter(
      (c) => c.op === 'update' && c.conversationId === conversationOf(lynne),
    );
    expect(visibleText(content(refreshed[0]?.activity))).toMatch(/Ihr Status\s+angemeldet/);

    const sent = sentTo(lynne, await runJobs());
    expect(sent).toHaveLength(1);
    expect(visibleText(content(sent[0]?.activity))).toContain(
      'Ein Platz ist frei geworden – Sie sind jetzt angemeldet',
    );
    cardIds.set('lynne-moved-up', String(sent[0]?.activityId));
    expect(sentTo(lynne, await runJobs())).toHaveLength(0);
  });

  it('lets only organisers announce, cancel or download the attendee list', async () => {
    for (const verb of ['course.cancelCourse', 'course.announce', 'course.attendees']) {
      const refused = await click(alex, { verb, courseId: 'OUT-1' });
      expect(refused.replies[0]?.text).toBe('Das dürfen nur Organisatorinnen und Organisatoren.');
    }
    expect(await bot.store.get<Course>('courses', 'OUT-1')).toMatchObject({ status: 'open' });
    expect(await runJobs()).toEqual([]);
  });

  it('lets only organisers create or change courses through the service', async () => {
    const changed = COURSES.replace(';5;2027-03-05T12:00;', ';50;2027-03-05T12:00;');
    const refused = await organiserSide.importCsv(changed, { id: alex.aadObjectId });
    expect(refused).toEqual({
      ok: false,
      problems: ['Nur Organisatorinnen und Organisatoren dürfen Kurse anlegen.'],
    });
    expect(await bot.store.get<Course>('courses', 'OUT-1')).toMatchObject({ capacity: 5 });
    const refusedCancel = await organiserSide.cancelCourse('OUT-1', { id: alex.aadObjectId });
    expect(refusedCancel).toEqual({ ok: false, reason: 'not-allowed' });
    const reminders = await organiserSide.setReminders('OUT-1', ['P2D'], { id: alex.aadObjectId });
    expect(reminders).toEqual({ ok: false, reason: 'not-allowed' });
  });

  it('shows organisers the live counts and gives them the attendee list once', async () => {
    const details = await click(isaiah, { verb: 'course.show', courseId: 'OUT-1' });
    const card = details.replies[0];
    expect(visibleText(content(card))).toContain('1 von 5 · 0 auf der Warteliste');
    expect(actions(card).map((a) => a.title)).toEqual(
      expect.arrayContaining(['Teilnehmerliste (CSV)', 'An die Zielgruppe senden', 'Kurs absagen']),
    );
    cardIds.set('isaiah-details', String(card?.id));

    const download = await click(isaiah, { verb: 'course.attendees', courseId: 'OUT-1' });
    const link = String(actions(download.replies[0])[0]?.url);
    const first = await fetch(`${bot.url}${localPath(link)}`);
    expect(first.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await first.text();
    expect(csv).toContain('Status;Wartelistenplatz;Name;E-Mail;Bereich;Seit');
    expect(csv).toContain('angemeldet;;Alex Wilber;');
    expect((await fetch(`${bot.url}${localPath(link)}`)).status).toBe(404);
  });

  it('announces a course to its audience through the broadcast pipeline, staff only', async () => {
    const announced = await click(isaiah, { verb: 'course.announce', courseId: 'TEAMS-1' });
    // The live report comes below the course card, then a line on what happens.
    const report = visibleText(content(announced.replies[0]));
    expect(report).toContain('Teams für Einsteiger');
    expect(report).toMatch(/Empfängerinnen und Empfänger\s+\d+/);
    expect(announced.replies[1]?.text).toMatch(/wird gesendet/);
    const sent = await sendBroadcasts();
    for (const user of [alex, lynne, isaiah]) {
      const [card] = sentTo(user, sent);
      expect(visibleText(content(card?.activity))).toContain('Neues Kursangebot');
    }
    // Each in their language: Megan reads English.
    expect(visibleText(content(sentTo(megan, sent)[0]?.activity))).toContain('New course');
    expect(sentTo(tobias, sent)).toEqual([]);
    const again = await click(isaiah, { verb: 'course.announce', courseId: 'TEAMS-1' });
    expect(again.replies[0]?.text).toMatch(/bereits angekündigt/);
  });

  it('updates every card already sent when a course moves online, and tells the registered', async () => {
    // The 7-day reminder of OUT-1 (Tue 9 March, 13:00) goes out on Tue 2 March, 13:00.
    clock.set('2027-03-02T12:00:00Z');
    const reminders = sentTo(alex, await runJobs());
    expect(reminders).toHaveLength(1);
    expect(visibleText(content(reminders[0]?.activity))).toContain(
      'Erinnerung: Ihr Kurs beginnt Di, 09.03.2027',
    );
    cardIds.set('alex-reminder', String(reminders[0]?.activityId));

    const changed = await organiserSide.importCsv(
      COURSES.replace('Bürgerbüro, Raum 2.14;hybrid', ';online'),
      { id: 'cli:test' },
    );
    expect(changed.ok && changed.saved.find((s) => s.course.id === 'OUT-1')).toMatchObject({
      outcome: 'updated',
      changes: ['place', 'online'],
    });
    const calls = await runJobs();

    const updated = calls.filter((c) => c.op === 'update').map((c) => c.activityId);
    expect(updated).toEqual(
      expect.arrayContaining([
        cardIds.get('alex-confirmation'),
        cardIds.get('alex-reminder'),
        cardIds.get('isaiah-details'),
      ]),
    );
    for (const call of calls.filter((c) => c.op === 'update')) {
      const text = visibleText(content(call.activity));
      expect(text).toMatch(/Form\s+online/);
      expect(text).not.toContain('Bürgerbüro, Raum 2.14');
    }
    const notices = sentTo(alex, calls);
    expect(notices).toHaveLength(1);
    expect(visibleText(content(notices[0]?.activity))).toContain(
      'Kurs geändert: neuer Ort, findet jetzt online statt',
    );
    // Running the jobs again sends nothing twice.
    expect(sentTo(alex, await runJobs())).toEqual([]);
  });

  it('cancels the seat from the reminder ("Kann nicht teilnehmen") and moves up the waitlist', async () => {
    await click(megan, { verb: 'course.register', courseId: 'TINY-1' });
    await click(alex, { verb: 'course.register', courseId: 'TINY-1' });
    // TINY-1 is on Thursday 4 March, 10:00: the 1-day reminder goes out on Wednesday, 10:00.
    clock.set('2027-03-03T09:00:00Z');
    const [reminder] = sentTo(megan, await runJobs());
    const cannot = actions(reminder?.activity).find((a) => a.title === 'Kann nicht teilnehmen');
    expect(cannot?.data).toEqual({ verb: 'course.cancel', courseId: 'TINY-1' });

    const cancelled = await click(
      megan,
      cannot?.data as Record<string, unknown>,
      reminder?.activityId,
    );
    const reminderUpdate = cancelled.calls.find(
      (c) => c.op === 'update' && c.activityId === reminder?.activityId,
    );
    expect(visibleText(content(reminderUpdate?.activity))).toMatch(/Ihr Status\s+abgemeldet/);
    expect(actions(reminderUpdate?.activity).map((a) => a.title)).not.toContain(
      'Kann nicht teilnehmen',
    );
    const [movedUp] = sentTo(alex, await runJobs());
    expect(visibleText(content(movedUp?.activity))).toContain('Sie sind jetzt angemeldet');
  });

  it('cancels a course: the registered are told, their cards and calendar entries follow', async () => {
    const cancelled = await click(isaiah, { verb: 'course.cancelCourse', courseId: 'SMALL-1' });
    expect(cancelled.replies[0]?.text).toMatch(/Kurs ist abgesagt/);
    const calls = await runJobs();
    const [notice] = sentTo(lynne, calls);
    expect(visibleText(content(notice?.activity))).toContain('Kurs abgesagt');
    const movedUpCard = calls.find(
      (c) => c.op === 'update' && c.activityId === cardIds.get('lynne-moved-up'),
    );
    expect(visibleText(content(movedUpCard?.activity))).toContain('Kurs abgesagt');
    const removal = actions(notice?.activity).find(
      (a) => a.title === 'Kalendereintrag entfernen (.ics)',
    );
    const file = await fetch(`${bot.url}${localPath(String(removal?.url))}`);
    expect(file.headers.get('content-type')).toMatch(/method=CANCEL/);
    expect(await file.text()).toContain('STATUS:CANCELLED');

    const listed = await say(lynne, 'Kurse');
    expect(visibleText(content(listed.replies[0]))).not.toContain('Sprechstunde KI');
  });
  it('erases a person’s registrations on request (Datenschutz), freeing the seat', async () => {
    const registered = await click(megan, { verb: 'course.register', courseId: 'TEAMS-1' });
    // Megan reads English (her directory language).
    const calendar = actions(registered.replies.at(-1)).find((a) => a.type === 'Action.OpenUrl');
    const overview = await say(megan, 'Datenschutz');
    expect(visibleText(content(overview.replies[0]))).toContain('Kursanmeldungen');

    await click(megan, { verb: 'privacyEraseConfirmed' });

    const course = await bot.store.get<Course>('courses', 'TEAMS-1');
    expect(course?.seats.some((seat) => seat.userId === megan.aadObjectId)).toBe(false);
    expect((await fetch(`${bot.url}${localPath(String(calendar?.url))}`)).status).toBe(404);
  });
});
