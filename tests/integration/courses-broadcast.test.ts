/**
 * A course's announcement goes through the broadcast pipeline: once per course, to the
 * course's audience, with approval above the threshold, edited in place when the course
 * changes, and never sent when the course is cancelled before it went out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coursePresenter } from '../../cards';
import { AuditLog } from '../../services/audit';
import { Audiences, Broadcasts, type Broadcast } from '../../services/broadcast';
import { ManualClock } from '../../services/clock';
import { Courses, announcementIdOf } from '../../services/courses';
import { createDirectory } from '../../services/directory';
import { Scheduler } from '../../services/scheduler';
import { SqliteStore } from '../../services/storage';
import { fastWorker } from '../fixtures/broadcast/pipeline-setup';
import { visibleText } from '../support/card-validation';

const alex = '00000000-0000-0000-0000-0000000000020';
const guest = 'a3105a5f-cbd8-4237-a913-0cee4eec396c';
const disabled = '743a7074-4ad5-404e-a726-2608593b79fd';
const otherUnit = '00000000-0000-0000-0000-0000000000025';

const HEADER =
  'KursId;Titel;Beschreibung;Beginn;Ende;Ort;Modus;OnlineLink;Plaetze;Anmeldeschluss;Zielgruppe';
const unitCourse = (id: string, start = '2027-03-09T13:00', end = '2027-03-09T15:00') =>
  `${id};Bürgerbüro digital;Für den ganzen Fachbereich.;${start};${end};Rathaus, Raum 2.14;praesenz;;10;2027-03-05T12:00;Fachbereich 2 Bürgerservice und Ordnung`;

describe('course announcements through the broadcast pipeline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'courses-broadcast-'));
  const store = new SqliteStore({ path: join(dir, 'store.db') });
  const clock = new ManualClock('2027-02-01T10:00:00Z');
  const directory = createDirectory({ kind: 'demo' });
  const scheduler = new Scheduler({ store, clock });
  /** The course service with its own approval threshold; all share one store. */
  const coursesWith = (approvalThreshold: number) => {
    const broadcasts = new Broadcasts({
      store,
      audiences: new Audiences(store, directory),
      clock,
      approvalThreshold,
    });
    const courses = new Courses({
      store,
      clock,
      directory,
      scheduler,
      views: coursePresenter('https://digitallotse.stadt.example'),
      sender: { send: jest.fn(), update: jest.fn(), delete: jest.fn() },
      audit: new AuditLog(store, clock),
      broadcasts,
    });
    return { courses, broadcasts };
  };
  const { courses, broadcasts } = coursesWith(500);
  const organiser = { id: 'cli:test' };
  const announcementOf = async (courseId: string) =>
    (await broadcasts.get(announcementIdOf(courseId))) as Broadcast;
  const importCourses = async (...rows: string[]) => {
    const imported = await courses.importCsv([HEADER, ...rows].join('\n'), organiser);
    if (!imported.ok) throw new Error(imported.problems.join('\n'));
  };

  beforeAll(() => importCourses(unitCourse('FB2-1'), unitCourse('FB2-2'), unitCourse('FB2-3')));
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('announces to the staff of the unit and the units below it, once', async () => {
    const announced = await courses.announce('FB2-1', organiser);
    expect(announced).toMatchObject({
      ok: true,
      value: { kind: 'submitted', needsApproval: false },
    });
    const announcement = await announcementOf('FB2-1');
    expect(announcement).toMatchObject({ status: 'queued', createdBy: 'cli:test' });
    const userIds = announcement.audience.kind === 'users' ? announcement.audience.userIds : [];
    expect(userIds).toContain(alex);
    expect(userIds).not.toContain(guest);
    expect(userIds).not.toContain(disabled);
    expect(userIds).not.toContain(otherUnit);
    expect(visibleText(announcement.messages.de.card?.content)).toContain('Neues Kursangebot');
    expect(visibleText(announcement.messages.en?.card?.content)).toContain('New course');

    expect(await courses.announce('FB2-1', organiser)).toMatchObject({
      ok: true,
      value: { kind: 'already' },
    });
    const audit = await new AuditLog(store, clock).since(new Date(0));
    expect(audit.filter((e) => e.action === 'course.announce')).toHaveLength(1);
  });

  it('waits for a second organiser when the audience is above the threshold', async () => {
    const strict = coursesWith(0);
    const announced = await strict.courses.announce('FB2-2', organiser);
    expect(announced).toMatchObject({
      ok: true,
      value: { kind: 'submitted', needsApproval: true },
    });
    expect((await announcementOf('FB2-2')).status).toBe('awaiting-approval');
  });

  it('edits the announcement in place when the course changes, once per change', async () => {
    await importCourses(unitCourse('FB2-1', '2027-03-09T14:00', '2027-03-09T16:00'));
    await scheduler.runDue();
    const edited = await announcementOf('FB2-1');
    expect(edited.revision).toBe(2);
    expect(visibleText(edited.messages.de.card?.content)).toContain('14:00');

    // The change job running again (jobs run at least once) does not update every card again.
    await courses.announcements.refresh((await courses.get('FB2-1'))!);
    expect((await announcementOf('FB2-1')).revision).toBe(2);
  });

  it('shows the cancellation on an announcement that went out', async () => {
    await fastWorker(store, undefined, {
      resolveAudience: new Audiences(store, directory).resolve,
    }).runUntilIdle();
    expect((await announcementOf('FB2-1')).status).toBe('completed');
    await courses.cancelCourse('FB2-1', organiser);
    await scheduler.runDue();
    const cancelled = await announcementOf('FB2-1');
    expect(cancelled.recalledAt).toBeUndefined();
    expect(visibleText(cancelled.messages.de.card?.content)).toContain('Kurs abgesagt');
  });

  it('never sends the announcement of a course cancelled before it went out', async () => {
    await courses.announce('FB2-3', organiser);
    await courses.cancelCourse('FB2-3', organiser);
    await scheduler.runDue();
    expect(await announcementOf('FB2-3')).toMatchObject({ status: 'completed' });
    expect((await announcementOf('FB2-3')).recalledAt).toBeDefined();
  });
});
