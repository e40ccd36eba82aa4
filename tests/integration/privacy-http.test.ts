import { AuditLog } from '../../services/audit';
import { systemClock } from '../../services/clock';
import { FEEDBACK_CONTAINER, QUESTIONS_CONTAINER } from '../../services/questions';
import { queryAll } from '../../services/storage';
import { USERS_CONTAINER } from '../../services/users';
import { visibleText } from '../support/card-validation';
import { ConnectorDouble } from '../support/connector-double';
import { startTestBot, type TestBot } from '../support/test-bot';
import { cardOf } from '../support/card-reading';

const erika = { id: '29:erika', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
const other = { id: '29:other', aadObjectId: '00000000-0000-0000-0000-0000000000025' };

async function count(bot: TestBot, container: string): Promise<number> {
  let n = 0;
  for await (const _doc of queryAll(bot.store, container)) n += 1;
  return n;
}

describe('Datenschutz: what is stored, export and erasure', () => {
  const connector = new ConnectorDouble();
  let bot: TestBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startTestBot();
    for (const user of [erika, other]) {
      await connector.install(bot.messagesUrl, user);
      const asked = await connector.say(bot.messagesUrl, {
        user,
        text: 'Wie ändere ich mein Passwort?',
      });
      const button = /\{"verb":"feedback"[^}]*\}/.exec(
        JSON.stringify(cardOf(asked.replies[0])),
      )?.[0] as string;
      await connector.say(bot.messagesUrl, {
        user,
        value: { ...JSON.parse(button), vote: 'down' },
      });
    }
  });
  afterAll(async () => {
    await bot.dispose();
    await connector.stop();
  });

  it('shows what is stored about the user, per kind of data', async () => {
    const turn = await connector.say(bot.messagesUrl, { user: erika, text: 'Datenschutz' });
    const facts = JSON.stringify(cardOf(turn.replies[0]));
    expect(facts).toContain('{"title":"Profil","value":"1"}');
    expect(facts).toContain('{"title":"Fragen an den Bot","value":"1"}');
    expect(facts).toContain('{"title":"Bewertungen von Antworten","value":"1"}');
  });

  it('exports the user’s own data through a one-time link', async () => {
    const turn = await connector.say(bot.messagesUrl, {
      user: erika,
      value: { verb: 'privacyExport' },
    });
    const url = /"url":"([^"]+)"/.exec(JSON.stringify(cardOf(turn.replies[0])))?.[1] as string;
    expect(url).toMatch(/\/privacy\/[A-Za-z0-9_-]{40,}\.json$/);
    const download = await fetch(url.replace(/^http:\/\/127\.0\.0\.1:\d+/, bot.url));
    expect(download.status).toBe(200);
    const exported = JSON.stringify(await download.json());
    expect(exported).toContain('Wie ändere ich mein Passwort?');
    expect(exported).toContain(erika.aadObjectId);
    expect(exported).not.toContain(other.aadObjectId);
    expect((await fetch(url.replace(/^http:\/\/127\.0\.0\.1:\d+/, bot.url))).status).toBe(404);
  });

  it('erases only after confirmation, everywhere, and keeps an audit entry without content', async () => {
    const asked = await connector.say(bot.messagesUrl, {
      user: erika,
      value: { verb: 'privacyErase' },
    });
    expect(visibleText(cardOf(asked.replies[0]))).toContain('Ja, endgültig löschen');
    expect(await count(bot, QUESTIONS_CONTAINER)).toBe(2);

    const erased = await connector.say(bot.messagesUrl, {
      user: erika,
      value: { verb: 'privacyEraseConfirmed' },
    });
    expect(visibleText(cardOf(erased.replies[0]))).toContain('Erledigt');
    expect(await count(bot, QUESTIONS_CONTAINER)).toBe(1);
    expect(await count(bot, FEEDBACK_CONTAINER)).toBe(1);
    expect(await count(bot, USERS_CONTAINER)).toBe(1);

    const audit = await new AuditLog(bot.store, systemClock).since(new Date(0));
    const erasure = audit.find((entry) => entry.action === 'privacy.erase');
    expect(erasure?.details).toMatchObject({
      Profil: 1,
      'Fragen an den Bot': 1,
      'Bewertungen von Antworten': 1,
    });
    expect(JSON.stringify(audit)).not.toContain('Passwort');
  });
});
