import { strings } from '../../../cards';
import { assert, simPost, startBotProcess, startSim, type AcceptanceCheck } from '../context';

interface Said {
  status: number;
  activityId: string;
  conversationId: string;
  replies: Array<{ id?: string; text?: string; attachments?: Array<{ content: unknown }> }>;
  updates: Array<{ id?: string; attachments?: Array<{ content: unknown }> }>;
}

function feedbackButton(card: unknown): Record<string, unknown> | undefined {
  const text = JSON.stringify(card);
  const match = /\{"verb":"feedback"[^}]*\}/.exec(text);
  return match ? (JSON.parse(match[0]) as Record<string, unknown>) : undefined;
}

/** A question through teams-sim gets an answer card; 👎 on it updates the card in place. */
export const check: AcceptanceCheck = {
  name: 'question, answer card and 👎 through teams-sim',
  async run(log) {
    const sim = await startSim();
    const bot = await startBotProcess();
    try {
      const user = { id: 'user-ask-1', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
      await simPost(sim, '/_sim/install', { botUrl: bot.messagesUrl, users: [user] });
      const asked = await simPost<Said>(sim, '/_sim/say', {
        botUrl: bot.messagesUrl,
        user,
        text: 'wie kann ich mein passwort aendern',
        minReplies: 1,
      });
      const reply = asked.replies[0];
      const button = feedbackButton(reply?.attachments?.[0]?.content);
      assert(reply?.id && button, `no answer card with feedback: ${JSON.stringify(asked.replies)}`);
      const voted = await simPost<Said>(sim, '/_sim/say', {
        botUrl: bot.messagesUrl,
        user,
        value: { ...button, vote: 'down' },
        replyToId: reply.id,
      });
      assert(voted.status === 200, `vote status ${voted.status}`);
      const conversation = (await (
        await fetch(`${sim.url}/_sim/conversations/${encodeURIComponent(asked.conversationId)}`)
      ).json()) as {
        activities: Array<{ id: string; attachments?: Array<{ content: unknown }> }>;
      };
      const card = conversation.activities.find((a) => a.id === reply.id);
      assert(
        [strings.de.voteDown, strings.en.voteDown].some((title) =>
          JSON.stringify(card).includes(`${title} ✓`),
        ),
        'the answer card was not updated with the vote',
      );
      log('answer card received; 👎 recorded and shown on the card');
    } finally {
      await bot.stop();
      await sim.close();
    }
  },
};
