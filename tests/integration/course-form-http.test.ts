import { ManualClock } from '../../services/clock';
import { AUDIT_CONTAINER, type AuditEntry } from '../../services/audit';
import { COURSE_REMINDER_JOB, COURSES_CONTAINER, type Course } from '../../services/courses';
import { JOBS_CONTAINER, type Job } from '../../services/scheduler';
import { queryAll } from '../../services/storage';
import { cardProblems } from '../support/card-validation';
import { ConnectorDouble, type Activity } from '../support/connector-double';
import { startTestBot, type TestBot } from '../support/test-bot';

// Demo organisation: Isaiah Langer organises courses, Alex Wilber does not.
const isaiah = { id: '29:isaiah', aadObjectId: '00000000-0000-0000-0000-0000000000023' };
const alex = { id: '29:alex', aadObjectId: '00000000-0000-0000-0000-0000000000020' };

const form = {
  verb: 'course.create',
  title: 'Outlook-Kalender im Team',
  description: 'Gemeinsame Kalender.',
  date1: '2027-03-09',
  start1: '13:00',
  end1: '15:00',
  place1: 'Bürgerbüro, Raum 2.14',
  date2: '2027-03-16',
  start2: '13:00',
  end2: '15:00',
  place2: 'Bürgerbüro, Raum 2.14',
  mode: 'praesenz',
  capacity: '8',
  deadlineDate: '2027-03-05',
  deadlineTime: '12:00',
  audienceKind: 'alle',
};

function readable(activity: Activity | undefined): string {
  return JSON.stringify([activity?.text, activity?.attachments]);
}

describe('creating a course with the form in Teams', () => {
  const connector = new ConnectorDouble();
  let bot: TestBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startTestBot(
      // The clock stands still, so every click of the organiser falls in one minute.
      { SCHEDULER_INTERVAL_MS: '0', USER_MESSAGES_PER_MINUTE: '60' },
      { clock: new ManualClock('2027-02-01T10:00:00Z') },
    );
  });
  afterAll(async () => {
    await bot.dispose();
    await connector.stop();
  });

  async function storedCourses(): Promise<Course[]> {
    const courses: Course[] = [];
    for await (const course of queryAll<Course>(bot.store, COURSES_CONTAINER)) courses.push(course);
    return courses;
  }

  it('refuses the form to someone who does not organise courses, and stores nothing', async () => {
    const asked = await connector.say(bot.messagesUrl, { user: alex, text: 'kurs anlegen' });
    expect(readable(asked.replies[0])).toContain('nur Organisatorinnen und Organisatoren');
    const forged = await connector.say(bot.messagesUrl, { user: alex, value: form });
    expect(readable(forged.replies[0])).toContain('nur Organisatorinnen und Organisatoren');
    expect(await storedCourses()).toEqual([]);
  });

  it('shows every problem and keeps every value, storing nothing', async () => {
    const shown = await connector.say(bot.messagesUrl, { user: isaiah, text: 'kurs anlegen' });
    expect(readable(shown.replies[0])).toContain('course.create');
    // The audience is picked from the directory's units, not typed.
    expect(readable(shown.replies[0])).toMatch(
      /"id":"audienceUnits".*"value":"Fachbereich 3 Finanzen"/,
    );
    const refused = await connector.say(bot.messagesUrl, {
      user: isaiah,
      value: { ...form, end2: '12:00', capacity: '0' },
    });
    const card = readable(refused.replies[0]);
    expect(card).toContain('Termin 2, Feld „Ende“');
    expect(card).toContain('Feld „Plaetze“');
    expect(card).toContain('"value":"Bürgerbüro, Raum 2.14"');
    expect(card).toContain('"value":"12:00"');
    expect(await storedCourses()).toEqual([]);
  });

  it('refuses units the directory does not know, or none, and stores nothing', async () => {
    const refused = await connector.say(bot.messagesUrl, {
      user: isaiah,
      value: {
        ...form,
        audienceKind: 'units',
        audienceUnits: 'Fachbereich 3 Finanzen,FB 99 Raumfahrt',
      },
    });
    const card = readable(refused.replies[0]);
    expect(card).toContain(
      'Feld „Zielgruppe“: Diese Bereiche kennt das Verzeichnis nicht: FB 99 Raumfahrt',
    );
    // Both stay chosen, the unknown one offered too, so that nothing typed is lost.
    expect(card).toContain('"value":"Fachbereich 3 Finanzen,FB 99 Raumfahrt"');
    expect(card).toContain('{"title":"FB 99 Raumfahrt","value":"FB 99 Raumfahrt"}');

    const none = await connector.say(bot.messagesUrl, {
      user: isaiah,
      value: { ...form, audienceKind: 'units', audienceUnits: '' },
    });
    expect(readable(none.replies[0])).toContain('Bitte mindestens einen Bereich angeben.');
    expect(await storedCourses()).toEqual([]);
  });

  it('stores a course with two sessions in Berlin time and shows it to the organiser', async () => {
    const created = await connector.say(bot.messagesUrl, { user: isaiah, value: form });
    expect(readable(created.replies.at(-2))).toContain('ist angelegt');
    expect(readable(created.replies.at(-1))).toContain('Outlook-Kalender im Team');
    const [course] = await storedCourses();
    expect(course).toMatchObject({
      title: 'Outlook-Kalender im Team',
      capacity: 8,
      organiser: isaiah.aadObjectId,
      sessions: [
        { start: '2027-03-09T12:00:00.000Z', end: '2027-03-09T14:00:00.000Z' },
        { start: '2027-03-16T12:00:00.000Z', end: '2027-03-16T14:00:00.000Z' },
      ],
    });
  });

  describe('editing it with the same form', () => {
    const click = (user: typeof alex, value: Record<string, unknown>, replyToId?: string) =>
      connector.say(bot.messagesUrl, { user, value, replyToId });
    const submitOf = (activity: Activity | undefined) => {
      const card = (activity?.attachments as Array<{ content: Record<string, unknown> }>)[0];
      const actions = card?.content.actions as Array<{ data: Record<string, unknown> }>;
      return actions[0]?.data ?? {};
    };
    let course: Course;
    let confirmationId: string;

    beforeAll(async () => {
      await connector.install(bot.messagesUrl, alex);
      [course] = (await storedCourses()) as [Course];
      const registered = await click(alex, { verb: 'course.register', courseId: course.id });
      confirmationId = String(registered.replies.at(-1)?.id);
      [course] = (await storedCourses()) as [Course];
    });

    it('offers "Bearbeiten" on the organiser’s course card only', async () => {
      const mine = await click(isaiah, { verb: 'course.show', courseId: course.id });
      expect(readable(mine.replies.at(-1))).toContain('"verb":"course.edit"');
      const theirs = await click(alex, { verb: 'course.show', courseId: course.id });
      expect(readable(theirs.replies.at(-1))).not.toContain('course.edit');
    });

    it('refuses forged edits: someone else, an unknown course, a form older than the course', async () => {
      const shown = await click(isaiah, { verb: 'course.edit', courseId: course.id });
      const submit = { ...form, ...submitOf(shown.replies[0]), place1: 'Rathaus, Saal 1' };
      expect(submit).toMatchObject({ verb: 'course.update', courseId: course.id });

      const byAlex = await click(alex, submit);
      expect(readable(byAlex.replies[0])).toContain('nur Organisatorinnen und Organisatoren');
      const unknown = await click(isaiah, { ...submit, courseId: 'K-gibtesnicht' });
      expect(readable(unknown.replies[0])).toContain('Diesen Kurs gibt es nicht');
      const stale = await click(isaiah, { ...submit, version: 'aus-einer-alten-Karte' });
      expect(readable(stale.replies[0])).toContain('inzwischen geändert');
      expect((await storedCourses())[0]).toEqual(course);
    });

    it('shows the edit form filled in Berlin time, and refuses a wrong change in the form', async () => {
      const shown = await click(isaiah, { verb: 'course.edit', courseId: course.id });
      const card = readable(shown.replies[0]);
      const [attachment] = shown.replies[0]?.attachments as Array<{
        content: Record<string, unknown>;
      }>;
      expect(cardProblems(attachment?.content ?? {})).toEqual([]);
      expect(card).toContain('Kurs bearbeiten');
      expect(card).toContain('"id":"start2","label":"Beginn","value":"13:00"');
      const submit = { ...form, ...submitOf(shown.replies[0]), deadlineDate: '2027-03-20' };
      const refused = await click(isaiah, submit, String(shown.replies[0]?.id));
      const shownAgain = refused.calls.find((c) => c.op === 'update');
      expect(readable(shownAgain?.activity)).toContain('Feld „Anmeldeschluss“');
      expect(readable(shownAgain?.activity)).toContain('"value":"2027-03-20"');
      expect((await storedCourses())[0]).toEqual(course);
    });

    it('saves a new place through the change handling: sent cards updated, the registered told', async () => {
      const shown = await click(isaiah, { verb: 'course.edit', courseId: course.id });
      const submit = {
        ...form,
        ...submitOf(shown.replies[0]),
        place1: 'Rathaus, Saal 1',
        place2: 'Rathaus, Saal 1',
      };
      const saved = await click(isaiah, submit, String(shown.replies[0]?.id));
      expect(readable(saved.replies.at(-1))).toContain('Änderungen am Kurs');
      const [stored] = await storedCourses();
      expect(stored?.sessions.map((s) => s.place)).toEqual(['Rathaus, Saal 1', 'Rathaus, Saal 1']);
      expect(stored?.version).toBe(course.version + 1);
      const audit: AuditEntry[] = [];
      for await (const entry of queryAll<AuditEntry>(bot.store, AUDIT_CONTAINER)) audit.push(entry);
      expect(audit.filter((e) => e.action === 'course.change')).toEqual([
        expect.objectContaining({ actor: { id: isaiah.aadObjectId }, target: course.id }),
      ]);

      const before = connector.calls.length;
      await bot.scheduler.runDue();
      const calls = connector.calls.slice(before);
      const confirmation = calls.find((c) => c.op === 'update' && c.activityId === confirmationId);
      expect(readable(confirmation?.activity)).toContain('Rathaus, Saal 1');
      const notices = calls.filter(
        (c) => c.op === 'send' && c.conversationId === connector.conversationIdOf(alex),
      );
      expect(readable(notices[0]?.activity)).toContain('Kurs geändert');
      // The same form again is older than the course now.
      const again = await click(isaiah, submit);
      expect(readable(again.replies[0])).toContain('inzwischen geändert');
    });
  });
  it('keeps each session’s own online link, also through an edit', async () => {
    const online = {
      ...form,
      title: 'Online-Sprechstunde',
      mode: 'online',
      place1: '',
      place2: '',
      link1: 'https://teams.example/join/termin-1',
      link2: 'https://teams.example/join/termin-2',
    };
    await connector.say(bot.messagesUrl, { user: isaiah, value: online });
    const created = (await storedCourses()).find((c) => c.title === 'Online-Sprechstunde')!;
    const links = () => created.sessions.map((session) => session.onlineLink);
    expect(links()).toEqual([online.link1, online.link2]);

    const shown = await connector.say(bot.messagesUrl, {
      user: isaiah,
      value: { verb: 'course.edit', courseId: created.id },
    });
    expect(readable(shown.replies[0])).toContain(`"id":"link2","label":"Online-Link`);
    const card = shown.replies[0]?.attachments as Array<{ content: Record<string, unknown> }>;
    const submit = (card[0]?.content.actions as Array<{ data: Record<string, unknown> }>)[0];
    await connector.say(bot.messagesUrl, {
      user: isaiah,
      value: { ...online, ...submit?.data, description: 'Jetzt mit Agenda.' },
    });
    const edited = (await storedCourses()).find((c) => c.id === created.id)!;
    expect(edited.description).toBe('Jetzt mit Agenda.');
    expect(edited.sessions.map((session) => session.onlineLink)).toEqual(links());
  });

  describe('choosing the reminders', () => {
    const titled = async (title: string) =>
      (await storedCourses()).find((course) => course.title === title);
    /** The offsets of the course's pending reminder jobs, per session. */
    const reminderJobs = async (courseId: string) => {
      const offsets: string[] = [];
      for await (const job of queryAll<Job>(bot.store, JOBS_CONTAINER)) {
        const [, id, , offset] = job.id.split(':');
        if (job.kind !== COURSE_REMINDER_JOB || job.state !== 'pending') continue;
        if (id === courseId) offsets.push(offset ?? '');
      }
      return offsets.sort();
    };

    it('offers the default reminders, chosen, in a new form', async () => {
      const shown = await connector.say(bot.messagesUrl, { user: isaiah, text: 'kurs anlegen' });
      const card = readable(shown.replies[0]);
      expect(card).toContain('"id":"reminders"');
      expect(card).toContain('"value":"P7D,P1D,PT1H"');
      expect(card).toContain('"title":"3 Tage vorher","value":"P3D"');
    });

    it('stores the chosen reminders and plans them for every session', async () => {
      const value = { ...form, title: 'Erinnert', reminders: 'P3D,PT1H' };
      await connector.say(bot.messagesUrl, { user: isaiah, value });
      const course = await titled('Erinnert');
      expect(course?.reminders).toEqual(['P3D', 'PT1H']);
      expect(await reminderJobs(course!.id)).toEqual(['P3D', 'P3D', 'PT1H', 'PT1H']);
    });

    it('moves the reminder jobs when an edit chooses others, and shows the choice', async () => {
      const course = (await titled('Erinnert'))!;
      const shown = await connector.say(bot.messagesUrl, {
        user: isaiah,
        value: { verb: 'course.edit', courseId: course.id },
      });
      expect(readable(shown.replies[0])).toContain('"value":"P3D,PT1H"');
      const card = shown.replies[0]?.attachments as Array<{ content: Record<string, unknown> }>;
      const submit = (card[0]?.content.actions as Array<{ data: Record<string, unknown> }>)[0];
      const saved = await connector.say(bot.messagesUrl, {
        user: isaiah,
        value: { ...form, title: 'Erinnert', ...submit?.data, reminders: 'P1D' },
      });
      expect(readable(saved.replies.at(-1))).toContain('Änderungen am Kurs');
      expect((await titled('Erinnert'))?.reminders).toEqual(['P1D']);
      expect(await reminderJobs(course.id)).toEqual(['P1D', 'P1D']);
    });

    it('refuses a reminder the form never offered, and saves nothing', async () => {
      const before = await storedCourses();
      const refused = await connector.say(bot.messagesUrl, {
        user: isaiah,
        value: { ...form, title: 'Gefälscht', reminders: 'P1D,<script>' },
      });
      expect(readable(refused.replies[0])).toContain('Feld „Erinnerungen“');
      expect(await storedCourses()).toEqual(before);
    });
  });
});
