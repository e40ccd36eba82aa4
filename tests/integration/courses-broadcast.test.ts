import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coursePresenter } from '../../cards';
import { AuditLog } from '../../services/audit';
import { Audiences, Broadcasts, type Broadcast } from '../../services/broadcast';
import { ManualClock } from '../../services/clock';
import { BroadcastCourseNotifier, Courses } from '../../services/courses';
import { createDirectory } from '../../services/directory';
import { Scheduler } from '../../services/scheduler';
import { SqliteStore } from '../../services/storage';
import { visibleText } from '../support/card-validation';

const alex = '00000000-0000-0000-0000-0000000000020';
const guest = 'a3105a5f-cbd8-4237-a913-0cee4eec396c';
const disabled = '743a7074-4ad5-404e-a726-2608593b79fd';
const otherUnit = '00000000-0000-0000-0000-0000000000025';

const CSV = `KursId;Titel;Beschreibung;Beginn;Ende;Ort;Modus;OnlineLink;Plaetze;Anmeldeschluss;Zielgruppe
FB2-1;Bürgerbüro digital;Für den ganzen Fachbereich.;2027-03-09T13:00;2027-03-09T15:00;Rathaus, Raum 2.14;praesenz;;10;2027-03-05T12:00;Fachbereich 2 Bürgerservice und Ordnung`;

describe('course announcements and change notices through the broadcast pipeline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'courses-broadcast-'));
  const store = new SqliteStore({ path: join(dir, 'store.db') });
  const clock = new ManualClock('2027-02-01T10:00:00Z');
  const directory = createDirectory({ kind: 'demo' });
  const broadcasts = new Broadcasts({ store, audiences: new Audiences(store, directory), clock });
  const views = coursePresenter('https://digitallotse.stadt.example');
  const scheduler = new Scheduler({ store, clock });
  const notifier = new BroadcastCourseNotifier({ broadcasts, directory, views, store, clock });
  const courses = new Courses({
    store,
    clock,
    directory,
    scheduler,
    views,
    sender: { send: jest.fn(), update: jest.fn(), delete: jest.fn() },
    audit: new AuditLog(store, clock),
    notifier,
  });
  const organiser = { id: 'cli:test' };

  beforeAll(async () => {
    const imported = await courses.importCsv(CSV, organiser);
    if (!imported.ok) throw new Error(imported.problems.join('\n'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('announces to the staff of the unit and the units below it, once', async () => {
    expect(await courses.announce('FB2-1', organiser)).toEqual({
      ok: true,
      value: { queued: true },
    });
    const announcement = (await broadcasts.get('course-FB2-1')) as Broadcast;
    expect(announcement.status).toBe('queued');
    const userIds = announcement.audience.kind === 'users' ? announcement.audience.userIds : [];
    expect(userIds).toContain(alex);
    expect(userIds).not.toContain(guest);
    expect(userIds).not.toContain(disabled);
    expect(userIds).not.toContain(otherUnit);
    expect(visibleText(announcement.messages.de.card?.content)).toContain('Neues Kursangebot');
    expect(visibleText(announcement.messages.en?.card?.content)).toContain('New course');

    expect(await courses.announce('FB2-1', organiser)).toEqual({
      ok: true,
      value: { queued: false },
    });
  });

  it('sends the change notice to the registered and edits the announcement when cancelled', async () => {
    await courses.register('FB2-1', alex);
    await courses.cancelCourse('FB2-1', organiser);
    await scheduler.runDue();

    const all = await store.query<Broadcast>('broadcasts', {});
    const notice = all.items.find((b) => b.id !== 'course-FB2-1');
    expect(notice?.audience).toEqual({ kind: 'users', userIds: [alex] });
    expect(notice?.status).toBe('queued');
    expect(visibleText(notice?.messages.de.card?.content)).toContain('Kurs abgesagt');

    const announcement = (await broadcasts.get('course-FB2-1')) as Broadcast;
    expect(announcement.revision).toBe(2);
    expect(visibleText(announcement.messages.de.card?.content)).toContain('Kurs abgesagt');
  });

  it('makes one notice per change, however often the change job runs', async () => {
    const course = (await courses.get('FB2-1'))!;
    const change = { id: 'course-change:FB2-1:rerun', changes: ['time' as const] };
    await notifier.notifyChange(course, change, [alex]);
    await notifier.notifyChange(course, change, [alex]);
    expect((await store.query<Broadcast>('broadcasts', {})).items).toHaveLength(3);
  });
});
