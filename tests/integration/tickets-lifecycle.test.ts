/**
 * The hand-off end to end over HTTP: the real bot (local mode, demo organisation) and the
 * Bot Connector double. Cards reach lotsen and askers proactively and change in place (PUT).
 */
import { ManualClock } from '../../services/clock';
import { JOBS_CONTAINER, type Job } from '../../services/scheduler';
import { queryAll } from '../../services/storage';
import { TICKETS_CONTAINER, type Ticket } from '../../services/tickets';
import { cardProblems, visibleText } from '../support/card-validation';
import {
  ConnectorDouble,
  TEST_TENANT_ID,
  type ConnectorCall,
  type TestUser,
} from '../support/connector-double';
import { startTestBot, type TestBot } from '../support/test-bot';
import { cardOf, submitData } from '../support/card-reading';

// People of the shipped demo organisation: Alex works in the Bürgerbüro, whose lotsin is
// Megan (English); Jörg Müller, the other lotse there, is always away; Adele is central.
const alex: TestUser = {
  id: '29:alex',
  name: 'Alex Wilber',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
};
const megan: TestUser = {
  id: '29:megan',
  name: 'Megan Bowen',
  aadObjectId: '00000000-0000-0000-0000-0000000000021',
};
const adele: TestUser = {
  id: '29:adele',
  name: 'Adele Vance',
  aadObjectId: '00000000-0000-0000-0000-0000000000022',
};
const isaiah: TestUser = {
  id: '29:isaiah',
  name: 'Isaiah Langer',
  aadObjectId: '00000000-0000-0000-0000-0000000000023',
};
const OTHER_TENANT = '00000000-0000-4000-8000-00000000000b';

describe('a question handed to a lotse, over HTTP', () => {
  const connector = new ConnectorDouble();
  // Monday 2 March 2026, 09:00 in Berlin.
  const clock = new ManualClock('2026-03-02T08:00:00Z');
  let bot: TestBot;

  const chat = (user: TestUser) => connector.conversationIdOf(user);
  const sentTo = (calls: ConnectorCall[], user: TestUser) =>
    calls.filter((c) => c.op === 'send' && c.conversationId === chat(user));
  const updates = (calls: ConnectorCall[]) => calls.filter((c) => c.op === 'update');
  const ticketOf = async (id: string) => (await bot.store.get<Ticket>(TICKETS_CONTAINER, id))!;

  /** Alex asks a question with the bot's hand-off button; returns the new ticket's id. */
  async function handOff(question: string): Promise<string> {
    const asked = await connector.say(bot.messagesUrl, { user: alex, text: question });
    const handoff = submitData(cardOf(asked.replies[0]), 'handoff');
    const turn = await connector.say(bot.messagesUrl, { user: alex, value: handoff });
    expect(turn.status).toBe(200);
    const status = sentTo(turn.calls, alex)[0];
    return submitData(cardOf(status?.activity), 'ticket.withdraw').ticketId as string;
  }

  beforeAll(async () => {
    await connector.start();
    bot = await startTestBot(
      { ALLOWED_TENANT_IDS: `${TEST_TENANT_ID},${OTHER_TENANT}`, SCHEDULER_INTERVAL_MS: '0' },
      { clock },
    );
    for (const user of [alex, megan, adele]) await connector.install(bot.messagesUrl, user);
    // The first question loads the knowledge base; no test should wait for that.
    await connector.say(bot.messagesUrl, { user: alex, text: 'Wie ändere ich mein Passwort?' });
  }, 30_000);
  afterAll(async () => {
    await bot.dispose();
    await connector.stop();
  });
  beforeEach(() => {
    connector.clear();
    clock.set('2026-03-02T08:00:00Z');
  });

  it('goes from the question to a solved request without anyone leaving the chat', async () => {
    // Alex asks; the bot's card offers the hand-off; Alex uses it.
    const asked = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'Wie bekomme ich Zugriff auf das Fachverfahren für Sondernutzungen?',
    });
    const handoff = submitData(cardOf(asked.replies[0]), 'handoff');
    const handedOff = await connector.say(bot.messagesUrl, { user: alex, value: handoff });

    // Megan gets the ticket card in English; Alex a status card naming her.
    const offer = sentTo(handedOff.calls, megan)[0];
    const offerCard = cardOf(offer?.activity);
    expect(offerCard.lang).toBe('en');
    expect(cardProblems(offerCard)).toEqual([]);
    expect(visibleText(offerCard)).toContain('Sondernutzungen');
    expect(visibleText(offerCard)).toContain('Alex Wilber');
    const status = sentTo(handedOff.calls, alex)[0];
    const statusCard = cardOf(status?.activity);
    expect(statusCard.lang).toBe('de');
    expect(visibleText(statusCard)).toContain('Wartet auf Übernahme durch Megan Bowen');

    // Megan claims from her card: both cards change in place, nothing new is sent.
    const claimed = await connector.say(bot.messagesUrl, {
      user: megan,
      value: submitData(offerCard, 'ticket.claim'),
      replyToId: offer?.activityId,
    });
    expect(claimed.replies).toEqual([]);
    const afterClaim = updates(claimed.calls);
    expect(afterClaim.map((c) => c.activityId).sort()).toEqual(
      [offer?.activityId, status?.activityId].sort(),
    );
    const claimedOffer = cardOf(
      afterClaim.find((c) => c.activityId === offer?.activityId)?.activity,
    );
    expect(visibleText(claimedOffer)).toContain('Being handled by Megan Bowen');
    expect(
      visibleText(cardOf(afterClaim.find((c) => c.activityId === status?.activityId)?.activity)),
    ).toContain('In Bearbeitung bei Megan Bowen');

    // Megan answers in the card; the answer reaches Alex as a new card.
    const answered = await connector.say(bot.messagesUrl, {
      user: megan,
      value: {
        ...submitData(claimedOffer, 'ticket.answer'),
        answerText: 'Beantragen Sie es im Serviceportal unter „Berechtigungen“.',
      },
      replyToId: offer?.activityId,
    });
    const answerMessage = sentTo(answered.calls, alex)[0];
    const answerCard = cardOf(answerMessage?.activity);
    expect(visibleText(answerCard)).toContain('Antwort von Megan Bowen');
    expect(visibleText(answerCard)).toContain('Serviceportal');
    expect(updates(answered.calls)).toHaveLength(2);

    // Alex marks it solved on the answer card: every card shows the end.
    const solved = await connector.say(bot.messagesUrl, {
      user: alex,
      value: submitData(answerCard, 'ticket.solved'),
      replyToId: answerMessage?.activityId,
    });
    expect(solved.replies).toEqual([]);
    const finalUpdates = updates(solved.calls);
    expect(finalUpdates.map((c) => c.activityId).sort()).toEqual(
      [offer?.activityId, status?.activityId, answerMessage?.activityId].sort(),
    );
    for (const update of finalUpdates) expect(cardProblems(cardOf(update.activity))).toEqual([]);
    const solvedAnswer = cardOf(
      finalUpdates.find((c) => c.activityId === answerMessage?.activityId)?.activity,
    );
    expect(solvedAnswer.actions).toEqual([]);
    expect(visibleText(solvedAnswer)).toContain('Gelöst');

    const ticketId = submitData(answerCard, 'ticket.solved').ticketId as string;
    const ticket = await ticketOf(ticketId);
    expect(ticket.state).toBe('solved');
    expect(ticket.history.map((entry) => entry.action)).toEqual([
      'created',
      'offered',
      'claimed',
      'answered',
      'solved',
    ]);
  });

  it('hands a question over directly with "an meinen Lotsen: …"', async () => {
    const turn = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'An meinen Lotsen: Wo finde ich die Vorlage für Dienstreiseanträge?',
    });
    expect(visibleText(cardOf(sentTo(turn.calls, megan)[0]?.activity))).toContain(
      'Wo finde ich die Vorlage für Dienstreiseanträge?',
    );
    const empty = await connector.say(bot.messagesUrl, { user: alex, text: 'an meine Lotsin:' });
    expect(empty.replies[0]?.text).toMatch(/hinter den Doppelpunkt/);
  });

  it('refuses a stale card without a change and shows the latest state on it', async () => {
    const ticketId = await handOff('Wie drucke ich beidseitig?');
    const before = await ticketOf(ticketId);
    const turn = await connector.say(bot.messagesUrl, {
      user: megan,
      value: { verb: 'ticket.claim', ticketId, version: before.version - 1 },
    });
    expect(turn.replies[0]?.text).toMatch(/out of date/);
    expect(updates(turn.calls).length).toBeGreaterThan(0);
    expect((await ticketOf(ticketId)).etag).toBe(before.etag);
  });

  it.each([
    [
      'an employee who is not involved',
      isaiah,
      TEST_TENANT_ID,
      /Only the people|nur die zuständigen/,
    ],
    ['the right lotse from another tenant', megan, OTHER_TENANT, /does not exist|gibt es nicht/],
  ])('refuses a forged claim by %s without a change', async (_case, user, tenantId, text) => {
    const ticketId = await handOff('Wie richte ich eine Abwesenheitsnotiz ein?');
    const before = await ticketOf(ticketId);
    const turn = await connector.say(bot.messagesUrl, {
      user,
      tenantId,
      value: { verb: 'ticket.claim', ticketId, version: before.version },
    });
    expect(turn.replies[0]?.text).toMatch(text);
    expect((await ticketOf(ticketId)).etag).toBe(before.etag);
  });

  it('lists requests for the asker and tickets for the lotse', async () => {
    await handOff('Wie verbinde ich mich mit dem WLAN im Rathaus?');
    const requests = await connector.say(bot.messagesUrl, { user: alex, text: 'Meine Anfragen' });
    expect(visibleText(cardOf(requests.replies[0]))).toContain('WLAN im Rathaus');
    const inbox = await connector.say(bot.messagesUrl, { user: megan, text: 'meine tickets' });
    const inboxCard = cardOf(inbox.replies[0]);
    expect(visibleText(inboxCard)).toContain('WLAN im Rathaus');

    // "Show" sends the ticket's card again, into the chat where it was asked for.
    const shown = await connector.say(bot.messagesUrl, {
      user: megan,
      value: submitData(inboxCard, 'ticket.show'),
    });
    expect(visibleText(cardOf(sentTo(shown.calls, megan)[0]?.activity))).toContain('Claim');
    const notLotse = await connector.say(bot.messagesUrl, { user: alex, text: 'meine tickets' });
    expect(notLotse.replies[0]?.text).toMatch(/nur für Digitallotsinnen/);
  });

  it('sends new questions past a lotse who is away, and to her again once she is back', async () => {
    const away = await connector.say(bot.messagesUrl, {
      user: megan,
      text: 'abwesend bis 31.12.2026',
      locale: 'de-DE',
    });
    expect(away.replies[0]?.text).toMatch(/31/);
    const meanwhile = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'an meine Lotsin: Wie ändere ich meine Signatur?',
    });
    expect(sentTo(meanwhile.calls, megan)).toEqual([]);
    expect(sentTo(meanwhile.calls, adele)).toHaveLength(1);

    await connector.say(bot.messagesUrl, { user: megan, text: 'wieder da' });
    const later = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'an meine Lotsin: Und wie füge ich ein Logo ein?',
    });
    expect(sentTo(later.calls, megan)).toHaveLength(1);
  });

  it('escalates after a weekend and Whit Monday, also across a restart that lost the job', async () => {
    // Friday 22 May 2026, 15:00 in Berlin; the deadline is Tuesday 09:00 (Monday is a holiday).
    clock.set('2026-05-22T13:00:00Z');
    const ticketId = await handOff('Wie lege ich einen Serienbrief an?');
    // A crash between storing the ticket and its job: the job is gone.
    for await (const job of queryAll<Job>(bot.store, JOBS_CONTAINER)) {
      if (job.id.includes(ticketId)) await bot.store.delete(JOBS_CONTAINER, job.id);
    }
    bot = await bot.restart();

    clock.set('2026-05-26T06:59:00Z');
    await bot.scheduler.runDue();
    expect((await ticketOf(ticketId)).stage).toBe('routed');

    connector.clear();
    clock.set('2026-05-26T07:00:00Z');
    await bot.scheduler.runDue();
    const ticket = await ticketOf(ticketId);
    expect(ticket.stage).toBe('team');
    expect(sentTo(connector.calls, adele)).toHaveLength(1);
    expect(sentTo(connector.calls, alex)[0]?.activity?.text).toMatch(
      /liegt jetzt beim zentralen Digitallotsen-Team/,
    );
    expect(ticket.history.filter((entry) => entry.action === 'escalated')).toHaveLength(1);
  });
});
