import { TICKETS_CONTAINER, type Ticket } from '../../services/tickets';
import { queryAll } from '../../services/storage';
import { JOBS_CONTAINER, type Job } from '../../services/scheduler';
import { ConnectorDouble } from '../support/connector-double';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import { startTestBot, type TestBot } from '../support/test-bot';

// Demo organisation: Alex Wilber asks, Megan Bowen is the lotse of his unit.
const alex = { id: '29:alex', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
const megan = { id: '29:megan', aadObjectId: '00000000-0000-0000-0000-0000000000021' };

describe('the store goes away in the middle of a turn (Cosmos DB)', () => {
  const connector = new ConnectorDouble();
  let server: CosmosTestServer;
  let bot: TestBot;

  beforeAll(async () => {
    await connector.start();
    server = await startCosmosServer();
    bot = await startTestBot({
      COSMOS_ENDPOINT: server.endpoint,
      COSMOS_KEY: server.key,
      COSMOS_DATABASE: 'outage',
      SCHEDULER_INTERVAL_MS: '0',
    });
    for (const user of [alex, megan]) await connector.install(bot.messagesUrl, user);
  }, 30_000);
  afterAll(async () => {
    await bot.dispose();
    await server.stop();
    await connector.stop();
  });

  async function all<T extends { id: string }>(container: string): Promise<T[]> {
    const docs: T[] = [];
    for await (const doc of queryAll<T>(bot.store, container)) docs.push(doc as T);
    return docs;
  }

  it('asks to try again later, leaves no ticket without its deadline, and recovers', async () => {
    // The store goes down while the ticket card is on its way to the lotse.
    connector.beforeNextCall(() => server.cutOff('refuse'));
    const failed = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'an meinen Lotsen: Wie richte ich eine Abwesenheitsnotiz ein?',
    });
    expect(failed.status).toBeLessThan(500);
    expect(JSON.stringify(failed.replies)).toContain('später erneut');
    // Mid-turn: the ticket card had already gone to Megan when the store went away.
    expect(failed.calls[0]).toMatchObject({
      op: 'send',
      conversationId: connector.conversationIdOf(megan),
    });

    await server.restore();
    // Whatever was written before the outage is whole: an open ticket still has the job
    // that escalates it, so nothing waits forever.
    const tickets = await all<Ticket>(TICKETS_CONTAINER);
    const jobs = await all<Job>(JOBS_CONTAINER);
    for (const ticket of tickets.filter((t) => t.active && t.deadline)) {
      expect(jobs.some((job) => JSON.stringify(job).includes(ticket.id))).toBe(true);
    }

    const again = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'an meinen Lotsen: Wie richte ich eine Abwesenheitsnotiz ein?',
    });
    expect(JSON.stringify(again.replies)).not.toContain('später erneut');
    expect((await all<Ticket>(TICKETS_CONTAINER)).some((t) => t.active)).toBe(true);
  }, 60_000);
});
