/**
 * Every card verb and chat command × every role, over HTTP against the real bot: an allowed
 * action takes effect; a refused one gets a refusal and changes nothing in the store.
 *
 * The rules come from the feature issues: tickets — claim, answer, forward, propose as FAQ
 * and close by the candidate lotse only, withdraw, add information, solved and reopen by the
 * asker only; courses — employees (not guests) see and register, organisers create, change,
 * announce, cancel and download the attendees; announcements — organisers only, a draft is
 * sent or discarded by its author, approved or declined by another organiser, "Gelesen" by a
 * recipient; FAQ proposals — organisers and admins; absences — lotsen; own data — everyone in
 * the tenant. A tenant outside ALLOWED_TENANT_IDS is refused before any of it runs.
 * (tickets-authorisation.test.ts holds the finer ticket cases: states, versions, forwards.)
 */
import {
  Audiences,
  BROADCASTS_CONTAINER,
  Broadcasts,
  READS_CONTAINER,
  deliveryIdOf,
  type Delivery,
} from '../../services/broadcast';
import {
  COURSE_CSV_HEADER,
  COURSE_DOWNLOADS_CONTAINER,
  COURSES_CONTAINER,
  announcementIdOf,
} from '../../services/courses';
import { createDirectory } from '../../services/directory';
import { DOWNLOADS_CONTAINER } from '../../services/downloads';
import { FAQ_PROPOSALS_CONTAINER, KNOWLEDGE_CONTAINER, proposeFaq } from '../../services/knowledge';
import { PRIVACY_EXPORTS_CONTAINER } from '../../services/privacy';
import { FEEDBACK_CONTAINER } from '../../services/questions';
import { queryAll } from '../../services/storage';
import { ABSENCES_CONTAINER, TICKETS_CONTAINER, type Ticket } from '../../services/tickets';
import { cardOf, submitData } from '../support/card-reading';
import {
  ConnectorDouble,
  TEST_TENANT_ID,
  type TurnResult,
  type TestUser,
} from '../support/connector-double';
import { courseService } from '../support/course-service';
import { startTestBot, type TestBot } from '../support/test-bot';

type Role =
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
const alex = person('alex', '00000000-0000-0000-0000-0000000000020'); // Bürgerbüro
const megan = person('megan', '00000000-0000-0000-0000-0000000000021'); // lotsin, Bürgerbüro
const adele = person('adele', '00000000-0000-0000-0000-0000000000022'); // organiser, central team
const isaiah = person('isaiah', '00000000-0000-0000-0000-0000000000023'); // organiser
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
const STAFF: Role[] = [
  'asker',
  'other employee',
  'candidate lotse',
  'other lotse',
  'organiser',
  'admin',
];
const IN_TENANT: Role[] = [...STAFF, 'guest'];

/** The activity that tries a verb on something made fresh for the cell. */
interface Attempt {
  value?: Record<string, unknown>;
  text?: string;
  /** The state the verb would change; read before and after the turn. */
  watch(): Promise<unknown>;
  /** For verbs that only show something: whether the turn showed it. */
  shown?: (turn: TurnResult) => boolean;
}

interface Row {
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

const readable = (turn: TurnResult) => JSON.stringify(turn.replies);
const hasCard = (marker: string) => (turn: TurnResult) => readable(turn).includes(marker);

describe('who may use which card verb and command', () => {
  const connector = new ConnectorDouble();
  let bot: TestBot;
  let serial = 0;
  const next = () => `${++serial}`;

  const say = (role: Role, attempt: Pick<Attempt, 'text' | 'value'>) =>
    connector.say(bot.messagesUrl, { text: attempt.text, value: attempt.value, ...actors[role] });

  /** Watches documents by id, and whole containers by their contents. */
  const docs =
    (...refs: Array<[container: string, id: string]>) =>
    () =>
      Promise.all(refs.map(([container, id]) => bot.store.get(container, id)));
  const containers =
    (...names: string[]) =>
    async () => {
      const all: unknown[] = [];
      for (const name of names) for await (const doc of queryAll(bot.store, name)) all.push(doc);
      return all;
    };
  const nothing = async () => null;

  // ---- the things verbs act on ----------------------------------------------------------

  /** Alex hands a question to his lotse; Megan is offered it. Optionally Megan answers. */
  async function ticket(options: { answered?: boolean } = {}): Promise<Ticket> {
    const question = `Wo finde ich Formular A${next()}?`;
    await say('asker', { text: `an meinen Lotsen: ${question}` });
    const find = async () => {
      for await (const found of queryAll<Ticket>(bot.store, TICKETS_CONTAINER)) {
        if (found.question === question) return found;
      }
      throw new Error(`no ticket for ${question}`);
    };
    const opened = await find();
    if (!options.answered) return opened;
    await say('candidate lotse', {
      value: { ...ticketSubmit('ticket.answer', opened), answerText: 'Im Intranet.' },
    });
    return find();
  }
  const ticketSubmit = (verb: string, t: Ticket) => ({ verb, ticketId: t.id, version: t.version });
  const ticketRow = (verb: string, allowed: Role[], extra: Record<string, unknown> = {}): Row => ({
    action: `ticket card: ${verb}`,
    allowed,
    arrange: async () => {
      const answered = ['ticket.proposeFaq', 'ticket.solved', 'ticket.reopen'].includes(verb);
      const acted = await ticket({ answered });
      return {
        value: { ...ticketSubmit(verb, acted), ...extra },
        watch: docs([TICKETS_CONTAINER, acted.id], [FAQ_PROPOSALS_CONTAINER, `ticket-${acted.id}`]),
      };
    },
  });

  /** In 2098: the bot runs on the system clock, and a course must not lie in the past. */
  async function course(): Promise<string> {
    const id = `MX-${next()}`;
    const row = `${id};Teams kompakt;Kurz.;2098-03-09T13:00;2098-03-09T15:00;Rathaus;praesenz;;20;2098-03-05T12:00;alle`;
    const imported = await courseService(bot.store).importCsv(
      `${COURSE_CSV_HEADER.join(';')}\n${row}`,
      { id: 'cli:test' },
    );
    if (!imported.ok) throw new Error(imported.problems.join('\n'));
    return id;
  }
  /** A course, its announcement and the attendee downloads. */
  const courseState = (courseId: string) => async () => [
    await docs([COURSES_CONTAINER, courseId], [BROADCASTS_CONTAINER, announcementIdOf(courseId)])(),
    await containers(COURSE_DOWNLOADS_CONTAINER)(),
  ];
  const courseRow = (verb: string, allowed: Role[], shown?: Attempt['shown']): Row => ({
    action: `course card: ${verb}`,
    allowed,
    arrange: async () => {
      const courseId = await course();
      return { value: { verb, courseId }, watch: courseState(courseId), shown };
    },
  });

  const broadcasts = () =>
    new Broadcasts({
      store: bot.store,
      audiences: new Audiences(bot.store, createDirectory({ kind: 'demo' })),
      approvalThreshold: 0,
    });
  /** A draft by Isaiah, or one by Adele that waits for a second organiser. */
  async function broadcast(state: 'draft' | 'awaiting-approval' = 'draft'): Promise<string> {
    const all = broadcasts();
    const author = state === 'draft' ? isaiah : adele;
    const { id } = await all.create({
      title: `Mitteilung ${next()}`,
      createdBy: author.aadObjectId!,
      audience: { kind: 'installed' },
      messages: { de: { text: 'Wartung am Samstag.' } },
      content: { title: 'Wartung', text: 'Wartung am Samstag.', audience: 'installed' },
    });
    if (state === 'awaiting-approval') {
      await all.submit(id);
      // As if the organisers had been asked: the bot's timer leaves it alone then.
      await all.claimApprovalRequest(id);
    }
    return id;
  }
  const broadcastState = (broadcastId: string) => async () => [
    await docs([BROADCASTS_CONTAINER, broadcastId])(),
    await containers(DOWNLOADS_CONTAINER, READS_CONTAINER)(),
  ];
  const broadcastRow = (
    verb: string,
    state: 'draft' | 'awaiting-approval',
    shown?: Attempt['shown'],
  ): Row => ({
    action: `announcement card: ${verb}`,
    allowed: ['organiser'],
    arrange: async () => {
      const broadcastId = await broadcast(state);
      return { value: { verb, broadcastId }, watch: broadcastState(broadcastId), shown };
    },
  });

  const command = (text: string, allowed: Role[], shown: Attempt['shown']): Row => ({
    action: `command: ${text}`,
    allowed,
    arrange: async () => ({ text, shown, watch: nothing }),
  });

  // ---- the table ------------------------------------------------------------------------

  const rows: Row[] = [
    ticketRow('ticket.claim', ['candidate lotse']),
    ticketRow('ticket.answer', ['candidate lotse'], { answerText: 'Im Intranet unter Formulare.' }),
    ticketRow('ticket.forward', ['candidate lotse'], {
      forwardTo: 'central',
      forwardReason: 'Fachfrage',
    }),
    ticketRow('ticket.proposeFaq', ['candidate lotse']),
    ticketRow('ticket.close', ['candidate lotse'], { closeNote: 'Telefonisch geklärt' }),
    ticketRow('ticket.withdraw', ['asker']),
    ticketRow('ticket.addInfo', ['asker'], { infoText: 'Es betrifft Formular A7.' }),
    ticketRow('ticket.solved', ['asker']),
    ticketRow('ticket.reopen', ['asker'], { reopenComment: 'Der Link geht nicht.' }),
    {
      action: 'ticket card: ticket.show',
      allowed: ['asker', 'candidate lotse'],
      arrange: async () => {
        const shown = await ticket();
        return {
          value: { verb: 'ticket.show', ticketId: shown.id },
          watch: docs([TICKETS_CONTAINER, shown.id]),
          shown: (turn) => readable(turn).includes(shown.question),
        };
      },
    },
    {
      action: 'answer card: feedback',
      allowed: ['asker'],
      arrange: async () => {
        const asked = await say('asker', { text: 'Wie ändere ich mein Passwort?' });
        const vote = submitData(cardOf(asked.replies[0]), 'feedback');
        return { value: { ...vote, vote: 'down' }, watch: containers(FEEDBACK_CONTAINER) };
      },
    },
    courseRow('course.show', STAFF, hasCard('course.register')),
    courseRow('course.register', STAFF),
    {
      action: 'course card: course.cancel (own seat)',
      allowed: STAFF,
      perRole: true,
      arrange: async (role) => {
        const courseId = await course();
        await say(role, { value: { verb: 'course.register', courseId } });
        return { value: { verb: 'course.cancel', courseId }, watch: courseState(courseId) };
      },
    },
    courseRow('course.attendees', ['organiser'], hasCard('/courses/attendees/')),
    courseRow('course.announce', ['organiser']),
    courseRow('course.cancelCourse', ['organiser']),
    courseRow('course.edit', ['organiser'], hasCard('course.update')),
    {
      action: 'course form: course.update',
      allowed: ['organiser'],
      arrange: async () => {
        const courseId = await course();
        const form = await say('organiser', { value: { verb: 'course.edit', courseId } });
        const submit = submitData(cardOf(form.replies[0]), 'course.update');
        return {
          watch: courseState(courseId),
          value: {
            ...submit,
            title: 'Teams kompakt (neu)',
            date1: '2098-03-09',
            start1: '13:00',
            end1: '15:00',
            place1: 'Rathaus',
            mode: 'praesenz',
            capacity: '20',
            deadlineDate: '2098-03-05',
            deadlineTime: '12:00',
            audience: 'alle',
          },
        };
      },
    },
    {
      action: 'course form: course.create',
      allowed: ['organiser'],
      arrange: async () => ({
        watch: containers(COURSES_CONTAINER),
        value: {
          verb: 'course.create',
          title: `Neuer Kurs ${next()}`,
          date1: '2098-04-06',
          start1: '09:00',
          end1: '12:00',
          place1: 'Rathaus',
          mode: 'praesenz',
          capacity: '10',
          deadlineDate: '2098-04-01',
          deadlineTime: '12:00',
          audience: 'alle',
        },
      }),
    },
    {
      action: 'announcement form: announce.preview',
      allowed: ['organiser'],
      arrange: async () => ({
        watch: containers(BROADCASTS_CONTAINER),
        value: {
          verb: 'announce.preview',
          title: `Wartung ${next()}`,
          text: 'Outlook ist am Samstag nicht erreichbar.',
          audience: 'installed',
        },
      }),
    },
    broadcastRow('announce.send', 'draft'),
    broadcastRow('announce.discard', 'draft'),
    broadcastRow('announce.approve', 'awaiting-approval'),
    broadcastRow('announce.decline', 'awaiting-approval'),
    broadcastRow('announce.report', 'draft', hasCard('announce.')),
    broadcastRow('announce.recall', 'awaiting-approval'),
    broadcastRow('announce.edit', 'draft', hasCard('announce.update')),
    {
      action: 'announcement form: announce.update',
      allowed: ['organiser'],
      arrange: async () => {
        const broadcastId = await broadcast();
        return {
          watch: broadcastState(broadcastId),
          value: {
            verb: 'announce.update',
            broadcastId,
            title: 'Wartung (geändert)',
            text: 'Outlook ist am Sonntag nicht erreichbar.',
            audience: 'installed',
          },
        };
      },
    },
    broadcastRow('announce.csv', 'draft', hasCard('/announcements/report/')),
    {
      action: 'announcement card: announcementRead (Gelesen)',
      allowed: ['asker'],
      arrange: async () => {
        const broadcastId = await broadcast();
        const recipientId = `aad:${alex.aadObjectId!}`;
        await bot.store.create<Delivery>('deliveries', {
          id: deliveryIdOf(broadcastId, recipientId),
          broadcastId,
          recipientId,
          batch: 0,
          language: 'de',
          status: 'sent',
          failures: 0,
          throttles: 0,
        } as Delivery);
        return {
          value: { verb: 'announcementRead', broadcastId },
          watch: broadcastState(broadcastId),
        };
      },
    },
    ...['faqAccept', 'faqPhrasing', 'faqReject'].map((verb): Row => ({
      action: `FAQ proposal card: ${verb}`,
      allowed: ['organiser', 'admin'],
      arrange: async () => {
        const proposal = await proposeFaq(
          bot.store,
          { now: () => new Date() },
          {
            question: `Wie drucke ich doppelseitig (${next()})?`,
            answer: 'Im Druckdialog „Beidseitig“ wählen.',
            language: 'de',
            proposedBy: { id: megan.aadObjectId!, displayName: 'Megan Bowen' },
            ticketId: `mx-${serial}`,
          },
        );
        return {
          value: { verb, proposalId: proposal.id, entryId: '1' },
          watch: async () => [
            await docs([FAQ_PROPOSALS_CONTAINER, proposal.id])(),
            await containers(KNOWLEDGE_CONTAINER)(),
          ],
        };
      },
    })),
    {
      action: 'privacy card: privacyExport',
      allowed: IN_TENANT,
      arrange: async () => ({
        value: { verb: 'privacyExport' },
        watch: containers(PRIVACY_EXPORTS_CONTAINER),
      }),
    },
    command('mitteilung', ['organiser'], hasCard('announce.preview')),
    command('kurs anlegen', ['organiser'], hasCard('course.create')),
    command('FAQ-Vorschläge', ['organiser', 'admin'], (turn) => !/nur|only/i.test(readable(turn))),
    command('Kurse', STAFF, (turn) => turn.replies.some((r) => r.attachments !== undefined)),
    command('meine Tickets', ['candidate lotse', 'other lotse'], (turn) =>
      turn.replies.some((r) => r.attachments !== undefined),
    ),
    command('Datenschutz', IN_TENANT, hasCard('privacyExport')),
    {
      action: 'command: an meinen Lotsen: …',
      allowed: STAFF,
      arrange: async () => ({
        text: `an meinen Lotsen: Wie bestelle ich Monitor ${next()}?`,
        watch: containers(TICKETS_CONTAINER),
      }),
    },
    {
      action: 'command: abwesend bis <Datum>',
      allowed: ['candidate lotse', 'other lotse'],
      arrange: async () => ({
        text: 'abwesend bis 31.12.2098',
        watch: containers(ABSENCES_CONTAINER),
      }),
      cleanUp: async (role) => {
        await say(role, { text: 'wieder da' });
      },
    },
  ];

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
