import { ManualClock } from '../../services/clock';
import { COURSES_CONTAINER, type Course } from '../../services/courses';
import { queryAll } from '../../services/storage';
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
  audience: 'alle',
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
      { SCHEDULER_INTERVAL_MS: '0' },
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
});
