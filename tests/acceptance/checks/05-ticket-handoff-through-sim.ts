import { assert, simPost, startBotProcess, startSim, type AcceptanceCheck } from '../context';

interface Activity {
  id: string;
  text?: string;
  attachments?: Array<{ content: unknown }>;
}

interface Said {
  status: number;
  conversationId: string;
  replies: Activity[];
}

interface Conversation {
  id: string;
  userId: string;
}

/** The data of the card button with this verb. */
function button(activity: Activity | undefined, verb: string): Record<string, unknown> {
  const match = new RegExp(`\\{"verb":"${verb.replace('.', '\\.')}"[^}]*\\}`).exec(
    JSON.stringify(activity?.attachments?.[0]?.content ?? {}),
  );
  assert(match, `no ${verb} button`);
  return JSON.parse(match[0]) as Record<string, unknown>;
}

/**
 * The hand-off through teams-sim: Alex (Bürgerbüro) asks his lotsin Megan, she claims and
 * answers from her card, Alex marks it solved — every card changes in place.
 */
export const check: AcceptanceCheck = {
  name: 'ticket hand-off, claim, answer and solved through teams-sim',
  async run(log) {
    const sim = await startSim();
    const bot = await startBotProcess();
    try {
      const alex = { id: 'user-alex', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
      const megan = { id: 'user-megan', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
      await simPost(sim, '/_sim/install', { botUrl: bot.messagesUrl, users: [alex, megan] });
      const conversations = (await (
        await fetch(`${sim.url}/_sim/conversations`)
      ).json()) as Conversation[];
      const chatOf = (user: { id: string }) => conversations.find((c) => c.userId === user.id)?.id;
      const activities = async (user: { id: string }): Promise<Activity[]> =>
        (
          (await (
            await fetch(`${sim.url}/_sim/conversations/${encodeURIComponent(chatOf(user) ?? '')}`)
          ).json()) as { activities: Activity[] }
        ).activities;
      const last = async (user: { id: string }) => (await activities(user)).at(-1);

      const asked = await simPost<Said>(sim, '/_sim/say', {
        botUrl: bot.messagesUrl,
        user: alex,
        text: 'An meine Lotsin: Wie beantrage ich einen zweiten Bildschirm?',
      });
      assert(asked.status === 200, `hand-off status ${asked.status}`);
      const offer = await last(megan);
      const status = await last(alex);
      assert(JSON.stringify(offer).includes('zweiten Bildschirm'), 'Megan got no ticket card');
      log('Megan received the ticket card; Alex a status card');

      await simPost(sim, '/_sim/say', {
        botUrl: bot.messagesUrl,
        user: megan,
        value: button(offer, 'ticket.claim'),
        replyToId: offer?.id,
      });
      const statusNow = (await activities(alex)).find((a) => a.id === status?.id);
      assert(
        JSON.stringify(statusNow).includes('In Bearbeitung bei Megan Bowen'),
        'the status card was not updated in place',
      );
      const offerNow = (await activities(megan)).find((a) => a.id === offer?.id);
      await simPost(sim, '/_sim/say', {
        botUrl: bot.messagesUrl,
        user: megan,
        value: { ...button(offerNow, 'ticket.answer'), answerText: 'Über das IT-Serviceportal.' },
        replyToId: offer?.id,
      });
      const answer = await last(alex);
      assert(JSON.stringify(answer).includes('IT-Serviceportal'), 'Alex got no answer card');
      log('claimed and answered from the card; the answer reached Alex');

      await simPost(sim, '/_sim/say', {
        botUrl: bot.messagesUrl,
        user: alex,
        value: button(answer, 'ticket.solved'),
        replyToId: answer?.id,
      });
      const offerFinal = (await activities(megan)).find((a) => a.id === offer?.id);
      assert(
        JSON.stringify(offerFinal).includes('Confirmed as solved by'),
        'Megan’s card does not show solved',
      );
      log('Alex marked it solved; Megan’s card shows it');
    } finally {
      await bot.stop();
      await sim.close();
    }
  },
};
