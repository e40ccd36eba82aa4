import { strings, type Language } from '../../../cards';
import { assert, simPost, startBotProcess, startSim, type AcceptanceCheck } from '../context';

interface SayResult {
  status: number;
  replies: Array<{
    text?: string;
    attachments?: Array<{ content: { body: unknown; lang?: string } }>;
  }>;
}

export const check: AcceptanceCheck = {
  name: 'install and "hilfe" through teams-sim',
  async run(log) {
    const sim = await startSim();
    const bot = await startBotProcess();
    try {
      const installed = await simPost<{ installed: number; failed: number }>(sim, '/_sim/install', {
        botUrl: bot.messagesUrl,
        count: 3,
      });
      assert(
        installed.installed === 3 && installed.failed === 0,
        `install: ${JSON.stringify(installed)}`,
      );
      const conversations = (await (await fetch(`${sim.url}/_sim/conversations`)).json()) as Array<{
        counts: { delivered?: number };
      }>;
      const welcomed = conversations.filter((c) => (c.counts.delivered ?? 0) >= 1).length;
      assert(welcomed === 3, `welcome cards delivered to ${welcomed} of 3 users`);
      const said = await simPost<SayResult>(sim, '/_sim/say', {
        botUrl: bot.messagesUrl,
        user: { id: 'user-00001' },
        text: 'hilfe',
      });
      assert(said.status === 200, `say status ${said.status}`);
      const card = said.replies[0]?.attachments?.[0]?.content;
      // teams-sim sends locale en-US, so the bot answers in English.
      const language = (card?.lang ?? 'de') as Language;
      assert(
        card && JSON.stringify(card.body).includes(strings[language].helpTitle),
        'no help card in the reply',
      );
      log(`3 installs, help card received (lang ${card.lang})`);
    } finally {
      await bot.stop();
      await sim.close();
    }
  },
};
