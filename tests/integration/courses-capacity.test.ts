import { ManualClock } from '../../services/clock';
import {
  COURSE_MOVED_UP_JOB,
  Courses,
  counts,
  registeredSeats,
  waitlist,
  type Registered,
} from '../../services/courses';
import type { MessageSender } from '../../services/messaging';
import { JOBS_CONTAINER, type Job } from '../../services/scheduler';
import { StoreConflictError, queryAll, type Store } from '../../services/storage';
import { storeSubjects, type StoreSubject } from '../support/store-subjects';
import { courseService } from '../support/course-service';

/** Capacity must hold however many people click at once, on both store adapters. */

// Registration sends nothing itself (move-ups are jobs); a sender that is called fails the test.
const silentSender: MessageSender = {
  send: async () => {
    throw new Error('registration must not send');
  },
  update: async () => ({ ok: true, activityId: 'unused' }),
  delete: async () => ({ ok: true, activityId: 'unused' }),
};

const HEADER =
  'KursId;Titel;Beschreibung;Beginn;Ende;Ort;Modus;OnlineLink;Plaetze;Anmeldeschluss;Zielgruppe';

/** Bot instances sharing one store: each registration goes through one of them. */
const INSTANCES = 4;

/** The store as the instances see it, counting the writes an etag check refused. */
function countingConflicts(store: Store): { store: Store; conflicts: () => number } {
  let conflicts = 0;
  const counted: Store = Object.create(store) as Store;
  counted.replace = async (container, doc, etag) => {
    try {
      return await store.replace(container, doc, etag);
    } catch (error) {
      if (error instanceof StoreConflictError) conflicts += 1;
      throw error;
    }
  };
  return { store: counted, conflicts: () => conflicts };
}

describe.each(storeSubjects)('registrations under concurrency (%s)', (_name, create) => {
  const clock = new ManualClock('2027-02-01T10:00:00Z');
  let subject: StoreSubject;
  let store: Store;
  let instances: Courses[];
  let courses: Courses;
  let conflicts: () => number;

  beforeAll(async () => {
    subject = await create('courses');
    store = subject.open();
    const counting = countingConflicts(store);
    conflicts = counting.conflicts;
    instances = Array.from({ length: INSTANCES }, () =>
      courseService(counting.store, { clock, sender: silentSender }),
    );
    courses = instances[0]!;
    const imported = await courses.importCsv(
      `${HEADER}\nRUSH-1;Teams-Grundkurs;;2027-03-02T09:00;2027-03-02T12:00;Rathaus;praesenz;;20;2027-02-25T12:00;alle`,
      { id: 'cli:test' },
    );
    expect(imported.ok).toBe(true);
  }, 30_000);
  afterAll(() => subject.dispose());

  const people = Array.from({ length: 100 }, (_, i) => `user-${String(i).padStart(3, '0')}`);

  it('gives 20 seats to 100 people registering at the same moment, and the waitlist to 80', async () => {
    const outcomes = await Promise.all(
      people.map((id, i) => instances[i % INSTANCES]!.registrations.register('RUSH-1', id)),
    );

    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    // The instances did race: the etag check, not luck, kept the capacity.
    expect(conflicts()).toBeGreaterThan(0);
    const granted = outcomes as Array<Extract<Registered, { ok: true }>>;
    expect(granted.filter((o) => o.state === 'registered')).toHaveLength(20);
    expect(granted.filter((o) => o.state === 'waitlisted')).toHaveLength(80);
    const stored = (await courses.get('RUSH-1'))!;
    expect(counts(stored)).toEqual({ capacity: 20, registered: 20, waitlisted: 80 });
    expect(new Set(stored.seats.map((seat) => seat.userId)).size).toBe(100);
    // Each person's answer matches what was stored, and waitlist places are 1…80 once each.
    const stateOf = new Map(stored.seats.map((seat) => [seat.userId, seat.state]));
    people.forEach((id, i) => expect(granted[i]?.state).toBe(stateOf.get(id)));
    expect(
      granted
        .map((o) => o.position)
        .filter((p) => p !== undefined)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
  }, 60_000);

  it('moves exactly as many up as cancel at the same moment, first come first served', async () => {
    const before = (await courses.get('RUSH-1'))!;
    const leaving = registeredSeats(before)
      .slice(0, 10)
      .map((seat) => seat.userId);
    const nextInLine = waitlist(before)
      .slice(0, 10)
      .map((seat) => seat.userId);

    await Promise.all(
      leaving.map((id, i) => instances[i % INSTANCES]!.registrations.unregister('RUSH-1', id)),
    );

    const after = (await courses.get('RUSH-1'))!;
    expect(counts(after)).toEqual({ capacity: 20, registered: 20, waitlisted: 70 });
    const registered = new Set(registeredSeats(after).map((seat) => seat.userId));
    expect(nextInLine.every((id) => registered.has(id))).toBe(true);
    expect(leaving.some((id) => registered.has(id))).toBe(false);
    const moveUps: string[] = [];
    for await (const job of queryAll<Job>(store, JOBS_CONTAINER, {
      where: [{ field: 'kind', op: '=', value: COURSE_MOVED_UP_JOB }],
    })) {
      moveUps.push(String(job.payload.userId));
    }
    expect(moveUps.sort()).toEqual([...nextInLine].sort());
  }, 60_000);
});
