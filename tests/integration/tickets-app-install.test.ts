/**
 * A lotse without the app, over HTTP (connector double) with the Graph-shaped server: with
 * auto-install the bot installs the app and the card reaches them in the new chat; when
 * Graph refuses, or auto-install is off, the ticket goes on to the next candidate. A forward
 * to such a lotse installs the app too, and is refused when that fails.
 */
import demo from '../../services/directory/demo/demo-organisation.json';
import { ManualClock } from '../../services/clock';
import { createGraphClient } from '../../services/directory';
import { GraphAppInstaller } from '../../services/teams-apps';
import { TICKETS_CONTAINER, type Ticket } from '../../services/tickets';
import { cardOf, submitData } from '../support/card-reading';
import { visibleText } from '../support/card-validation';
import { ConnectorDouble, type ConnectorCall, type TestUser } from '../support/connector-double';
import {
  chatIdOf,
  fakeCredential,
  startGraphServer,
  type GraphServer,
} from '../support/graph-server';
import { startTestBot, type TestBot } from '../support/test-bot';

// Demo organisation: Alex (Bürgerbüro) asks; Megan is the unit's lotsin, Jörg Müller the
// other lotse there is always away, Adele is in the central team.
const alex: TestUser = {
  id: '29:alex',
  name: 'Alex Wilber',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
};
const MEGAN = '00000000-0000-0000-0000-0000000000021';
const adele: TestUser = {
  id: '29:adele',
  name: 'Adele Vance',
  aadObjectId: '00000000-0000-0000-0000-0000000000022',
};
const CATALOG_ID = 'c5a1b3f0-0000-4000-8000-00000000a991';

describe('a lotse without the app', () => {
  const connector = new ConnectorDouble();
  const clock = new ManualClock('2026-03-02T08:00:00Z'); // Monday, 09:00 in Berlin
  let graph: GraphServer;
  let withInstall: TestBot;
  let withoutInstall: TestBot;

  const sends = (calls: ConnectorCall[], conversationId: string) =>
    calls.filter((c) => c.op === 'send' && c.conversationId === conversationId);

  /** Alex hands a question off; answers the stored ticket and the connector calls. */
  async function handOff(bot: TestBot, question: string) {
    const asked = await connector.say(bot.messagesUrl, { user: alex, text: question });
    const handoff = submitData(cardOf(asked.replies[0]), 'handoff');
    const turn = await connector.say(bot.messagesUrl, { user: alex, value: handoff });
    expect(turn.status).toBe(200);
    const status = sends(turn.calls, connector.conversationIdOf(alex))[0];
    const ticketId = submitData(cardOf(status?.activity), 'ticket.withdraw').ticketId as string;
    return {
      ticket: (await bot.store.get<Ticket>(TICKETS_CONTAINER, ticketId))!,
      calls: turn.calls,
    };
  }

  beforeAll(async () => {
    await connector.start();
    graph = await startGraphServer(demo, { appCatalog: [CATALOG_ID] });
    const client = createGraphClient({
      credential: fakeCredential(),
      baseUrl: graph.baseUrl,
      fetch: graph.fetch,
      retry: { delaySeconds: 0, maxRetries: 0 },
    });
    const env = { SCHEDULER_INTERVAL_MS: '0' };
    withInstall = await startTestBot(env, {
      clock,
      appInstaller: new GraphAppInstaller({ client, catalogId: CATALOG_ID }),
    });
    withoutInstall = await startTestBot(env, { clock });
    // Megan never installed the app; Alex and Adele did.
    for (const bot of [withInstall, withoutInstall]) {
      for (const user of [alex, adele]) await connector.install(bot.messagesUrl, user);
    }
  }, 30_000);
  afterAll(async () => {
    await withInstall.dispose();
    await withoutInstall.dispose();
    await graph.close();
    await connector.stop();
  });
  beforeEach(async () => {
    connector.clear();
    graph.requests.length = 0;
    graph.forbidAppInstallation(false);
    await withInstall.store.delete('users', `aad:${MEGAN}`);
  });

  it('installs the app for the lotse, sends the card to the new chat and records it', async () => {
    const { ticket, calls } = await handOff(withInstall, 'Wie beantrage ich einen Dienstausweis?');

    const card = sends(calls, chatIdOf(MEGAN))[0];
    expect(visibleText(cardOf(card?.activity))).toContain('Dienstausweis');
    expect(ticket.assignee?.displayName).toBe('Megan Bowen');
    expect(ticket.history.map((e) => [e.action, e.target?.displayName])).toEqual(
      expect.arrayContaining([
        ['app-installed', 'Megan Bowen'],
        ['offered', 'Megan Bowen'],
      ]),
    );
    expect(ticket.history.some((e) => e.action === 'unreachable')).toBe(false);
    // Later messages use the stored reference: no second installation.
    graph.requests.length = 0;
    await handOff(withInstall, 'Wo finde ich das Formular für Dienstreisen?');
    expect(graph.requests).toEqual([]);
  });

  it('goes on to the next candidate when Graph refuses the installation (403)', async () => {
    graph.forbidAppInstallation(true);
    const { ticket, calls } = await handOff(withInstall, 'Wie beantrage ich ein Diensthandy?');

    expect(sends(calls, chatIdOf(MEGAN))).toEqual([]);
    expect(sends(calls, connector.conversationIdOf(adele))).toHaveLength(1);
    expect(ticket.history).toContainEqual(
      expect.objectContaining({
        action: 'app-install-failed',
        note: 'forbidden',
        target: expect.objectContaining({ displayName: 'Megan Bowen' }),
      }),
    );
    expect(ticket.history).toContainEqual(
      expect.objectContaining({
        action: 'unreachable',
        target: expect.objectContaining({ displayName: 'Megan Bowen' }),
      }),
    );
    expect(ticket.candidates.map((p) => p.displayName)).toContain('Adele Vance');
  });

  describe('forwarding to a lotse without the app', () => {
    /** A ticket Adele holds: Graph refused Megan's installation when it was handed off. */
    async function ticketAtAdele(question: string) {
      graph.forbidAppInstallation(true);
      const { ticket, calls } = await handOff(withInstall, question);
      graph.forbidAppInstallation(false);
      const card = cardOf(sends(calls, connector.conversationIdOf(adele))[0]?.activity);
      return { ticket, forward: submitData(card, 'ticket.forward') };
    }
    const forwardToMegan = (forward: Record<string, unknown>) =>
      connector.say(withInstall.messagesUrl, {
        user: adele,
        value: { ...forward, forwardTo: MEGAN, forwardReason: 'Fachfrage aus ihrem Amt' },
      });

    it('installs the app for them, and the forward reaches them in the new chat', async () => {
      const { ticket, forward } = await ticketAtAdele('Wie beantrage ich eine Signaturkarte?');
      graph.requests.length = 0;
      const turn = await forwardToMegan(forward);

      expect(graph.requests.length).toBeGreaterThan(0);
      const card = sends(turn.calls, chatIdOf(MEGAN))[0];
      expect(visibleText(cardOf(card?.activity))).toContain('Signaturkarte');
      const stored = await withInstall.store.get<Ticket>(TICKETS_CONTAINER, ticket.id);
      expect(stored?.state).toBe('forwarded');
      expect(stored?.candidates.map((p) => p.displayName)).toEqual(['Megan Bowen']);
      expect(stored?.history.slice(-2).map((e) => [e.action, e.target?.displayName])).toEqual(
        expect.arrayContaining([
          ['forwarded', 'Megan Bowen'],
          ['app-installed', 'Megan Bowen'],
        ]),
      );
    });

    it('refuses the forward when the installation fails too, and changes nothing', async () => {
      const { ticket, forward } = await ticketAtAdele('Wie beantrage ich ein Dienstfahrrad?');
      graph.forbidAppInstallation(true);
      const before = await withInstall.store.get<Ticket>(TICKETS_CONTAINER, ticket.id);
      const turn = await forwardToMegan(forward);

      const reply = turn.replies.map((r) => r.text).join(' ');
      expect(reply).toContain('noch nicht installiert');
      expect(sends(turn.calls, chatIdOf(MEGAN))).toEqual([]);
      expect(await withInstall.store.get<Ticket>(TICKETS_CONTAINER, ticket.id)).toEqual(before);
    });
  });

  it('goes on to the next candidate without asking Graph when auto-install is off', async () => {
    const { ticket, calls } = await handOff(withoutInstall, 'Wie beantrage ich ein Diensthandy?');

    expect(graph.requests).toEqual([]);
    expect(sends(calls, connector.conversationIdOf(adele))).toHaveLength(1);
    expect(ticket.history.map((e) => e.action)).toContain('unreachable');
    expect(ticket.history.map((e) => e.action)).not.toContain('app-install-failed');
  });
});
