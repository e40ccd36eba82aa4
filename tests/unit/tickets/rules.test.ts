import fc from 'fast-check';
import {
  ACTIVE_STATES,
  allowedVerbs,
  decide,
  type Actor,
  type DecisionContext,
  type Person,
  type Ticket,
  type TicketCommand,
  type TicketState,
  type TicketVerb,
} from '../../../services/tickets';

const person = (id: string, displayName: string): Person => ({
  id,
  displayName,
  userPrincipalName: `${id}@stadt.example`,
  language: 'de',
});
const asker = person('asker', 'Alex Asker');
const lotse = person('lotse', 'Lea Lotsin');
const colleague = person('colleague', 'Kai Kollege');
const central = person('central', 'Zoe Zentral');

const actor = (p: Person, tenantId: string | null = 't1'): Actor => ({
  id: p.id,
  tenantId,
  displayName: p.displayName,
});

const NOW = new Date('2026-03-02T09:00:00Z');
const context: DecisionContext = {
  now: NOW,
  claimDeadline: (from) => new Date(from.getTime() + 4 * 3_600_000),
  answerDeadline: (from) => new Date(from.getTime() + 48 * 3_600_000),
};

function ticket(fields: Partial<Ticket> = {}): Ticket {
  return {
    id: 't-1',
    reference: 'ABC123',
    tenantId: 't1',
    version: 3,
    state: 'open',
    active: true,
    asker: { ...asker, profileId: 'aad:asker', conversation: {} },
    question: 'Wie teile ich meinen Kalender?',
    suggested: [],
    unit: 'Bürgerbüro',
    routing: {
      rule: 'unit',
      pickRule: 'unit',
      candidates: [lotse, colleague].map(({ id, displayName }) => ({ id, displayName })),
      pickId: lotse.id,
    },
    stage: 'routed',
    candidates: [lotse],
    offeredTo: [lotse.id],
    assignee: lotse,
    assignedAt: NOW.toISOString(),
    answers: [],
    additions: [],
    faqProposed: false,
    deadline: { kind: 'claim', dueAt: '2026-03-02T13:00:00.000Z', seq: 1 },
    deadlineSeq: 1,
    history: [],
    cards: [],
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...fields,
  };
}

const answered = (fields: Partial<Ticket> = {}) =>
  ticket({
    state: 'answered',
    answers: [{ text: 'So geht es.', by: lotse, at: NOW.toISOString() }],
    deadline: null,
    ...fields,
  });

describe('who may do what', () => {
  const withAnswer = { answers: [{ text: 'x', by: lotse, at: '' }] };
  it.each<[string, TicketState, Partial<Ticket>, string, TicketVerb[]]>([
    ['the offered lotse, open', 'open', {}, 'lotse', ['claim', 'answer', 'forward', 'close']],
    ['the asker, open', 'open', {}, 'asker', ['withdraw', 'addInfo']],
    ['another lotse, open', 'open', {}, 'colleague', []],
    ['the assignee, claimed', 'claimed', {}, 'lotse', ['answer', 'forward', 'close']],
    ['the asker, claimed', 'claimed', {}, 'asker', ['withdraw', 'addInfo']],
    ['the assignee, answered', 'answered', withAnswer, 'lotse', ['answer', 'proposeFaq', 'close']],
    ['the asker, answered', 'answered', {}, 'asker', ['addInfo', 'solved', 'reopen']],
    ['the assignee, solved', 'solved', withAnswer, 'lotse', ['proposeFaq']],
    ['the assignee, solved, proposed', 'solved', { ...withAnswer, faqProposed: true }, 'lotse', []],
    ['the asker, solved', 'solved', {}, 'asker', ['reopen']],
    ['the asker, closed', 'closed', {}, 'asker', ['reopen']],
    ['the asker, withdrawn', 'withdrawn', {}, 'asker', []],
    ['the lotse, withdrawn', 'withdrawn', {}, 'lotse', []],
  ])('offers %s only the verbs they may use', (_case, state, fields, who, verbs) => {
    expect(allowedVerbs(ticket({ state, ...fields }), who)).toEqual(verbs);
  });
});

describe('deciding a command', () => {
  it('lets a candidate claim: sole candidate and assignee, reminder deadline, one version on', () => {
    const before = ticket({ candidates: [lotse, colleague] });
    const decision = decide(before, actor(colleague), { verb: 'claim' }, context, 3);
    expect(decision).toMatchObject({
      ok: true,
      ticket: {
        state: 'claimed',
        version: 4,
        assignee: { id: 'colleague' },
        candidates: [{ id: 'colleague' }],
        deadline: { kind: 'answer', dueAt: '2026-03-04T09:00:00.000Z', seq: 2 },
      },
    });
    expect(before.state).toBe('open');
  });

  it.each<[string, Actor, TicketCommand, number | undefined, string]>([
    ['another tenant', actor(lotse, 't2'), { verb: 'claim' }, 3, 'not-found'],
    ['someone not involved', actor(central), { verb: 'claim' }, 3, 'forbidden'],
    ['a stale card', actor(lotse), { verb: 'claim' }, 2, 'stale'],
    ['the asker claiming', actor(asker), { verb: 'claim' }, 3, 'forbidden'],
    ['the lotse withdrawing', actor(lotse), { verb: 'withdraw' }, 3, 'forbidden'],
    ['an asker marking an open ticket solved', actor(asker), { verb: 'solved' }, 3, 'wrong-state'],
    ['an empty answer', actor(lotse), { verb: 'answer', text: '   ' }, 3, 'invalid'],
    ['an overlong answer', actor(lotse), { verb: 'answer', text: 'x'.repeat(4001) }, 3, 'invalid'],
    [
      'a forward to oneself',
      actor(lotse),
      { verb: 'forward', target: { kind: 'lotse', lotse }, reason: 'Urlaub' },
      3,
      'invalid',
    ],
    [
      'a forward without reason',
      actor(lotse),
      { verb: 'forward', target: { kind: 'lotse', lotse: colleague }, reason: '' },
      3,
      'invalid',
    ],
  ])('refuses %s', (_case, who, command, version, reason) => {
    expect(decide(ticket(), who, command, context, version)).toEqual({ ok: false, reason });
  });

  it('treats an answer to an unclaimed ticket as claiming it', () => {
    const decision = decide(ticket(), actor(lotse), { verb: 'answer', text: ' So. ' }, context, 3);
    expect(decision).toMatchObject({
      ok: true,
      ticket: {
        state: 'answered',
        assignee: { id: 'lotse' },
        deadline: null,
        answers: [{ text: 'So.' }],
      },
    });
    if (decision.ok)
      expect(decision.ticket.history.map((e) => e.action)).toEqual(['claimed', 'answered']);
  });

  it('forwards to the central team: every member a candidate, nobody assigned', () => {
    const decision = decide(
      ticket({ state: 'claimed' }),
      actor(lotse),
      {
        verb: 'forward',
        target: { kind: 'team', members: [central, lotse, asker] },
        reason: 'SAP',
      },
      context,
    );
    expect(decision).toMatchObject({
      ok: true,
      ticket: {
        state: 'forwarded',
        stage: 'team',
        assignee: null,
        candidates: [{ id: 'central' }],
        deadline: { kind: 'claim' },
      },
    });
  });

  it('reopens an answered ticket with the asker’s comment, back to the assignee', () => {
    const decision = decide(
      answered(),
      actor(asker),
      { verb: 'reopen', comment: 'Klappt noch nicht' },
      context,
      3,
    );
    expect(decision).toMatchObject({
      ok: true,
      ticket: {
        state: 'claimed',
        active: true,
        candidates: [{ id: 'lotse' }],
        additions: [{ text: 'Klappt noch nicht' }],
        deadline: { kind: 'answer' },
      },
    });
  });

  it('proposes an answered ticket as FAQ only once', () => {
    const first = decide(answered(), actor(lotse), { verb: 'proposeFaq' }, context);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(decide(first.ticket, actor(lotse), { verb: 'proposeFaq' }, context)).toEqual({
      ok: false,
      reason: 'wrong-state',
    });
  });

  it('keeps its invariants over any sequence of commands by anyone', () => {
    const actors = [asker, lotse, colleague, central].map((p) => actor(p));
    const commands: TicketCommand[] = [
      { verb: 'claim' },
      { verb: 'answer', text: 'Antwort' },
      { verb: 'forward', target: { kind: 'lotse', lotse: colleague }, reason: 'Urlaub' },
      { verb: 'forward', target: { kind: 'team', members: [central] }, reason: 'SAP' },
      { verb: 'proposeFaq' },
      { verb: 'close', note: 'erledigt' },
      { verb: 'withdraw' },
      { verb: 'addInfo', text: 'noch etwas' },
      { verb: 'solved' },
      { verb: 'reopen' },
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...actors), fc.constantFrom(...commands)), {
          maxLength: 25,
        }),
        (steps) => {
          let current = ticket();
          for (const [who, command] of steps) {
            const allowedBefore = allowedVerbs(current, who.id).includes(command.verb);
            const decision = decide(current, who, command, context, current.version);
            if (!decision.ok) continue;
            expect(allowedBefore).toBe(true);
            expect(decision.ticket.version).toBe(current.version + 1);
            current = decision.ticket;
            expect(current.active).toBe(ACTIVE_STATES.has(current.state));
            if (current.state === 'claimed') {
              expect(current.candidates.map((c) => c.id)).toEqual([current.assignee?.id]);
            }
            if (!current.active || current.state === 'answered') {
              expect(current.deadline).toBeNull();
            }
          }
        },
      ),
    );
  });
});
