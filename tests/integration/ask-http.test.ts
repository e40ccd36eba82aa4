import {
  FEEDBACK_CONTAINER,
  GAPS_CONTAINER,
  type Feedback,
  type KnowledgeGap,
} from '../../services/questions';
import { queryAll } from '../../services/storage';
import { visibleText } from '../support/card-validation';
import { ConnectorDouble } from '../support/connector-double';
import { startTestBot, type TestBot } from '../support/test-bot';
import { cardOf, submitData } from '../support/card-reading';

// A user of the shipped demo organisation (Bürgerbüro), so the unit is known.
const alex = {
  id: '29:alex',
  name: 'Alex Wilber',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
};

async function all<T extends { id: string }>(bot: TestBot, container: string): Promise<T[]> {
  const items: T[] = [];
  for await (const item of queryAll<T>(bot.store, container)) items.push(item);
  return items;
}

describe('asking the bot over HTTP', () => {
  const connector = new ConnectorDouble();
  let bot: TestBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.dispose();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it('answers a known question with an answer card offering feedback and the hand-off', async () => {
    const turn = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'Wie ändere ich mein Passwort?',
    });
    const card = cardOf(turn.replies[0]);
    const text = visibleText(card);
    expect(text).toContain('Passwort');
    expect(text).toContain('Hat das geholfen?');
    expect(text).toContain('An meine Digitallotsin / meinen Digitallotsen weitergeben');
  });

  it('records 👎 once per user and answer, updates the card in place and keeps the gap with the unit only', async () => {
    const asked = await connector.say(bot.messagesUrl, { user: alex, text: 'Passwortänderung' });
    const cardActivityId = asked.calls[0]?.activityId as string;
    const down = submitData(cardOf(asked.replies[0]), 'feedback');
    const downVote = { ...down, vote: 'down' };

    const voted = await connector.say(bot.messagesUrl, {
      user: alex,
      value: downVote,
      replyToId: cardActivityId,
    });
    const update = voted.calls.find((call) => call.op === 'update');
    expect(update?.activityId).toBe(cardActivityId);
    expect(visibleText(cardOf(update?.activity))).toContain('👎 Nein ✓');

    await connector.say(bot.messagesUrl, {
      user: alex,
      value: downVote,
      replyToId: cardActivityId,
    });
    await connector.say(bot.messagesUrl, {
      user: alex,
      value: { ...down, vote: 'up' },
      replyToId: cardActivityId,
    });

    const votes = (await all<Feedback>(bot, FEEDBACK_CONTAINER)).filter(
      (f) => f.entryId === down.entryId,
    );
    expect(votes).toHaveLength(1);
    expect(votes[0]?.vote).toBe('up');
    const gaps = (await all<KnowledgeGap>(bot, GAPS_CONTAINER)).filter(
      (g) => g.reason === 'downvoted',
    );
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.unit).toContain('Bürgerbüro');
    expect(JSON.stringify(gaps[0])).not.toMatch(/alex|Wilber|0000000000020/i);
  });

  it('refuses a vote for another user’s question and changes nothing', async () => {
    const asked = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'Wie ändere ich mein Passwort?',
    });
    const down = { ...submitData(cardOf(asked.replies[0]), 'feedback'), vote: 'down' };
    const mallory = { id: '29:mallory', aadObjectId: '00000000-0000-0000-0000-0000000000099' };
    const before = (await all<Feedback>(bot, FEEDBACK_CONTAINER)).length;
    const turn = await connector.say(bot.messagesUrl, { user: mallory, value: down });
    expect(turn.replies[0]?.text).toMatch(/keiner Antwort zuordnen/);
    expect(await all<Feedback>(bot, FEEDBACK_CONTAINER)).toHaveLength(before);
  });

  it('says honestly when it does not know, offers the hand-off and keeps the gap', async () => {
    const before = (await all<KnowledgeGap>(bot, GAPS_CONTAINER)).length;
    const turn = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'Wann wird die Kantine im Rathaus renoviert?',
    });
    const card = cardOf(turn.replies[0]);
    expect(visibleText(card)).toContain('Dazu weiß ich leider (noch) nichts');
    expect(submitData(card, 'handoff').questionId).toEqual(expect.any(String));
    expect(await all<KnowledgeGap>(bot, GAPS_CONTAINER)).toHaveLength(before + 1);
  });

  it('answers thanks with a short friendly text, not counted as a gap', async () => {
    const before = (await all<KnowledgeGap>(bot, GAPS_CONTAINER)).length;
    const turn = await connector.say(bot.messagesUrl, { user: alex, text: 'Danke dir!' });
    expect(turn.replies[0]?.attachments).toBeUndefined();
    expect(turn.replies[0]?.text).toEqual(expect.any(String));
    expect(await all<KnowledgeGap>(bot, GAPS_CONTAINER)).toHaveLength(before);
  });

  it('names the lotse of the asker’s unit with a chat link', async () => {
    const turn = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'Wer ist mein Digitallotse?',
    });
    const card = cardOf(turn.replies[0]);
    expect(visibleText(card)).toContain('Megan Bowen');
    expect(JSON.stringify(card.actions)).toContain('https://teams.microsoft.com/l/chat/0/0?users=');
  });
});
