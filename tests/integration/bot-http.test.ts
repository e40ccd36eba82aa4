import { ConnectorDouble, TEST_TENANT_ID } from '../support/connector-double';
import { startTestBot, type TestBot } from '../support/test-bot';
import { USERS_CONTAINER, profileIdOf } from '../../services/users';
import { cardOf } from '../support/card-reading';

const alice = {
  id: '29:alice',
  name: 'Alice Muster',
  aadObjectId: 'a1a1a1a1-0000-4000-8000-000000000001',
};

function textsOf(card: Record<string, unknown>): string {
  return JSON.stringify(card.body);
}

describe('the bot over HTTP', () => {
  const connector = new ConnectorDouble();
  let bot: TestBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startTestBot({ ALLOWED_TENANT_IDS: TEST_TENANT_ID });
  });
  afterAll(async () => {
    await bot.dispose();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it('answers "hilfe" with the help card in German', async () => {
    const turn = await connector.say(bot.messagesUrl, { user: alice, text: 'Hilfe!' });
    expect(turn.status).toBe(200);
    expect(turn.replies).toHaveLength(1);
    const card = cardOf(turn.replies[0]);
    expect(card.lang).toBe('de');
    expect(textsOf(card)).toContain('So helfe ich Ihnen');
  });

  it('shows lotsen and organisers their own commands in the help, and nobody else', async () => {
    const employee = await connector.say(bot.messagesUrl, { user: alice, text: 'hilfe' });
    expect(textsOf(cardOf(employee.replies[0]))).not.toMatch(/meine tickets|mitteilung/);
    // Adele Vance: a lotse of the central team and an organiser in the demo organisation.
    const adele = { id: '29:adele', aadObjectId: '00000000-0000-0000-0000-0000000000022' };
    const both = await connector.say(bot.messagesUrl, { user: adele, text: 'hilfe' });
    const texts = textsOf(cardOf(both.replies[0]));
    expect(texts).toContain('meine tickets');
    expect(texts).toContain('Für Digitallotsinnen und Digitallotsen');
    expect(texts).toContain('Für Organisatorinnen und Organisatoren');
    expect(texts).toContain('mitteilung');
  });

  it('answers "help" from an English client in English', async () => {
    const turn = await connector.say(bot.messagesUrl, {
      user: { id: '29:bob' },
      text: 'help',
      locale: 'en-US',
    });
    expect(textsOf(cardOf(turn.replies[0]))).toContain('How I can help');
  });

  it('answers in the language the directory knows for the user, whatever the client locale', async () => {
    const megan = { id: '29:megan', aadObjectId: '00000000-0000-0000-0000-0000000000021' };
    const turn = await connector.say(bot.messagesUrl, {
      user: megan,
      text: 'hilfe',
      locale: 'de-DE',
    });
    expect(cardOf(turn.replies[0]).lang).toBe('en');
  });

  it('switches the language on request and keeps it for later turns', async () => {
    const carol = { id: '29:carol', aadObjectId: 'c0c0c0c0-0000-4000-8000-000000000003' };
    const switched = await connector.say(bot.messagesUrl, { user: carol, text: 'sprache' });
    expect(switched.replies[0]?.text).toMatch(/English/);
    const help = await connector.say(bot.messagesUrl, { user: carol, text: 'hilfe' });
    expect(cardOf(help.replies[0]).lang).toBe('en');
    await connector.say(bot.messagesUrl, { user: carol, text: 'sprache deutsch' });
    const again = await connector.say(bot.messagesUrl, {
      user: carol,
      text: 'help',
      locale: 'en-US',
    });
    expect(cardOf(again.replies[0]).lang).toBe('de');
  });

  it('welcomes a user who installs the app and stores the conversation reference', async () => {
    const turn = await connector.install(bot.messagesUrl, alice);
    expect(turn.status).toBe(200);
    expect(textsOf(cardOf(turn.replies[0]))).toContain('Willkommen');
    const profile = await bot.store.get<{ id: string; conversation?: { serviceUrl?: string } }>(
      USERS_CONTAINER,
      profileIdOf({ teamsUserId: alice.id, aadObjectId: alice.aadObjectId }),
    );
    expect(profile?.conversation?.serviceUrl).toBe(`${connector.url}/`);
  });

  it('refuses activities from tenants that are not allowed, politely and without a card', async () => {
    const turn = await connector.say(bot.messagesUrl, {
      user: alice,
      text: 'hilfe',
      tenantId: 'other-tenant',
    });
    expect(turn.status).toBe(200);
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]?.text).toMatch(/nur den Beschäftigten/);
    expect(turn.replies[0]?.attachments).toBeUndefined();
  });

  it.each([
    ['a body that is not JSON', '{"type": "message",', 'application/json', 400],
    ['a JSON array', '[1,2,3]', 'application/json', 400],
    ['an activity without type', JSON.stringify({ text: 'hi' }), 'application/json', 400],
    [
      'an activity without serviceUrl',
      JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        conversation: { id: 'c' },
        from: { id: 'u' },
      }),
      'application/json',
      400,
    ],
    [
      'a body over the size limit',
      JSON.stringify({ type: 'message', text: 'x'.repeat(300 * 1024) }),
      'application/json',
      413,
    ],
  ])('answers %s with a 4xx and keeps serving', async (_case, body, contentType, status) => {
    expect(await connector.postRaw(bot.messagesUrl, body, contentType)).toBe(status);
    const turn = await connector.say(bot.messagesUrl, { user: alice, text: 'hilfe' });
    expect(turn.status).toBe(200);
    expect(connector.calls.length).toBeGreaterThan(0);
  });

  it('reports liveness and readiness with the store state', async () => {
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${bot.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, store: { ok: true, kind: 'sqlite' } });
  });

  it('still knows an installed user after a restart', async () => {
    const dave = { id: '29:dave', aadObjectId: 'd0d0d0d0-0000-4000-8000-000000000004' };
    await connector.install(bot.messagesUrl, dave);
    bot = await bot.restart();
    const profile = await bot.store.get<{ id: string; conversation?: unknown }>(
      USERS_CONTAINER,
      profileIdOf({ teamsUserId: dave.id, aadObjectId: dave.aadObjectId }),
    );
    expect(profile?.conversation).toBeDefined();
  });
});
