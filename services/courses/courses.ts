/**
 * The course service: organisers import, change, cancel and announce courses; employees
 * register, wait and cancel (registrations.ts). Every decision is made from the stored
 * state, never from what a card carried; reminders, move-ups and change notices run as
 * durable jobs (course-jobs.ts), downloads are course-files.ts.
 */
import type { AuditActor, AuditLog } from '../audit';
import type { Broadcasts } from '../broadcast';
import type { Clock } from '../clock';
import { hasRole, UnitCatalog, type DirectoryUser, type OrgDirectory } from '../directory';
import { silentLogger, type Logger } from '../logging';
import type { MessageSender } from '../messaging';
import type { Scheduler } from '../scheduler';
import type { Store, Stored } from '../storage';
import { CourseAnnouncements, type Announced } from './announcements';
import { isInAudience } from './audience';
import { CourseCatalog } from './catalog';
import { changesBetween, changesCalendar, type ChangeKind } from './changes';
import { CourseFiles, type Acted } from './course-files';
import { CourseJobs } from './course-jobs';
import { formatProblem } from './course-csv';
import { courseIdsIn, readCourseCsv, type PlannedCourse } from './course-plan';
import { CourseMessenger, type CardAddress, type Reach } from './messenger';
import { CourseRegistrations } from './registrations';
import { DEFAULT_COURSE_SETTINGS, type CourseSettings } from './settings';
import { interestedUserIds, seatOf, type Course, type CourseDraft } from './model';
import { readOffset } from './reminder-time';
import { fillFromWaitlist } from './seats';
import type { CourseViews } from './views';

export interface CoursesOptions {
  store: Store;
  clock: Clock;
  directory: OrgDirectory;
  scheduler: Scheduler;
  sender: MessageSender;
  views: CourseViews;
  audit: AuditLog;
  /** The pipeline the announcements go through. */
  broadcasts: Broadcasts;
  /** The directory's units, to refuse an audience that would reach nobody; default: read here. */
  units?: Pick<UnitCatalog, 'unknown'>;
  settings?: Partial<CourseSettings>;
  logger?: Logger;
}

export type Saved = {
  course: Course;
  outcome: 'created' | 'updated' | 'unchanged';
  changes: ChangeKind[];
};

export interface SaveOptions {
  /** Reminder offsets (ISO 8601 durations); left as they are (new: the defaults) without. */
  reminders?: readonly string[];
}

export type Imported = { ok: true; saved: Saved[] } | { ok: false; problems: string[] };

export class Courses {
  readonly catalog: CourseCatalog;
  readonly messenger: CourseMessenger;
  readonly announcements: CourseAnnouncements;
  readonly jobs: CourseJobs;
  /** Calendar files and attendee lists. */
  readonly files: CourseFiles;
  /** Registration, waitlist and cancellation by employees. */
  readonly registrations: CourseRegistrations;
  private readonly settings: CourseSettings;
  private readonly logger: Logger;
  private readonly units: Pick<UnitCatalog, 'unknown'>;

  constructor(private readonly options: CoursesOptions) {
    this.settings = { ...DEFAULT_COURSE_SETTINGS, ...options.settings };
    this.logger = options.logger ?? silentLogger;
    const { store, clock, directory, scheduler } = options;
    this.units = options.units ?? new UnitCatalog(directory, clock);
    this.catalog = new CourseCatalog(store);
    this.messenger = new CourseMessenger({
      store,
      clock,
      sender: options.sender,
      views: options.views,
      logger: this.logger,
    });
    this.announcements = new CourseAnnouncements({
      broadcasts: options.broadcasts,
      directory,
      views: options.views,
      clock,
    });
    this.jobs = new CourseJobs({
      scheduler,
      clock,
      catalog: this.catalog,
      messenger: this.messenger,
      announcements: this.announcements,
      rules: this.settings.reminderRules,
    });
    this.files = new CourseFiles({
      store,
      clock,
      directory,
      catalog: this.catalog,
      audit: options.audit,
      mayOrganise: (actorId) => this.mayOrganise(actorId),
      calendar: { fallbackEmail: this.settings.calendarEmail, uidDomain: this.settings.uidDomain },
    });
    this.registrations = new CourseRegistrations({
      clock,
      catalog: this.catalog,
      files: this.files,
      jobs: this.jobs,
      messenger: this.messenger,
      logger: this.logger,
    });
  }

  get(courseId: string): Promise<Stored<Course> | undefined> {
    return this.catalog.get(courseId);
  }

  /** Organisers create and change courses; the admin CLI (`cli:` actors) may too. */
  async mayOrganise(actorId: string): Promise<boolean> {
    if (actorId.startsWith('cli:')) return true;
    try {
      return await hasRole(this.options.directory, 'organisers', actorId);
    } catch {
      return false; // no directory, no organiser rights
    }
  }

  /** Open courses that have not ended, the soonest first. */
  upcoming(): Promise<Stored<Course>[]> {
    return this.catalog.upcoming(this.options.clock.now());
  }

  /** The upcoming courses meant for this person; organisers see all of them. */
  async visibleTo(user: DirectoryUser): Promise<Stored<Course>[]> {
    const upcoming = await this.catalog.upcoming(this.options.clock.now());
    if (await this.mayOrganise(user.id)) return upcoming;
    const visible: Stored<Course>[] = [];
    for (const course of upcoming) {
      const registered = seatOf(course, user.id)?.state;
      if (
        (registered && registered !== 'cancelled') ||
        (await isInAudience(this.options.directory, course.audience, user))
      ) {
        visible.push(course);
      }
    }
    return visible;
  }

  /** The reminder offsets a new course gets unless its organiser chooses others. */
  get defaultReminders(): readonly string[] {
    return this.settings.reminders;
  }

  /**
   * Checks the whole file first; stores nothing unless every row is right. `reminders`
   * (the course form's choice, checked by the caller) applies to every course of the file.
   */
  async importCsv(text: string, actor: AuditActor, options: SaveOptions = {}): Promise<Imported> {
    if (!(await this.mayOrganise(actor.id))) {
      return {
        ok: false,
        problems: ['Nur Organisatorinnen und Organisatoren dürfen Kurse anlegen.'],
      };
    }
    const existing = await this.catalog.getMany(courseIdsIn(text));
    const read = readCourseCsv(text, this.options.clock.now(), existing);
    if (!read.ok) return read;
    const unknownUnits = await this.unknownUnits(read.courses);
    if (unknownUnits.length > 0) return { ok: false, problems: unknownUnits };
    const saved: Saved[] = [];
    for (const { draft } of read.courses) saved.push(await this.save(draft, actor, options));
    await this.options.audit.record(actor, 'course.import', undefined, {
      created: saved.filter((s) => s.outcome === 'created').length,
      updated: saved.filter((s) => s.outcome === 'updated').length,
      unchanged: saved.filter((s) => s.outcome === 'unchanged').length,
    });
    return { ok: true, saved };
  }

  /** Audiences of units the directory does not know: they would reach nobody. */
  private async unknownUnits(courses: readonly PlannedCourse[]): Promise<string[]> {
    const problems: string[] = [];
    for (const { draft, line } of courses) {
      if (draft.audience.kind !== 'units') continue;
      const unknown = await this.units.unknown(draft.audience.departments);
      if (unknown.length === 0) continue;
      const message = `Diese Bereiche kennt das Verzeichnis nicht: ${unknown.join(', ')}`;
      problems.push(formatProblem({ line, field: 'Zielgruppe', message }));
    }
    return problems;
  }

  /**
   * Creates the course or applies the draft to it. A change raises the version when the
   * calendar entries change, frees seats to the waitlist when the capacity grew, moves the
   * reminders and starts the change job (card updates, notices). Callers check the role.
   */
  async save(draft: CourseDraft, actor: AuditActor, options: SaveOptions = {}): Promise<Saved> {
    const now = this.options.clock.now();
    const stamp = now.toISOString();
    const created = await this.catalog.createIfMissing({
      ...draft,
      organiser: actor.id,
      version: 1,
      status: 'open',
      reminders: [...(options.reminders ?? this.settings.reminders)],
      seats: [],
      ...spanOf(draft),
      createdAt: stamp,
      updatedAt: stamp,
    });
    if (created.created) {
      await this.jobs.reschedule(undefined, created.doc);
      await this.options.audit.record(actor, 'course.create', draft.id, {
        sessions: draft.sessions.length,
      });
      return { course: created.doc, outcome: 'created', changes: [] };
    }
    let before: Course | undefined;
    let changes: ChangeKind[] = [];
    let movedUp: string[] = [];
    const updated = await this.catalog.update(draft.id, (current) => {
      before = current;
      const merged: Course = {
        ...current,
        ...draft,
        ...spanOf(draft),
        ...(options.reminders && { reminders: [...options.reminders] }),
      };
      changes = changesBetween(current, merged);
      if (changes.length === 0) return undefined;
      const filled = fillFromWaitlist(
        {
          ...merged,
          version: current.version + (changesCalendar(changes) ? 1 : 0),
          updatedAt: stamp,
        },
        now,
      );
      movedUp = filled.movedUp;
      return filled.course;
    });
    if (!updated || !updated.changed || !before) {
      return { course: updated?.doc ?? created.doc, outcome: 'unchanged', changes: [] };
    }
    await this.jobs.changed(before, updated.doc, changes);
    await this.jobs.movedUp(updated.doc, movedUp);
    await this.options.audit.record(actor, 'course.change', draft.id, {
      changes: changes.join(','),
      version: updated.doc.version,
    });
    return { course: updated.doc, outcome: 'updated', changes };
  }

  /** Cancels the course: every card shows it, everyone registered or waiting is told. */
  async cancelCourse(courseId: string, actor: AuditActor): Promise<Acted<Course>> {
    if (!(await this.mayOrganise(actor.id))) return { ok: false, reason: 'not-allowed' };
    const now = this.options.clock.now().toISOString();
    let before: Course | undefined;
    const updated = await this.catalog.update(courseId, (current) => {
      before = current;
      if (current.status === 'cancelled') return undefined;
      return {
        ...current,
        status: 'cancelled',
        version: current.version + 1,
        cancelledAt: now,
        updatedAt: now,
      };
    });
    if (!updated) return { ok: false, reason: 'unknown' };
    if (!updated.changed || !before) return { ok: false, reason: 'cancelled' };
    await this.jobs.changed(before, updated.doc, ['cancelled']);
    await this.options.audit.record(actor, 'course.cancel', courseId, {
      interested: interestedUserIds(updated.doc).length,
    });
    return { ok: true, value: updated.doc };
  }

  /** Sets the reminder offsets of one course (ISO 8601 durations such as P2D, PT3H). */
  async setReminders(
    courseId: string,
    offsets: readonly string[],
    actor: AuditActor,
  ): Promise<Acted<Course> | { ok: false; reason: 'invalid'; offsets: string[] }> {
    if (!(await this.mayOrganise(actor.id))) return { ok: false, reason: 'not-allowed' };
    const invalid = offsets.filter((offset) => !readOffset(offset));
    if (invalid.length > 0) return { ok: false, reason: 'invalid', offsets: invalid };
    return this.applyReminders(courseId, [...new Set(offsets)], actor);
  }

  /**
   * Announces the course to its audience through the broadcast pipeline (once); above the
   * approval threshold it waits for a second organiser.
   */
  async announce(courseId: string, actor: AuditActor): Promise<Acted<Announced>> {
    if (!(await this.mayOrganise(actor.id))) return { ok: false, reason: 'not-allowed' };
    const course = await this.catalog.get(courseId);
    if (!course) return { ok: false, reason: 'unknown' };
    if (course.status === 'cancelled') return { ok: false, reason: 'cancelled' };
    const announced = await this.announcements.announce(course, actor.id);
    if (announced.kind === 'submitted') {
      await this.options.audit.record(actor, 'course.announce', courseId, {
        recipients: announced.count.recipients,
        needsApproval: announced.needsApproval,
      });
    }
    return { ok: true, value: announced };
  }

  /** Remembers a card a dialog sent, so that later changes update it in place. */
  rememberCard(course: Course, address: CardAddress, reach: Reach, activityId: string) {
    return this.messenger.remember(course, address, reach, activityId);
  }

  /** At start-up: reminder jobs a crash kept from being scheduled are added. */
  ensureReminderJobs(): Promise<number> {
    return this.jobs.ensureReminderJobs();
  }

  private async applyReminders(
    courseId: string,
    reminders: string[],
    actor: AuditActor,
  ): Promise<Acted<Course>> {
    let before: Course | undefined;
    const updated = await this.catalog.update(courseId, (current) => {
      before = current;
      if (current.status === 'cancelled') return undefined;
      if (current.reminders.join() === reminders.join()) return undefined;
      return { ...current, reminders, updatedAt: this.options.clock.now().toISOString() };
    });
    if (!updated) return { ok: false, reason: 'unknown' };
    if (updated.doc.status === 'cancelled') return { ok: false, reason: 'cancelled' };
    if (updated.changed && before) {
      await this.jobs.reschedule(before, updated.doc);
      await this.options.audit.record(actor, 'course.reminders', courseId, {
        reminders: reminders.join(','),
      });
    }
    return { ok: true, value: updated.doc };
  }
}

function spanOf(draft: CourseDraft): { firstStart: string; lastEnd: string } {
  const starts = draft.sessions.map((s) => s.start).sort();
  const ends = draft.sessions.map((s) => s.end).sort();
  return { firstStart: starts[0] ?? '', lastEnd: ends[ends.length - 1] ?? '' };
}
