import type { Clock } from '../clock';
import type { Logger } from '../logging';
import type { ConversationReference, MessageSender, SendFailure } from '../messaging';
import type { Store } from '../storage';
import { USERS_CONTAINER, profileIdOf, type UserProfile } from '../users';
import type { CardRef, Language, Person, Ticket } from './ticket';
import type { CardRecipient, TicketNotice, TicketViews } from './views';

/** Where and in which language a person can be reached proactively. */
export interface Reach {
  conversation: ConversationReference;
  language: Language;
}

export type CardSent = { ok: true; ref: CardRef } | { ok: false; kind: SendFailure['kind'] };

/**
 * The ticket's messages: new cards, in-place updates of every card, short notices. Each
 * call is one request; a failed update is logged and left (the next change updates again).
 */
export class TicketMessenger {
  constructor(
    private readonly deps: {
      store: Store;
      sender: MessageSender;
      views: TicketViews;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** A lotse's stored conversation; undefined when they have not installed the app. */
  async reachOf(person: Person): Promise<Reach | undefined> {
    const profile = await this.deps.store.get<UserProfile>(
      USERS_CONTAINER,
      // Profiles are keyed by the Entra object id; the Teams id plays no part in the key then.
      profileIdOf({ teamsUserId: '', aadObjectId: person.id }),
    );
    if (!profile?.conversation) return undefined;
    return { conversation: profile.conversation, language: profile.language ?? person.language };
  }

  async sendCard(
    ticket: Ticket,
    recipient: CardRecipient,
    conversation: ConversationReference,
  ): Promise<CardSent> {
    const message = this.deps.views.card(ticket, recipient, this.deps.clock.now());
    const result = await this.deps.sender.send(conversation, message);
    if (!result.ok) {
      this.deps.logger.warn(
        { ticketId: ticket.id, kind: result.kind, role: recipient.role },
        'ticket card could not be sent',
      );
      return { ok: false, kind: result.kind };
    }
    return { ok: true, ref: { ...recipient, activityId: result.activityId, conversation } };
  }

  /** Shows the current state on every card of the ticket. */
  async refresh(ticket: Ticket): Promise<void> {
    const now = this.deps.clock.now();
    await Promise.all(
      ticket.cards.map(async (ref) => {
        const result = await this.deps.sender.update(
          ref.conversation,
          ref.activityId,
          this.deps.views.card(ticket, ref, now),
        );
        if (!result.ok) {
          this.deps.logger.warn(
            { ticketId: ticket.id, kind: result.kind, role: ref.role },
            'ticket card could not be updated',
          );
        }
      }),
    );
  }

  async notify(ticket: Ticket, notice: TicketNotice, reach: Reach | undefined): Promise<boolean> {
    if (!reach) return false;
    const result = await this.deps.sender.send(
      reach.conversation,
      this.deps.views.notice(ticket, notice, reach.language),
    );
    if (!result.ok) {
      this.deps.logger.warn({ ticketId: ticket.id, notice, kind: result.kind }, 'notice not sent');
    }
    return result.ok;
  }

  askerReach(ticket: Ticket): Reach {
    return { conversation: ticket.asker.conversation, language: ticket.asker.language };
  }
}
