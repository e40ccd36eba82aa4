import { Writable } from 'node:stream';
import pino from 'pino';
import { ConnectorDouble } from '../support/connector-double';
import { startTestBot } from '../support/test-bot';

/**
 * A whole life cycle at debug level — install, questions, feedback, errors, privacy — and
 * the logs must hold no message text, e-mail address or token.
 */
describe('logs', () => {
  it('never contain message text, e-mail addresses or tokens', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ level: 'trace' }, sink);
    const connector = await new ConnectorDouble().start();
    const bot = await startTestBot({}, { logger });
    const user = { id: '29:log-user', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
    const secretText =
      'Mein Passwort Geheim123 funktioniert nicht, schreib an erika.muster@stadt-beispiel.de';
    try {
      await connector.install(bot.messagesUrl, user);
      await connector.say(bot.messagesUrl, { user, text: secretText });
      await connector.say(bot.messagesUrl, { user, text: 'Wie ändere ich mein Passwort?' });
      await connector.say(bot.messagesUrl, {
        user,
        value: { verb: 'feedback', vote: 'down', entryId: 'x', questionId: 'y' },
      });
      await connector.say(bot.messagesUrl, { user, text: 'Datenschutz' });
      connector.failNext({ status: 403 });
      await connector.say(bot.messagesUrl, { user, text: 'hilfe Geheim123' });
      await fetch(bot.messagesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer eyJ.secret.token' },
        body: '{"type":',
      });
    } finally {
      await bot.dispose();
      await connector.stop();
    }
    const logged = lines.join('\n');
    expect(logged).toContain('turn failed');
    expect(logged).not.toContain('Geheim123');
    expect(logged).not.toContain('Passwort');
    expect(logged).not.toMatch(/[\w.-]+@[\w-]+\.[\w.]+/);
    expect(logged).not.toContain('eyJ.secret.token');
  });
});
