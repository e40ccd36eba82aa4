/**
 * What the escalation checks share: the demo organisation installed in teams-sim, Alex's
 * hand-off to his lotsin, moving the stored deadline to now (as if its 4 working hours had
 * passed, whatever day the check runs on) and reading what each person received.
 */
import organisation from '../../../services/directory/demo/demo-organisation.json';
import { JOBS_CONTAINER, type Job } from '../../../services/scheduler';
import { queryAll, updateDocument, type Store } from '../../../services/storage';
import { TICKETS_CONTAINER, type Ticket } from '../../../services/tickets';
import { assert, simPost, type Sim } from '../context';
import { until } from './wait';

export interface SimUser {
  id: string;
  aadObjectId: string;
  name: string;
}

/** Everyone in the demo organisation, each with the app installed through `botUrls` in turn. */
export async function installDemoOrganisation(sim: Sim, botUrls: string[]): Promise<SimUser[]> {
  const users = organisation.users.map((user) => ({
    id: `29:${user.id}`,
    aadObjectId: user.id,
    name: user.displayName,
  }));
  for (const [index, botUrl] of botUrls.entries()) {
    const part = users.filter((_, i) => i % botUrls.length === index);
    const installed = await simPost<{ installed: number }>(sim, '/_sim/install', {
      botUrl,
      users: part,
    });
    assert(
      installed.installed === part.length,
      `installed ${installed.installed} of ${part.length}`,
    );
  }
  return users;
}

export const alexId = '00000000-0000-0000-0000-0000000000020';

interface Activity {
  id: string;
}

/** The activities delivered into each user's chat, by AAD object id. */
export async function deliveredByUser(
  sim: Sim,
  users: SimUser[],
): Promise<Map<string, Activity[]>> {
  const conversations = (await (await fetch(`${sim.url}/_sim/conversations`)).json()) as Array<{
    id: string;
    userId: string;
  }>;
  const result = new Map<string, Activity[]>();
  for (const user of users) {
    const chat = conversations.find((c) => c.userId === user.id);
    if (!chat) continue;
    const { activities } = (await (
      await fetch(`${sim.url}/_sim/conversations/${encodeURIComponent(chat.id)}`)
    ).json()) as { activities: Activity[] };
    result.set(user.aadObjectId.toLowerCase(), activities);
  }
  return result;
}

/** How many of `activities` mention `marker` (a card or message carrying it). */
export function mentioning(activities: Activity[] | undefined, marker: string): number {
  return (activities ?? []).filter((a) => JSON.stringify(a).includes(marker)).length;
}

/** Alex hands a question to his lotsin; resolves with the offered ticket. */
export async function handOff(
  sim: Sim,
  botUrl: string,
  store: Store,
  question: string,
): Promise<Ticket> {
  const alex = organisation.users.find((u) => u.id === alexId);
  const said = await simPost<{ status: number }>(sim, '/_sim/say', {
    botUrl,
    user: { id: `29:${alexId}`, aadObjectId: alexId, name: alex?.displayName },
    text: `An meine Lotsin: ${question}`,
  });
  assert(said.status === 200, `hand-off status ${said.status}`);
  let ticket: Ticket | undefined;
  await until(
    'the ticket to be offered',
    async () => {
      for await (const t of queryAll<Ticket>(store, TICKETS_CONTAINER, { limit: 100 })) {
        if (t.question.includes(question) && t.deadline?.kind === 'claim') ticket = t;
      }
      return ticket !== undefined;
    },
    30_000,
  );
  return ticket as Ticket;
}

export function deadlineJobId(ticket: Ticket): string {
  assert(ticket.deadline, 'the ticket has no deadline');
  return `ticket-deadline:${ticket.id}:${ticket.deadline.seq}`;
}

/** The deadline job falls due now (and, with `lease`, a lease held on it runs out now). */
export async function fallDueNow(store: Store, jobId: string, lease = false): Promise<Job> {
  const now = new Date().toISOString();
  const updated = await updateDocument<Job>(store, JOBS_CONTAINER, jobId, (job) => ({
    ...job,
    dueAt: job.state === 'pending' ? now : job.dueAt,
    ...(lease && job.state === 'running' ? { leaseExpiresAt: now } : {}),
  }));
  assert(updated, `job ${jobId} not found`);
  return updated.doc;
}

/** Waits until the job is done and the ticket records its escalation. */
export async function escalated(store: Store, ticketId: string, jobId: string): Promise<Ticket> {
  let ticket: Ticket | undefined;
  await until(
    'the escalation',
    async () => {
      const job = await store.get<Job>(JOBS_CONTAINER, jobId);
      ticket = await store.get<Ticket>(TICKETS_CONTAINER, ticketId);
      return (
        job?.state === 'done' && ticket?.history.some((e) => e.action === 'escalated') === true
      );
    },
    60_000,
  );
  return ticket as Ticket;
}

/** The people the escalation offered the ticket to (cards other than the first offer's). */
export function newHolders(before: Ticket, after: Ticket): string[] {
  const had = new Set(before.cards.map((c) => c.recipientId));
  return [
    ...new Set(
      after.cards
        .filter((c) => c.kind === 'offer' && !had.has(c.recipientId))
        .map((c) => c.recipientId),
    ),
  ];
}
