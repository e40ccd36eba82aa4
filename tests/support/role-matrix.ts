/**
 * The role matrix of the security tests: card verbs and chat commands (rows) × every role,
 * over HTTP against the real bot. An allowed action takes effect (the watched state changes,
 * or what only allowed people see is shown); a refused one gets a refusal the person can
 * read and changes nothing. Each test file gives its rows; this runs them on one bot.
 */
import { queryAll } from '../../services/storage';
import {
  ConnectorDouble,
  TEST_TENANT_ID,
  type TurnResult,
  type TestUser,
} from './connector-double';
import { startTestBot, type TestBot } from './test-bot';

export type Role =
  | 'asker'
  | 'other employee'
  | 'candidate lotse'
  | 'other lotse'
  | 'organiser'
  | 'admin'
  | 'guest'
  | 'other tenant';

// Demo organisation.
const person = (name: string, aadObjectId: string): TestUser => ({
  id: `29:${name}`,
  name,
  aadObjectId,
});
export const alex = person('alex', '00000000-0000-0000-0000-0000000000020'); // Bürgerbüro
export const megan = person('megan', '00000000-0000-0000-0000-0000000000021'); // lotsin, Bürgerbüro
export const adele = person('adele', '00000000-0000-0000-0000-0000000000022'); // organiser, central team
export const isaiah = person('isaiah', '00000000-0000-0000-0000-0000000000023'); // organiser
const patti = person('patti', '00000000-0000-0000-0000-0000000000024'); // admin
const lynne = person('lynne', '00000000-0000-0000-0000-0000000000025'); // Kita
const stefanie = person('stefanie', 'fc3061e3-6b92-44a7-af9f-d7b0072f9561'); // lotsin, Kämmerei
const tobias = person('tobias', 'a3105a5f-cbd8-4237-a913-0cee4eec396c'); // guest

const actors: Record<Role, { user: TestUser; tenantId: string }> = {
  asker: { user: alex, tenantId: TEST_TENANT_ID },
  'other employee': { user: lynne, tenantId: TEST_TENANT_ID },
  'candidate lotse': { user: megan, tenantId: TEST_TENANT_ID },
  'other lotse': { user: stefanie, tenantId: TEST_TENANT_ID },
  organiser: { user: isaiah, tenantId: TEST_TENANT_ID },
  admin: { user: patti, tenantId: TEST_TENANT_ID },
  guest: { user: tobias, tenantId: TEST_TENANT_ID },
  'other tenant': { user: alex, tenantId: '00000000-0000-4000-8000-0000000000ff' },
};
const ROLES = Object.keys(actors) as Role[];
export const STAFF: Role[] = [
  'asker',
  'other employee',
  'candidate lotse',
  'other lotse',
  'organiser',
  'admin',
];
export const IN_TENANT: Role[] = [...STAFF, 'guest'];

/** The activity that tries a verb on something made fresh for the cell. */
export interface Attempt {
  value?: Record<string, unknown>;
  text?: string;
  /** The state the verb would change; read before and after the turn. */
  watch(): Promise<unknown>;
  /** For verbs that only show something: whether the turn showed it. */
  shown?: (turn: TurnResult) => boolean;
}

export interface Row {
  action: string;
  allowed: readonly Role[];
  /**
   * Makes the subject. A refusal leaves it as it was (that is what the cells check), so the
   * next role tries the same one; after an allowed action a new one is made. `role` is
   * passed to rows whose subject belongs to the actor (their own seat); those make one each.
   */
  arrange(role: Role): Promise<Attempt>;
  perRole?: boolean;
  /** Undoes an allowed change that would disturb later cells (an absence). */
  cleanUp?(role: Role): Promise<void>;
}

export const readable = (turn: TurnResult) => JSON.stringify(turn.replies);
export const hasCard = (marker: string) => (turn: TurnResult) => readable(turn).includes(marker);

/** A chat command: it only shows something, so the cells check what the turn showed. */
export const commandRow = (text: string, allowed: Role[], shown: Attempt['shown']): Row => ({
  action: `command: ${text}`,
  allowed,
  arrange: async () => ({ text, shown, watch: async () => null }),
});

/** What the rows of a file build their subjects with; valid once the bot runs. */
export interface Matrix {
  readonly bot: TestBot;
  /** A number new on every call, to make subjects unique. */
  next(): string;
  say(role: Role, attempt: Pick<Attempt, 'text' | 'value'>): Promise<TurnResult>;
  /** Watches documents by id. */
  docs(...refs: Array<[container: string, id: string]>): () => Promise<unknown>;
  /** Watches whole containers by their contents. */
  containers(...names: string[]): () => Promise<unknown>;
}

/** Runs every row × every role as one test each, on one bot for the file. */
export function roleMatrix(title: string, rowsOf: (matrix: Matrix) => Row[]): void {
  describe(title, () => {
    const connector = new ConnectorDouble();
    let bot: TestBot;
    let serial = 0;
    const matrix: Matrix = {
      get bot() {
        return bot;
      },
      next: () => `${++serial}`,
      say: (role, attempt) =>
        connector.say(bot.messagesUrl, {
          text: attempt.text,
          value: attempt.value,
          ...actors[role],
        }),
      docs:
        (...refs) =>
        () =>
          Promise.all(refs.map(([container, id]) => bot.store.get(container, id))),
      containers:
        (...names) =>
        async () => {
          const all: unknown[] = [];
          for (const name of names)
            for await (const doc of queryAll(bot.store, name)) all.push(doc);
          return all;
        },
    };
    const rows = rowsOf(matrix);
    const say = matrix.say;

    beforeAll(async () => {
      await connector.start();
      bot = await startTestBot({
        ALLOWED_TENANT_IDS: TEST_TENANT_ID,
        BROADCAST_WORKER: 'false',
        // Hundreds of ticket cards in a minute: the test is not about Teams' rate limit.
        BROADCAST_REQUESTS_PER_SECOND: '10000',
        SCHEDULER_INTERVAL_MS: '0',
        USER_MESSAGES_PER_MINUTE: '100000',
      });
      for (const user of [alex, megan, adele, isaiah, patti, lynne, stefanie, tobias]) {
        await connector.install(bot.messagesUrl, user);
      }
    }, 30_000);
    afterAll(async () => {
      await bot.dispose();
      await connector.stop();
    });

    const cells = rows.flatMap((row) =>
      ROLES.map((role) => [row.action, role, row.allowed.includes(role), row] as const),
    );

    /** The subject a refused cell left untouched, for the next role of the same row. */
    const untouched = new Map<Row, Attempt>();

    it.each(cells)('%s by %s: allowed %s', async (_action, role, allowed, row) => {
      const attempt = (!row.perRole && untouched.get(row)) || (await row.arrange(role));
      untouched.set(row, attempt);
      if (allowed) untouched.delete(row);
      const before = JSON.stringify(await attempt.watch());
      const turn = await say(role, attempt);
      const after = JSON.stringify(await attempt.watch());
      expect(turn.status).toBe(200);
      if (allowed) {
        expect(attempt.shown ? attempt.shown(turn) : after !== before).toBe(true);
        await row.cleanUp?.(role);
      } else {
        // A refusal the person can read, and nothing changed.
        expect(turn.replies.length).toBeGreaterThan(0);
        if (attempt.shown) expect(attempt.shown(turn)).toBe(false);
        expect(after).toBe(before);
      }
    });
  });
}
