/**
 * "Wer ist mein Digitallotse?" while the asker's lotsin marked herself absent, over HTTP:
 * the card shows her away until the day she gave and names the stand-in the ticket routing
 * picks — the same person a handed-off question then goes to.
 */
import { ManualClock } from '../../services/clock';
import { cardOf, submitData } from '../support/card-reading';
import { visibleText } from '../support/card-validation';
import { ConnectorDouble, type TestUser } from '../support/connector-double';
import { startTestBot, type TestBot } from '../support/test-bot';

// Demo organisation: Alex works in the Bürgerbüro; its lotsen are Megan and Jörg Müller
// (always away by his automatic replies). Above them, Emine Aksoy is the lotsin of the
// Fachbereich; the central team comes last.
const user = (id: string, name: string, aadObjectId: string): TestUser => ({
  id,
  name,
  aadObjectId,
});
const alex = user('29:alex', 'Alex Wilber', '00000000-0000-0000-0000-0000000000020');
const megan = user('29:megan', 'Megan Bowen', '00000000-0000-0000-0000-0000000000021');
const others = [
  user('29:emine', 'Emine Aksoy', 'e6c7085e-1e99-4304-afca-58bc26cc59bd'),
  user('29:adele', 'Adele Vance', '00000000-0000-0000-0000-0000000000022'),
  user('29:mehmet', 'Mehmet Yılmaz', '02f15555-d8d1-40ad-a0c1-65a18fef0ddf'),
  user('29:katharina', 'Katharina Wolf', '736de41a-69f4-4b81-ad9b-8d85d7cdd0ac'),
  user('29:lukas', 'Lukas Schmitt', 'ff94feff-548f-4ace-a973-50d1b0222b7e'),
];

describe('"Wer ist mein Digitallotse?" while the lotsin is away', () => {
  const connector = new ConnectorDouble();
  const clock = new ManualClock('2026-03-02T08:00:00Z'); // Monday, 09:00 in Berlin
  let bot: TestBot;

  const myLotseCard = async () => {
    const turn = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'Wer ist mein Digitallotse?',
    });
    return cardOf(turn.replies[0]);
  };
  /** The name the card shows as the contact (bold, right after the intro). */
  const contactOf = (card: ReturnType<typeof cardOf>) =>
    /\*\*(.+?)\*\*/.exec(JSON.stringify(card.body))?.[1];

  beforeAll(async () => {
    await connector.start();
    bot = await startTestBot({ SCHEDULER_INTERVAL_MS: '0' }, { clock });
    for (const person of [alex, megan, ...others]) {
      await connector.install(bot.messagesUrl, person);
    }
  }, 30_000);
  afterAll(async () => {
    await bot.dispose();
    await connector.stop();
  });

  it('names Megan while she is present', async () => {
    const card = await myLotseCard();
    expect(contactOf(card)).toBe('Megan Bowen');
    expect(visibleText(card)).not.toContain('abwesend bis 24.12.2026');
  });

  it('shows her absent until her date and names the stand-in a question goes to', async () => {
    await connector.say(bot.messagesUrl, { user: megan, text: 'abwesend bis 24.12.' });

    const card = await myLotseCard();
    const text = visibleText(card);
    expect(text).toContain('Ihre Lotsin bzw. Ihr Lotse ist gerade abwesend');
    expect(text).toMatch(/Megan Bowen[\s\S]*abwesend bis 24\.12\.2026/);
    const standIn = contactOf(card);
    expect(standIn).toBe('Emine Aksoy');

    // The same person gets the question when Alex hands one off.
    const asked = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'Wie beantrage ich einen Parkausweis für Dienstfahrzeuge?',
    });
    const handedOff = await connector.say(bot.messagesUrl, {
      user: alex,
      value: submitData(cardOf(asked.replies[0]), 'handoff'),
    });
    const status = handedOff.calls.find(
      (c) => c.op === 'send' && c.conversationId === connector.conversationIdOf(alex),
    );
    expect(visibleText(cardOf(status?.activity))).toContain(`Übernahme durch ${standIn}`);
  });

  it('names Megan again once she is back', async () => {
    await connector.say(bot.messagesUrl, { user: megan, text: 'wieder da' });
    expect(contactOf(await myLotseCard())).toBe('Megan Bowen');
  });
});
