/**
 * The bot process is killed (SIGKILL) while it runs a ticket's escalation and started
 * again: the escalation completes once — one "escalated" in the ticket's history, every new
 * holder has the card, the asker one notice. teams-sim answers slowly during the run, so
 * the kill lands while the dead instance's first card is on its way; that one request may
 * still arrive, and is the only message allowed twice (as in the broadcast check).
 */
import { JOBS_CONTAINER, type Job } from '../../../services/scheduler';
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

const QUESTION = 'Wo finde ich die Vorlage für den Dienstreiseantrag nach dem Neustart?';
/** Per Connector request while the doomed instance escalates: its run takes seconds. */
const SLOW_MS = 3000;

export const check: AcceptanceCheck = {
  name: 'escalation survives kill -9 of the bot during the run (teams-sim)',
  async run(log) {
    const cosmos = await startSharedCosmos('eskalation-neustart');
    const sim = await startSim();
    const env = { ...cosmos.botEnv, SCHEDULER_INTERVAL_MS: '200', LOG_LEVEL: 'error' };
    let bot: BotProcess | undefined = await startBotProcess(env);
    try {
      const users = await installDemoOrganisation(sim, [bot.messagesUrl]);
      const offered = await handOff(sim, bot.messagesUrl, cosmos.store, QUESTION);
      const firstHolders = new Set([alexId, ...offered.cards.map((c) => c.recipientId)]);
      const before = await deliveredByUser(sim, users);
      const askerBefore = before.get(alexId)?.length ?? 0;

      sim.configure({ latencyMs: SLOW_MS });
      const jobId = deadlineJobId(offered);
      await fallDueNow(cosmos.store, jobId);
      let leased: Job | undefined;
      await until(
        'the escalation job to be leased',
        async () => {
          leased = await cosmos.store.get<Job>(JOBS_CONTAINER, jobId);
          return leased?.state === 'running';
        },
        30_000,
      );
      await bot.stop('SIGKILL');
      bot = undefined;
      const storedAtKill = (
        await cosmos.store.get<Ticket>(TICKETS_CONTAINER, offered.id)
      )?.history.some((e) => e.action === 'escalated');
      // What the dead instance had on the wire still arrives after the simulated latency.
      await new Promise((resolve) => setTimeout(resolve, SLOW_MS + 500));
      sim.configure({ latencyMs: 0 });
      const atKill = await deliveredByUser(sim, users);
      const underWay = users
        .map((u) => u.aadObjectId.toLowerCase())
        .filter((id) => !firstHolders.has(id))
        .filter(
          (id) => mentioning(atKill.get(id), QUESTION) > mentioning(before.get(id), QUESTION),
        );
      log(
        `killed while the job was leased (attempt ${leased?.attempts}), escalation ` +
          `${storedAtKill ? 'already' : 'not yet'} stored; ` +
          `${underWay.length} card(s) of the dead run arrived`,
      );

      // The dead instance's lease (2 minutes) runs out now instead of in 2 minutes.
      await fallDueNow(cosmos.store, jobId, true);
      bot = await startBotProcess(env);
      const ticket = await escalated(cosmos.store, offered.id, jobId);
      const holders = newHolders(offered, ticket);
      let received = atKill;
      await until(
        'the notice to the asker',
        async () => {
          received = await deliveredByUser(sim, users);
          return (received.get(alexId)?.length ?? 0) > askerBefore;
        },
        30_000,
      );
      const job = await cosmos.store.get<Job>(JOBS_CONTAINER, jobId);
      const cards = holders.map((id) => mentioning(received.get(id), QUESTION));
      const afterRestart = holders.map(
        (id) => mentioning(received.get(id), QUESTION) - mentioning(atKill.get(id), QUESTION),
      );
      const escalations = ticket.history.filter((e) => e.action === 'escalated').length;
      const notices = (received.get(alexId)?.length ?? 0) - askerBefore;
      log(
        `after the restart: job ${job?.state} after ${job?.attempts} attempts, ${escalations} escalation(s), ` +
          `${holders.length} new holders with cards [${cards.join(', ')}], ${notices} notice(s) to the asker`,
      );

      assert(leased?.attempts === 1 && job?.attempts === 2, 'the kill did not hit the run');
      assert(escalations === 1, `${escalations} escalations recorded`);
      assert(holders.length > 0, 'nobody new got the ticket card');
      assert(
        afterRestart.every((n) => n === 1),
        `cards sent after the restart per holder: ${afterRestart.join(', ')}`,
      );
      const doubled = holders.filter((_, i) => (cards[i] ?? 0) > 1);
      const unexpected = doubled.filter((id) => !underWay.includes(id));
      assert(
        unexpected.length === 0,
        `card twice although not under way: ${unexpected.join(', ')}`,
      );
      assert(notices === 1, `${notices} notices to the asker`);
      log(`data lost: 0; duplicates: ${doubled.length} (only requests under way at the kill)`);
    } finally {
      await bot?.stop();
      await sim.close();
      await cosmos.stop();
    }
  },
};
