/**
 * Bad input at the HTTP edge and in the turn: every case gets a 4xx or a friendly answer,
 * never a 5xx or a crash, and the bot keeps serving. Includes the per-user rate limit.
 */
import { gzipSync } from 'node:zlib';
import { strings } from '../../cards';
import { ManualClock } from '../../services/clock';
import {
  ConnectorDouble,
  type Activity,
  type TestUser,
  type TurnResult,
} from '../support/connector-double';
import { startTestBot, type TestBot } from '../support/test-bot';

const MINUTE = 60_000;

function cardText(activity: Activity | undefined): string {
  return JSON.stringify(activity?.attachments?.[0]?.content?.body ?? null);
}

describe('bad input and floods', () => {
  const connector = new ConnectorDouble();
  const clock = new ManualClock('2025-03-03T09:00:00Z');
  let bot: TestBot;
  let users = 0;

  beforeAll(async () => {
    await connector.start();
    bot = await startTestBot({}, { clock });
  });
  afterAll(async () => {
    await bot.dispose();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  function newUser(): TestUser {
    users += 1;
    return {
      id: `29:input-${users}`,
      aadObjectId: `b0b0b0b0-0000-4000-8000-${String(users).padStart(12, '0')}`,
    };
  }

  async function post(
    body: string | Uint8Array,
    headers: Record<string, string> = {},
  ): Promise<number> {
    const response = await fetch(bot.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  async function postActivity(activity: Activity): Promise<TurnResult> {
    const before = connector.calls.length;
    const response = await fetch(bot.messagesUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const raw = await response.text();
    const calls = connector.calls.slice(before);
    return {
      status: response.status,
      body: raw === '' ? undefined : (JSON.parse(raw) as unknown),
      calls,
      replies: calls.filter((c) => c.op === 'send' || c.op === 'reply').map((c) => c.activity!),
    };
  }

  async function stillServes(): Promise<void> {
    const turn = await connector.say(bot.messagesUrl, { user: newUser(), text: 'hilfe' });
    expect(turn.status).toBe(200);
    expect(cardText(turn.replies[0])).toContain(strings.de.helpTitle);
  }

  describe('the per-user rate limit', () => {
    it('answers 20 messages a minute, then asks once to wait, then runs no turn logic', async () => {
      const anna = newUser();
      for (let i = 0; i < 20; i += 1) {
        const turn = await connector.say(bot.messagesUrl, { user: anna, text: 'hilfe' });
        expect(cardText(turn.replies[0])).toContain(strings.de.helpTitle);
      }
      const limited = await connector.say(bot.messagesUrl, { user: anna, text: 'hilfe' });
      expect(limited.status).toBe(200);
      expect(limited.replies.map((r) => r.text)).toEqual([strings.de.rateLimited]);

      // Further messages in the same minute: no answer, and no effect (no language switch).
      for (const text of ['hilfe', 'sprache englisch', 'hilfe']) {
        const turn = await connector.say(bot.messagesUrl, { user: anna, text });
        expect(turn.status).toBe(200);
        expect(turn.calls).toEqual([]);
      }

      clock.advance(MINUTE);
      const later = await connector.say(bot.messagesUrl, { user: anna, text: 'help' });
      expect(later.replies[0]?.attachments?.[0]?.content?.lang).toBe('de');
    });

    it('asks in English and answers a limited card action without a 5xx', async () => {
      const ben = newUser();
      for (let i = 0; i < 20; i += 1) {
        await connector.say(bot.messagesUrl, { user: ben, text: 'help', locale: 'en-US' });
      }
      const limited = await connector.say(bot.messagesUrl, {
        user: ben,
        text: 'help',
        locale: 'en-US',
      });
      expect(limited.replies.map((r) => r.text)).toEqual([strings.en.rateLimited]);
      const invoke = await connector.say(bot.messagesUrl, {
        user: ben,
        invokeVerb: 'handoff',
        value: { verb: 'handoff' },
        locale: 'en-US',
      });
      expect(invoke.status).toBe(200);
      expect(JSON.stringify(invoke.body)).toContain(strings.en.rateLimited);
      expect(invoke.calls).toEqual([]);
      clock.advance(MINUTE);
    });

    it('limits each user on their own', async () => {
      const carla = newUser();
      for (let i = 0; i < 21; i += 1)
        await connector.say(bot.messagesUrl, { user: carla, text: 'hilfe' });
      await stillServes();
      clock.advance(MINUTE);
    });
  });

  describe('invokes', () => {
    it.each([
      ['a message-extension query', 'composeExtension/query'],
      ['a task module', 'task/fetch'],
      ['a file consent without value', 'fileConsent/invoke'],
      ['an invoke without a name', undefined],
    ])('declines %s politely with 200, not 501', async (_case, name) => {
      const activity = { ...connector.activityFor({ user: newUser() }), type: 'invoke', name };
      const turn = await postActivity(activity);
      expect(turn.status).toBe(200);
      expect(JSON.stringify(turn.body)).toContain(strings.de.unknownAction);
    });

    it('answers a card action with an unknown verb with 200', async () => {
      const turn = await connector.say(bot.messagesUrl, {
        user: newUser(),
        invokeVerb: 'gibtsnicht',
        value: { verb: 'gibtsnicht' },
      });
      expect(turn.status).toBe(200);
    });

    it('answers a card action without an action object with 400', async () => {
      const activity = {
        ...connector.activityFor({ user: newUser() }),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { trigger: 'manual' },
      };
      expect((await postActivity(activity)).status).toBe(400);
    });
  });

  describe('activities the bot does not act on', () => {
    it.each(['messageUpdate', 'messageDelete', 'messageReaction', 'event', 'typing'])(
      'acknowledges a %s without Teams channel data and does nothing',
      async (type) => {
        const { channelData: _dropped, ...activity } = connector.activityFor({ user: newUser() });
        const turn = await postActivity({ ...activity, type });
        expect(turn.status).toBe(200);
        expect(turn.calls).toEqual([]);
      },
    );
  });

  describe('malformed activities', () => {
    const base = () => connector.activityFor({ user: newUser(), text: 'hilfe' });
    it.each<[string, (a: Activity) => Activity]>([
      [
        'membersAdded that is not a list',
        (a) => ({ ...a, type: 'conversationUpdate', membersAdded: 'bot' }),
      ],
      [
        'membersAdded with a non-object',
        (a) => ({ ...a, type: 'conversationUpdate', membersAdded: [null] }),
      ],
      ['an aadObjectId that is a number', (a) => ({ ...a, from: { ...a.from, aadObjectId: 42 } })],
      ['a user id a document id cannot hold', (a) => ({ ...a, from: { id: '29:a/b?c#d' } })],
      ['a conversation id "."', (a) => ({ ...a, conversation: { ...a.conversation, id: '.' } })],
      ['a non-ASCII conversation id', (a) => ({ ...a, conversation: { id: 'a:ä' } })],
      ['an activity id with a lone surrogate', (a) => ({ ...a, id: '\uD800' })],
      ['a replyToId with a lone surrogate', (a) => ({ ...a, replyToId: 'x\uDC00' })],
      [
        'a tenant id that is an object',
        (a) => ({ ...a, conversation: { ...a.conversation, tenantId: {} } }),
      ],
      ['a channelData list', (a) => ({ ...a, channelData: [] })],
      ['a javascript: serviceUrl', (a) => ({ ...a, serviceUrl: 'javascript:alert(1)' })],
      ['no recipient', ({ recipient: _r, ...a }) => a],
      ['a timestamp that is an object', (a) => ({ ...a, timestamp: { year: 2024 } })],
    ])('answers %s with 400 and keeps serving', async (_case, change) => {
      const turn = await postActivity(change(base()));
      expect(turn.status).toBe(400);
      expect(turn.calls).toEqual([]);
      await stillServes();
    });

    it('answers an activity with invalid dates and odd Unicode normally', async () => {
      const turn = await postActivity({
        ...base(),
        timestamp: '2024-02-30T25:61:00Z',
        localTimestamp: 'gestern',
        text: '\uD800\u202E e\u0301 ${json(t)} **fett**',
      });
      expect(turn.status).toBe(200);
      expect(turn.replies).toHaveLength(1);
    });
  });

  describe('the HTTP body', () => {
    const activity = () =>
      JSON.stringify(connector.activityFor({ user: newUser(), text: 'hilfe' }));

    it('reads a gzip body', async () => {
      expect(await post(gzipSync(activity()), { 'content-encoding': 'gzip' })).toBe(200);
    });

    it.each<[string, () => string | Buffer, Record<string, string>, number]>([
      [
        'a body sent as gzip that is not gzip',
        () => 'kein gzip',
        { 'content-encoding': 'gzip' },
        400,
      ],
      [
        'a gzip bomb (small packed, huge unpacked)',
        () => gzipSync(Buffer.alloc(64 * 1024 * 1024, 32)),
        { 'content-encoding': 'gzip' },
        413,
      ],
      ['an unsupported content encoding', activity, { 'content-encoding': 'br' }, 415],
      [
        'a form body',
        () => 'type=message&__proto__[polluted]=1',
        { 'content-type': 'application/x-www-form-urlencoded' },
        400,
      ],
      [
        'JSON with __proto__ keys',
        () => '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
        {},
        400,
      ],
    ])('answers %s with a 4xx and keeps serving', async (_case, body, headers, status) => {
      expect(await post(body(), headers)).toBe(status);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      await stillServes();
    });
  });

  describe('a failure inside a dialog', () => {
    // Last in the file: the store stays closed afterwards.
    it('gives the friendly error card with a reference, never a 5xx or a stack trace', async () => {
      await bot.store.close();
      const message = await connector.say(bot.messagesUrl, { user: newUser(), text: 'hilfe' });
      expect(message.status).toBe(200);
      expect(cardText(message.replies[0])).toContain(strings.de.errorTitle);
      expect(cardText(message.replies[0])).toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(JSON.stringify(message.replies)).not.toMatch(/\bat \w+ \(|Error:/);

      const submit = await connector.say(bot.messagesUrl, {
        user: newUser(),
        value: { verb: 'feedback', vote: 'up', entryId: 'e1', questionId: 'q1' },
      });
      expect(submit.status).toBe(200);
      expect(cardText(submit.replies[0])).toContain(strings.de.errorTitle);
    });
  });
});
