import {
  ACTIVE_STATES,
  type HistoryEntry,
  type Person,
  type Ticket,
  type TicketDeadline,
  type TicketState,
} from './ticket';

/**
 * The ticket life cycle as a pure function: who may do what in which state, and what the
 * ticket looks like afterwards. Authority comes only from the stored ticket and the
 * authenticated actor — never from what a card submitted.
 */

export type TicketVerb =
  | 'claim'
  | 'answer'
  | 'forward'
  | 'proposeFaq'
  | 'close'
  | 'withdraw'
  | 'addInfo'
  | 'solved'
  | 'reopen';

/** The person acting, as the authenticated activity names them. */
export interface Actor {
  /** Entra object id, lower case. */
  id: string;
  tenantId: string | null;
  displayName: string;
}

/** A forward goes to one lotse or to the whole central team (resolved from the directory). */
export type ForwardTarget = { kind: 'lotse'; lotse: Person } | { kind: 'team'; members: Person[] };

export type TicketCommand =
  | { verb: 'claim' }
  | { verb: 'answer'; text: string }
  | { verb: 'forward'; target: ForwardTarget; reason: string }
  | { verb: 'proposeFaq' }
  | { verb: 'close'; note?: string }
  | { verb: 'withdraw' }
  | { verb: 'addInfo'; text: string }
  | { verb: 'solved' }
  | { verb: 'reopen'; comment?: string };

export type RefusalReason =
  /** No such ticket for this tenant (another tenant's ticket looks the same). */
  | 'not-found'
  /** The actor may not use this verb on this ticket. */
  | 'forbidden'
  /** The card was rendered for an older version of the ticket. */
  | 'stale'
  /** The verb does not apply in the ticket's current state. */
  | 'wrong-state'
  /** The input is missing, too long or names an impossible target. */
  | 'invalid';

export type Decision = { ok: true; ticket: Ticket } | { ok: false; reason: RefusalReason };

export interface DecisionContext {
  now: Date;
  /** When an offered ticket escalates if nobody claims it. */
  claimDeadline(from: Date): Date;
  /** When the assignee of a claimed ticket is reminded. */
  answerDeadline(from: Date): Date;
}

type Role = 'asker' | 'candidate';

const PERMISSIONS: Record<TicketVerb, { role: Role; states: readonly TicketState[] }> = {
  claim: { role: 'candidate', states: ['open', 'forwarded'] },
  answer: { role: 'candidate', states: ['open', 'forwarded', 'claimed', 'answered'] },
  forward: { role: 'candidate', states: ['open', 'forwarded', 'claimed'] },
  proposeFaq: { role: 'candidate', states: ['answered', 'solved'] },
  close: { role: 'candidate', states: ['open', 'forwarded', 'claimed', 'answered'] },
  withdraw: { role: 'asker', states: ['open', 'forwarded', 'claimed'] },
  addInfo: { role: 'asker', states: ['open', 'forwarded', 'claimed', 'answered'] },
  solved: { role: 'asker', states: ['answered'] },
  reopen: { role: 'asker', states: ['answered', 'solved', 'closed'] },
};

export const TICKET_VERBS = Object.keys(PERMISSIONS) as TicketVerb[];

export const TEXT_LIMITS = { answer: 4000, info: 2000, note: 500 } as const;

/** Whether someone has any part in the ticket, and so may see it. */
export function isInvolved(ticket: Ticket, actorId: string): boolean {
  return (
    ticket.asker.id === actorId ||
    ticket.candidates.some((c) => c.id === actorId) ||
    ticket.offeredTo.includes(actorId) ||
    ticket.assignee?.id === actorId ||
    ticket.history.some((entry) => entry.actor?.id === actorId)
  );
}

function hasRole(ticket: Ticket, actorId: string, role: Role): boolean {
  return role === 'asker'
    ? ticket.asker.id === actorId
    : ticket.candidates.some((c) => c.id === actorId);
}

/** The verbs an actor may use now: what their card offers. */
export function allowedVerbs(ticket: Ticket, actorId: string): TicketVerb[] {
  return TICKET_VERBS.filter((verb) => {
    const rule = PERMISSIONS[verb];
    if (!rule.states.includes(ticket.state) || !hasRole(ticket, actorId, rule.role)) return false;
    return verb !== 'proposeFaq' || (!ticket.faqProposed && ticket.answers.length > 0);
  });
}

/**
 * Whether the actor may use the verb on the ticket as stored, in this order: tenant, any
 * part in the ticket, card version, role for the verb, state. Undefined when allowed.
 */
export function authorise(
  ticket: Ticket,
  actor: Actor,
  verb: TicketVerb,
  expectedVersion?: number,
): RefusalReason | undefined {
  if (ticket.tenantId !== actor.tenantId) return 'not-found';
  if (!isInvolved(ticket, actor.id)) return 'forbidden';
  if (expectedVersion !== undefined && expectedVersion !== ticket.version) return 'stale';
  const rule = PERMISSIONS[verb];
  if (!hasRole(ticket, actor.id, rule.role)) return 'forbidden';
  if (!rule.states.includes(ticket.state)) return 'wrong-state';
  return undefined;
}

/** Applies a command, or says why not. The input ticket is left as it is. */
export function decide(
  ticket: Ticket,
  actor: Actor,
  command: TicketCommand,
  context: DecisionContext,
  expectedVersion?: number,
): Decision {
  const refusal = authorise(ticket, actor, command.verb, expectedVersion);
  if (refusal) return refuse(refusal);

  const now = context.now.toISOString();
  const change = new TicketChange(ticket, actor, now);
  switch (command.verb) {
    case 'claim':
      return change.claim(context.answerDeadline(context.now)).done();
    case 'answer': {
      const text = checkedText(command.text, TEXT_LIMITS.answer);
      if (text === undefined) return refuse('invalid');
      if (ticket.state === 'open' || ticket.state === 'forwarded') {
        change.claim(null);
      }
      return change
        .set({
          state: 'answered',
          answers: [...ticket.answers, { text, by: by(actor), at: now }],
          deadline: null,
        })
        .record('answered')
        .done();
    }
    case 'forward':
      return forward(change, ticket, actor, command, context);
    case 'proposeFaq':
      if (ticket.faqProposed || ticket.answers.length === 0) return refuse('wrong-state');
      return change.set({ faqProposed: true }).record('faq-proposed').done();
    case 'close': {
      const note = optionalText(command.note, TEXT_LIMITS.note);
      if (note === null) return refuse('invalid');
      return change.set({ state: 'closed', deadline: null }).record('closed', { note }).done();
    }
    case 'withdraw':
      return change.set({ state: 'withdrawn', deadline: null }).record('withdrawn').done();
    case 'addInfo': {
      const text = checkedText(command.text, TEXT_LIMITS.info);
      if (text === undefined) return refuse('invalid');
      return change
        .set({ additions: [...ticket.additions, { text, at: now }] })
        .record('info-added')
        .done();
    }
    case 'solved':
      return change.set({ state: 'solved', deadline: null }).record('solved').done();
    case 'reopen': {
      const comment = optionalText(command.comment, TEXT_LIMITS.info);
      if (comment === null) return refuse('invalid');
      const additions = comment
        ? [...ticket.additions, { text: comment, at: now }]
        : ticket.additions;
      const assignee = ticket.assignee;
      const claimed = assignee !== null;
      return change
        .set({
          state: claimed ? 'claimed' : 'open',
          candidates: claimed ? [assignee] : ticket.candidates,
          additions,
        })
        .deadline(
          claimed ? 'answer' : 'claim',
          claimed ? context.answerDeadline(context.now) : context.claimDeadline(context.now),
        )
        .record('reopened')
        .done();
    }
  }
}

function forward(
  change: TicketChange,
  ticket: Ticket,
  actor: Actor,
  command: Extract<TicketCommand, { verb: 'forward' }>,
  context: DecisionContext,
): Decision {
  const reason = checkedText(command.reason, TEXT_LIMITS.note);
  if (reason === undefined) return refuse('invalid');
  const { target } = command;
  const members =
    target.kind === 'lotse'
      ? [target.lotse]
      : target.members.filter((m) => m.id !== actor.id && m.id !== ticket.asker.id);
  if (
    members.length === 0 ||
    (target.kind === 'lotse' && (members[0]?.id === actor.id || members[0]?.id === ticket.asker.id))
  ) {
    return refuse('invalid');
  }
  const assignee = target.kind === 'lotse' ? target.lotse : null;
  const offeredTo = [...ticket.offeredTo, ...members.map((m) => m.id)];
  return change
    .set({
      state: 'forwarded',
      stage: target.kind === 'lotse' ? 'routed' : 'team',
      assignee,
      assignedAt: context.now.toISOString(),
      candidates: members,
      offeredTo: [...new Set(offeredTo)],
    })
    .deadline('claim', context.claimDeadline(context.now))
    .record('forwarded', {
      note: reason,
      ...(assignee ? { target: by(assignee) } : { toTeam: true }),
    })
    .done();
}

/** Collects the changes of one decision; every change bumps the version once. */
class TicketChange {
  private next: Ticket;

  constructor(
    ticket: Ticket,
    private readonly actor: Actor,
    private readonly now: string,
  ) {
    this.next = { ...ticket };
  }

  set(fields: Partial<Ticket>): this {
    this.next = { ...this.next, ...fields };
    return this;
  }

  /** The actor takes the ticket: sole candidate and assignee from now on. */
  claim(answerDeadline: Date | null): this {
    const self =
      this.next.candidates.find((c) => c.id === this.actor.id) ??
      ({ ...by(this.actor), userPrincipalName: null, language: 'de' } satisfies Person);
    const reassigned = this.next.assignee?.id !== self.id;
    this.set({
      state: 'claimed',
      assignee: self,
      candidates: [self],
      ...(reassigned && { assignedAt: this.now }),
    });
    if (answerDeadline) this.deadline('answer', answerDeadline);
    return this.record('claimed');
  }

  deadline(kind: TicketDeadline['kind'], dueAt: Date): this {
    const seq = this.next.deadlineSeq + 1;
    return this.set({ deadline: { kind, dueAt: dueAt.toISOString(), seq }, deadlineSeq: seq });
  }

  record(action: HistoryEntry['action'], extra: Partial<HistoryEntry> = {}): this {
    const entry: HistoryEntry = { at: this.now, action, actor: by(this.actor), ...extra };
    if (entry.note === undefined) delete entry.note;
    return this.set({ history: [...this.next.history, entry] });
  }

  done(): Decision {
    const ticket: Ticket = {
      ...this.next,
      version: this.next.version + 1,
      active: ACTIVE_STATES.has(this.next.state),
      updatedAt: this.now,
    };
    return { ok: true, ticket };
  }
}

function by(person: { id: string; displayName: string }): { id: string; displayName: string } {
  return { id: person.id, displayName: person.displayName };
}

function refuse(reason: RefusalReason): Decision {
  return { ok: false, reason };
}

/** Trimmed text within the limit; undefined when empty, too long or not text. */
function checkedText(value: unknown, limit: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text.length > 0 && text.length <= limit ? text : undefined;
}

/** Trimmed text or undefined when empty; null when too long or not text. */
function optionalText(value: unknown, limit: number): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0) return undefined;
  return text.length <= limit ? text : null;
}
