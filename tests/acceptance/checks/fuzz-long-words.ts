/**
 * One user, one message, one long "word": the bot (as its own process) must answer
 * within seconds. A message is up to 28,000 characters; if analysing a word costs more
 * than linear time, one such message blocks the instance for everybody. Each input is
 * tried after the last was answered; a bot that does not answer is killed.
 */
import { ConnectorDouble } from '../../support/connector-double';
import { assert, startBotProcess, type AcceptanceCheck } from '../context';

const LIMIT_MS = 10_000;
const LONGEST = 28_000;

const inputs: Array<[string, string]> = [
  [`${LONGEST} × "a"`, 'a'.repeat(LONGEST)],
  [`${LONGEST} × "ä"`, 'ä'.repeat(LONGEST)],
  [`a compound word of ${LONGEST} letters`, 'donaudampfschifffahrt'.repeat(LONGEST / 21)],
  ['letters and digits without a space', 'x1'.repeat(LONGEST / 2)],
  [`a URL of ${LONGEST} characters`, `https://example.org/${'a/'.repeat((LONGEST - 20) / 2)}`],
];

export const check: AcceptanceCheck = {
  name: 'long words in one message are answered within seconds',
  async run(log) {
    const connector = await new ConnectorDouble().start();
    const bot = await startBotProcess();
    const user = { id: '29:long-words', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
    try {
      for (const [name, text] of inputs) {
        const started = Date.now();
        const status = await fetch(bot.messagesUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(connector.activityFor({ user, text })),
          signal: AbortSignal.timeout(LIMIT_MS),
        }).then(
          (response) => response.status,
          () => 0,
        );
        const elapsed = Date.now() - started;
        log(`${name}: Status ${status} nach ${elapsed} ms`);
        assert(status === 200, `${name}: keine Antwort binnen ${LIMIT_MS} ms (Status ${status})`);
      }
    } finally {
      bot.child.kill('SIGKILL');
      await connector.stop();
    }
  },
};
