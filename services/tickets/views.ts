import type { OutgoingMessage } from '../messaging';
import type { CardRef, Language, Ticket } from './ticket';

/** Who a card is for and what it shows; the card itself is rendered by the views. */
export type CardRecipient = Pick<
  CardRef,
  'recipientId' | 'role' | 'kind' | 'language' | 'answerIndex'
>;

/** Short messages that make a phone buzz when something happened to a ticket. */
export type TicketNotice =
  /** To the asker: someone else has the request now (escalation, forward). */
  | 'new-holder'
  /** To the asker: a lotse closed the request. */
  | 'closed'
  /** To the assignee: the asker withdrew. */
  | 'withdrawn'
  /** To the assignee: the asker added information. */
  | 'info-added'
  /** To the assignee: the asker says it is not solved yet. */
  | 'reopened'
  /** To the assignee: the answer is overdue. */
  | 'reminder';

/**
 * The port to the cards: services decide what happens and to whom, the views (in cards/)
 * decide what it looks like, in the recipient's language.
 */
export interface TicketViews {
  card(ticket: Ticket, recipient: CardRecipient, now: Date): OutgoingMessage;
  notice(ticket: Ticket, notice: TicketNotice, language: Language): OutgoingMessage;
}
