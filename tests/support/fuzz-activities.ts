/**
 * Generators for hostile input to `/api/messages`: Teams-shaped activities whose fields are
 * now and then replaced by the wrong type, huge or odd Unicode text, deep nesting,
 * `__proto__`/`constructor`/`prototype` keys, invalid dates, arrays where objects belong —
 * plus raw bodies that are not JSON at all. Shared by the fast jest run and the long
 * acceptance run; most activities stay valid enough to reach the turn logic.
 */
import fc from 'fast-check';

export interface FuzzRequest {
  body: string;
  contentType: string;
}

export interface FuzzOptions {
  /** Replies go here: the connector double's URL. */
  serviceUrl: string;
  /**
   * The longest single word in generated text. The German analyser's cost grows steeply
   * with word length (see SECURITY.md); the fast suite stays below that, the long run goes
   * to the limit of a Teams message.
   */
  longestWord: number;
}

/** Card verbs and text commands the bot knows, so the fuzz reaches the dialogs. */
const VERBS = [
  'feedback',
  'followUp',
  'pick',
  'handoff',
  'faqAccept',
  'faqPhrasing',
  'faqReject',
  'privacyExport',
  'privacyErase',
  'privacyEraseConfirmed',
  'ticket.claim',
  'ticket.answer',
  'ticket.forward',
  'ticket.close',
  'ticket.withdraw',
  'ticket.addInfo',
  'ticket.show',
  'course.show',
  'course.register',
  'course.cancel',
  'course.attendees',
  'course.announce',
  'toString',
  '__proto__',
];
const COMMANDS = [
  'hilfe',
  'help',
  'sprache',
  'language english',
  'wer ist mein digitallotse',
  'faq vorschläge',
  'datenschutz',
  'meine anfragen',
  'meine tickets',
  'kurse',
  'abwesend bis morgen',
  'an meine lotsin: Drucker geht nicht',
  'Wie ändere ich mein Passwort?',
];
const TYPES = [
  'message',
  'message',
  'message',
  'conversationUpdate',
  'installationUpdate',
  'invoke',
  'event',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'typing',
  'endOfConversation',
];
const INVOKE_NAMES = [
  'adaptiveCard/action',
  'task/fetch',
  'task/submit',
  'composeExtension/query',
  'signin/verifyState',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
  'config/fetch',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
const BOT_ID = '28:digitallotse-fuzz-bot';

/** A field: usually a plausible value, sometimes an odd one, sometimes absent. */
function fieldOf(odd: fc.Arbitrary<unknown>, weights: { plausible: number; absent: number }) {
  return <T>(plausible: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    fc.oneof(
      { arbitrary: plausible, weight: weights.plausible },
      { arbitrary: odd, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: weights.absent },
    );
}

function activity(options: FuzzOptions): fc.Arbitrary<Record<string, unknown>> {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.constantFrom(
      '\u0000',
      '\uFEFF\u200B\u202E',
      '\uD800',
      'e\u0301'.repeat(50),
      '${json(t)}',
      '${$root.t.errorText}',
      '**bold** _i_ [x](javascript:alert(1)) <script>alert(1)</script> # h',
      '{{t}}',
    ),
    fc.integer({ min: 100, max: 1000 }).map((n) => 'Passwort ändern geht nicht '.repeat(n)),
    fc.integer({ min: 30, max: options.longestWord }).map((n) => 'ä'.repeat(n)),
  );
  /** Values of the wrong kind: numbers, arrays, nulls, prototype keys, deep nesting. */
  const odd: fc.Arbitrary<unknown> = fc.oneof(
    fc.constantFrom(null, true, 0, -1, 1e308, '', [], {}),
    text,
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(fc.constantFrom(...PROTO_KEYS), fc.constant({ polluted: 'yes' }), {
      minKeys: 1,
    }),
    fc.integer({ min: 100, max: 20_000 }).map(nested),
  );
  // About half of the activities get past validation into the turn logic.
  const field = fieldOf(odd, { plausible: 30, absent: 3 });
  const required = fieldOf(odd, { plausible: 200, absent: 1 });

  const account = fc.record({
    id: required(
      fc.oneof(
        { arbitrary: fc.uuid().map((id) => `29:${id}`), weight: 10 },
        { arbitrary: fc.string({ minLength: 1 }), weight: 1 },
      ),
    ),
    name: field(fc.string({ maxLength: 40 })),
    aadObjectId: field(fc.uuid()),
  });
  const jsonObject = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
  const date = fc.oneof(
    fc
      .date({ noInvalidDate: false })
      .map((d) => (Number.isNaN(d.getTime()) ? 'not a date' : d.toISOString())),
    fc.constantFrom('2024-02-30T25:61:00Z', '', '0', '-271821-04-19T00:00:00Z'),
  );
  const cardValue = fc.record(
    {
      verb: field(fc.constantFrom(...VERBS)),
      entryId: field(fc.string({ maxLength: 40 })),
      questionId: field(fc.string({ maxLength: 40 })),
      proposalId: field(fc.string({ maxLength: 40 })),
      ticketId: field(fc.string({ maxLength: 40 })),
      courseId: field(fc.string({ maxLength: 40 })),
      vote: field(fc.constantFrom('up', 'down')),
      question: field(text),
      answer: field(text),
    },
    { requiredKeys: [] },
  );
  const invokeValue = fc.record({
    action: field(
      fc.record({
        type: field(fc.constantFrom('Action.Execute', 'Action.Submit')),
        verb: field(fc.constantFrom(...VERBS)),
        data: field(cardValue),
      }),
    ),
    trigger: field(fc.constantFrom('manual', 'automatic')),
  });

  return fc
    .record({
      type: required(fc.constantFrom(...TYPES)),
      id: field(fc.uuid()),
      channelId: required(fc.constantFrom('msteams', 'msteams', 'webchat', 'emulator')),
      serviceUrl: required(
        fc.constantFrom(options.serviceUrl, options.serviceUrl.replace(/\/$/, '')),
      ),
      timestamp: field(date),
      localTimestamp: field(date),
      expiration: field(date),
      locale: field(fc.constantFrom('de-DE', 'en-US', 'en', 'fr-FR', '')),
      from: required(account),
      recipient: required(fc.constant({ id: BOT_ID, name: 'Digitallotse' })),
      conversation: required(
        fc.record({
          id: required(
            fc.oneof(
              { arbitrary: fc.uuid().map((id) => `a:${id}`), weight: 10 },
              { arbitrary: fc.string({ minLength: 1, maxLength: 60 }), weight: 1 },
            ),
          ),
          tenantId: field(fc.uuid()),
          conversationType: field(fc.constantFrom('personal', 'channel', 'groupChat')),
        }),
      ),
      channelData: field(
        fc.record(
          {
            tenant: field(fc.record({ id: field(fc.uuid()) })),
            eventType: field(fc.constantFrom('teamMemberAdded', 'channelCreated', 'teamRenamed')),
            team: field(fc.record({ id: field(fc.string()) })),
          },
          { requiredKeys: [] },
        ),
      ),
      text: field(fc.oneof(fc.constantFrom(...COMMANDS), text)),
      value: field(fc.oneof(cardValue, invokeValue)),
      name: field(fc.constantFrom(...INVOKE_NAMES)),
      action: field(fc.constantFrom('add', 'remove', 'add-upgrade')),
      replyToId: field(fc.uuid()),
      membersAdded: field(
        fc.array(fc.oneof(account, fc.constant({ id: BOT_ID })), { maxLength: 3 }),
      ),
      membersRemoved: field(fc.array(account, { maxLength: 3 })),
      reactionsAdded: field(fc.array(fc.record({ type: fc.constantFrom('like', 'heart') }))),
      entities: field(fc.array(jsonObject, { maxLength: 3 })),
      attachments: field(fc.array(jsonObject, { maxLength: 3 })),
      prototypeKeys: fc.option(
        fc.dictionary(fc.constantFrom(...PROTO_KEYS), fc.constant({ polluted: 'yes' })),
      ),
    })
    .map(({ prototypeKeys, ...fields }) =>
      // fromEntries defines own properties, so `__proto__` stays a key of the JSON body.
      Object.fromEntries(
        [...Object.entries(fields), ...Object.entries(prototypeKeys ?? {})].filter(
          ([, value]) => value !== undefined,
        ),
      ),
    );
}

/** Mostly activities; a few raw bodies that are not an activity or not JSON at all. */
export function fuzzRequest(options: FuzzOptions): fc.Arbitrary<FuzzRequest> {
  const json = (body: unknown) => ({ body: serialise(body), contentType: 'application/json' });
  return fc.oneof(
    { arbitrary: activity(options).map(json), weight: 20 },
    { arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json), weight: 1 },
    {
      arbitrary: fc.record({
        body: fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.constantFrom('{"type":', '{"a":1}{"b":2}', '\uFEFF{}', 'null', '[]', '"message"'),
        ),
        contentType: fc.constantFrom(
          'application/json',
          'application/json; charset=latin1',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          '',
        ),
      }),
      weight: 1,
    },
  );
}

/**
 * `depth` levels of arrays and objects inside each other. Too deep for JSON.stringify, so
 * a placeholder stands in the value and `serialise` writes the nesting as text.
 */
function nested(depth: number): string {
  return `@@nested:${depth}@@`;
}

function serialise(body: unknown): string {
  return JSON.stringify(body).replace(/"@@nested:(\d+)@@"/g, (_match, depth: string) => {
    const levels = Array.from({ length: Number(depth) }, (_, i) => i % 2 === 0);
    const open = levels.map((array) => (array ? '[' : '{"inner":')).join('');
    const close = levels
      .reverse()
      .map((array) => (array ? ']' : '}'))
      .join('');
    return `${open}"bottom"${close}`;
  });
}

/** Everything a polluted prototype would change; compare before and after a run. */
export function prototypeSnapshot(): string {
  const probe = {} as Record<string, unknown>;
  return JSON.stringify({
    object: Object.getOwnPropertyNames(Object.prototype).sort(),
    array: Object.getOwnPropertyNames(Array.prototype).sort(),
    function: Object.getOwnPropertyNames(Function.prototype).sort(),
    string: Object.getOwnPropertyNames(String.prototype).sort(),
    polluted: [probe.polluted, probe.verb, probe.inner, ([] as unknown as typeof probe).polluted],
  });
}
