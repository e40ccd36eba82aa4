import {
  StoreConflictError,
  createIfMissing,
  queryAll,
  updateDocument,
  type Mutation,
  type Store,
  type Stored,
  type Updated,
} from '../storage';
import { COURSE_ID } from './course-csv';
import { COURSES_CONTAINER, type Course } from './model';

/** Rounds of `updateDocument` a write may take when instances compete for one course. */
const PATIENT_ROUNDS = 6;

/** The stored courses. Every change is a conditional write on the course document. */
export class CourseCatalog {
  /** The last write queued per course in this instance. */
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(private readonly store: Store) {}

  /** Undefined also for ids no course can have (a submit may carry anything). */
  async get(id: string): Promise<Stored<Course> | undefined> {
    return COURSE_ID.test(id) ? this.store.get<Course>(COURSES_CONTAINER, id) : undefined;
  }

  async getMany(ids: readonly string[]): Promise<Map<string, Course>> {
    const found = await Promise.all(ids.map((id) => this.get(id).catch(() => undefined)));
    return new Map(found.filter((c): c is Stored<Course> => !!c).map((c) => [c.id, c]));
  }

  createIfMissing(course: Course): Promise<{ doc: Stored<Course>; created: boolean }> {
    return createIfMissing(this.store, COURSES_CONTAINER, course);
  }

  /**
   * A conditional write, retried on conflict. A popular course sees many registrations at
   * the same moment: this instance lets its own writes to one course take turns (they would
   * only defeat each other's etags), while writes from other instances still race and are
   * settled by the etag check — that is what keeps the capacity, not the turn-taking.
   */
  update(id: string, mutate: Mutation<Course>): Promise<Updated<Course> | undefined> {
    if (!COURSE_ID.test(id)) return Promise.resolve(undefined);
    const previous = this.turns.get(id) ?? Promise.resolve();
    const mine = previous.then(() => this.write(id, mutate));
    const settled = mine.catch(() => undefined);
    this.turns.set(id, settled);
    void settled.then(() => {
      if (this.turns.get(id) === settled) this.turns.delete(id);
    });
    return mine;
  }

  private async write(id: string, mutate: Mutation<Course>) {
    for (let round = 1; ; round++) {
      try {
        return await updateDocument<Course>(this.store, COURSES_CONTAINER, id, mutate, {
          attempts: 8,
          backoffMs: 4,
        });
      } catch (error) {
        // Each round backs off further; a few more rounds keep a burst from failing.
        if (!(error instanceof StoreConflictError) || round >= PATIENT_ROUNDS) throw error;
      }
    }
  }

  /** Open courses that have not ended, the soonest first. */
  async upcoming(now: Date): Promise<Stored<Course>[]> {
    const courses: Stored<Course>[] = [];
    for await (const course of queryAll<Course>(this.store, COURSES_CONTAINER, {
      where: [
        { field: 'lastEnd', op: '>=', value: now.toISOString() },
        { field: 'status', op: '=', value: 'open' },
      ],
      limit: 200,
    })) {
      courses.push(course);
    }
    return courses.sort(
      (a, b) => a.firstStart.localeCompare(b.firstStart) || a.id.localeCompare(b.id),
    );
  }

  /** Every course, for the privacy export and erase. */
  all(): AsyncGenerator<Stored<Course>> {
    return queryAll<Course>(this.store, COURSES_CONTAINER, { limit: 200 });
  }
}
