import type { RoutingRule } from '../directory';
import type { ConversationReference } from '../messaging';
import type { Doc } from '../storage';

/**
 * A question the bot handed to a person. `open` and `forwarded` wait for a lotse to claim
 * it, `claimed` for the answer, `answered` for the asker's verdict; `solved`, `withdrawn`
 * and `closed` are the ends (the asker may reopen an answered, solved or closed ticket).
 */
export type TicketState =
  'open' | 'forwarded' | 'claimed' | 'answered' | 'solved' | 'withdrawn' | 'closed';

export type Language = 'de' | 'en';

/** Someone in the directory, as a ticket remembers them; `id` is the Entra object id. */
export interface Person {
  id: string;
  displayName: string;
  userPrincipalName: string | null;
  language: Language;
}

export interface TicketAsker extends Person {
  /** Key of the asker's profile in the `users` container. */
  profileId: string;
  /** Where the asker's status and answer cards go. */
  conversation: ConversationReference;
}

/** What the bot showed before the hand-off, so the lotse does not suggest it again. */
export interface Suggestion {
  id: string;
  title: string;
}

export interface TicketRouting {
  rule: RoutingRule;
  pickRule: RoutingRule | null;
  /** The rule's candidates (ids and names: the lotse card offers them as forward targets). */
  candidates: Array<{ id: string; displayName: string }>;
  pickId: string | null;
}

export type TicketAction =
  | 'created'
  | 'offered'
  | 'unreachable'
  | 'app-installed'
  | 'app-install-failed'
  | 'claimed'
  | 'answered'
  | 'forwarded'
  | 'escalated'
  | 'faq-proposed'
  | 'closed'
  | 'withdrawn'
  | 'info-added'
  | 'solved'
  | 'reopened'
  | 'reminded';

/** Who did what when; `actor` null is the bot itself (routing, escalation). */
export interface HistoryEntry {
  at: string;
  action: TicketAction;
  actor: { id: string; displayName: string } | null;
  target?: { id: string; displayName: string };
  /** Offered or forwarded to the whole central team. */
  toTeam?: boolean;
  /** A reason (forward), note (close) or why the app could not be installed; no answer or question text. */
  note?: string;
}

export type CardKind = 'offer' | 'status' | 'answer';

/** A card of this ticket in someone's chat, updated in place on every change. */
export interface CardRef {
  activityId: string;
  recipientId: string;
  role: 'lotse' | 'asker';
  kind: CardKind;
  language: Language;
  conversation: ConversationReference;
  /** For answer cards: which answer it shows. */
  answerIndex?: number;
}

export interface TicketDeadline {
  /** `claim`: escalate when nobody claimed; `answer`: remind the assignee. */
  kind: 'claim' | 'answer';
  dueAt: string;
  /** Numbers deadlines, so a job for a replaced deadline can tell and do nothing. */
  seq: number;
}

export interface Answer {
  text: string;
  by: { id: string; displayName: string };
  at: string;
}

export interface Addition {
  text: string;
  at: string;
}

/**
 * `routed`: offered to one lotse at a time, along the routing order. `team`: offered to the
 * whole central team at once (after escalation or a forward to the team).
 */
export type TicketStage = 'routed' | 'team';

export interface Ticket extends Doc {
  /** Short reference for people ("Anfrage 3F2A9C"). */
  reference: string;
  tenantId: string | null;
  /** Counts every change; cards carry it so a stale card cannot act. */
  version: number;
  state: TicketState;
  /** Not yet at an end (open, forwarded, claimed, answered): indexed for the inboxes. */
  active: boolean;
  asker: TicketAsker;
  question: string;
  /** The asked question in the ask flow's log, when the ticket came from a hand-off button. */
  questionId?: string;
  suggested: Suggestion[];
  unit: string | null;
  routing: TicketRouting;
  stage: TicketStage;
  /** Who may claim, answer, forward or close now; after a claim only the assignee. */
  candidates: Person[];
  /** Lotsen offered the ticket so far, in order: escalation continues after them. */
  offeredTo: string[];
  assignee: Person | null;
  assignedAt: string | null;
  answers: Answer[];
  additions: Addition[];
  faqProposed: boolean;
  deadline: TicketDeadline | null;
  deadlineSeq: number;
  history: HistoryEntry[];
  cards: CardRef[];
  /**
   * Notices the bot owes because of a change it made itself (escalation, reminder), written
   * with that change and removed once sent: a crash in between cannot lose them.
   */
  outbox?: OwedNotice[];
  createdAt: string;
  updatedAt: string;
}

export interface OwedNotice {
  /** Names the change it is owed for, so that it is owed (and sent) once. */
  id: string;
  notice: 'new-holder' | 'reminder';
  to: 'asker' | 'assignee';
}

export const TICKETS_CONTAINER = 'tickets';

/** Ticket ids are uuids or `q-<question id>`; anything else is not looked up at all. */
export function isTicketId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9-]{1,100}$/.test(id);
}

export const ACTIVE_STATES: ReadonlySet<TicketState> = new Set([
  'open',
  'forwarded',
  'claimed',
  'answered',
]);

/** States in which a ticket is work on a lotse's desk (the load routing balances). */
export const WORKLOAD_STATES: ReadonlySet<TicketState> = new Set(['open', 'forwarded', 'claimed']);
