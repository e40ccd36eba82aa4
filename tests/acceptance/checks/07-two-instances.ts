/**
 * Two bot processes on one Cosmos-API server and one teams-sim: the demo organisation
 * installs the app (half through each instance), Alex hands a question to his lotsin, an
 * announcement goes to everyone and the ticket's claim deadline falls due. Both instances
 * run the send worker and the job scheduler; each thing still happens exactly once.
 */
import {
  Audiences,
  BROADCASTS_CONTAINER,
  Broadcasts,
  type Broadcast,
} from '../../../services/broadcast';
import { TICKETS_CONTAINER, type Ticket } from '../../../services/tickets';
import {
  assert,
  startBotProcess,
  startSim,
  type AcceptanceCheck,
  type BotProcess,
} from '../context';
import { startSharedCosmos } from '../support/cosmos-https';
import {
  alexId,
  deadlineJobId,
  deliveredByUser,
  escalated,
  fallDueNow,
  handOff,
  installDemoOrganisation,
  mentioning,
  newHolders,
} from '../support/ticket-escalation';
import { until } from '../support/wait';

const ANNOUNCEMENT = 'Zwei Instanzen, eine Mitteilung: Serverwartung am Freitag.';
const QUESTION = 'Wie richte ich die Abwesenheitsnotiz für zwei Instanzen ein?';

interface Stats {
  delivered: number;
  duplicates: number;
}

export const check: AcceptanceCheck = {
  name: 'two instances on one Cosmos DB: one announcement and one escalation, each once',
  async run(log) {
    const cosmos = await startSharedCosmos('zwei-instanzen');
    const sim = await startSim();
    const env = { ...cosmos.botEnv, SCHEDULER_INTERVAL_MS: '200', LOG_LEVEL: 'error' };
    const bots: BotProcess[] = [];
    try {
      // One after the other: the first creates the database and its containers.
      bots.push(await startBotProcess(env));
      bots.push(await startBotProcess(env));
      const [first, second] = bots as [BotProcess, BotProcess];
      const users = await installDemoOrganisation(sim, [first.messagesUrl, second.messagesUrl]);
      log(`${users.length} users installed the app, half through each instance`);

      const offered = await handOff(sim, second.messagesUrl, cosmos.store, QUESTION);
      // Alex's messages apart from the announcement: so far the status card of his ticket.
      const toAlex = (received: Map<string, Array<{ id: string }>>) =>
        (received.get(alexId) ?? []).length - mentioning(received.get(alexId), ANNOUNCEMENT);
      const askerBefore = toAlex(await deliveredByUser(sim, users));

      const broadcasts = new Broadcasts({
        store: cosmos.store,
        audiences: new Audiences(cosmos.store),
      });
      const draft = await broadcasts.create({
        title: 'Zwei Instanzen',
        createdBy: 'acceptance-organiser',
        audience: { kind: 'installed' },
        messages: { de: { text: ANNOUNCEMENT } },
      });
      await broadcasts.submit(draft.id);
      // The deadline falls due while the announcement is being sent.
      const jobId = deadlineJobId(offered);
      await fallDueNow(cosmos.store, jobId);
      await until(
        'the announcement to complete',
        async () =>
          (await cosmos.store.get<Broadcast>(BROADCASTS_CONTAINER, draft.id))?.status ===
          'completed',
        90_000,
      );
      const ticket = await escalated(cosmos.store, offered.id, jobId);
      const holders = newHolders(offered, ticket);
      // The notice to Alex follows the escalation's commit.
      let received = await deliveredByUser(sim, users);
      await until(
        'the notice to the asker',
        async () => {
          received = await deliveredByUser(sim, users);
          return toAlex(received) > askerBefore;
        },
        30_000,
      );

      const announced = users.map((u) =>
        mentioning(received.get(u.aadObjectId.toLowerCase()), ANNOUNCEMENT),
      );
      const cards = holders.map((id) => mentioning(received.get(id), QUESTION));
      const notices = toAlex(received) - askerBefore;
      const escalations = ticket.history.filter((e) => e.action === 'escalated').length;
      const stats = sim.stats() as unknown as Stats;
      const stored = await cosmos.store.get<Ticket>(TICKETS_CONTAINER, offered.id);
      log(
        `announcement: ${announced.filter((n) => n === 1).length} of ${users.length} users once, ` +
          `${announced.filter((n) => n > 1).length} more than once, ${announced.filter((n) => n === 0).length} never`,
      );
      log(
        `escalation: ${escalations} recorded, ${stored?.stage === 'team' ? 'to the central team' : 'to the next lotse'} ` +
          `(${holders.length} new card holders, cards per holder [${cards.join(', ')}]), ${notices} notice(s) to the asker`,
      );
      log(`teams-sim: ${stats.delivered} deliveries, ${stats.duplicates} duplicates`);

      assert(
        announced.every((n) => n === 1),
        'not every user got the announcement exactly once',
      );
      assert(escalations === 1, `${escalations} escalations recorded`);
      assert(holders.length > 0, 'nobody new got the ticket card');
      assert(
        cards.every((n) => n === 1),
        `ticket cards per new holder: ${cards.join(', ')}`,
      );
      assert(notices === 1, `${notices} notices to the asker`);
      assert(stats.duplicates === 0, `${stats.duplicates} duplicate deliveries`);
    } finally {
      await Promise.all(bots.map((bot) => bot.stop()));
      await sim.close();
      await cosmos.stop();
    }
  },
};
