import type { Clock } from '../clock';
import { hasRole, isRoutable, type LotseLookup, type OrgDirectory } from '../directory';
import { silentLogger, type Logger } from '../logging';
import type { MessageSender } from '../messaging';
import type { Scheduler } from '../scheduler';
import type { AppInstaller } from '../teams-apps';
import { queryAll, updateDocument, type Store, type Stored } from '../storage';
import { LotseAbsences } from './absences';
import { reachByInstalling } from './app-install';
import { addCards } from './card-refs';
import { idOf, personOf, type TicketContext, type TicketSettings } from './context';
import {
  TICKET_DEADLINE_JOB,
  decisionContext,
  scheduleDeadline,
  type DeadlinePayload,
} from './deadlines';
import { handleDeadline } from './escalation';
import { followChange } from './follow-up';
import { ticketsOfAsker, ticketsOfLotse } from './inboxes';
import { TicketMessenger, type Reach } from './messenger';
import { lookUpMyLotse } from './my-lotse';
import { openTicket, type NewTicket, type Opened } from './new-ticket';
import { Offering } from './offering';
import {
  authorise,
  decide,
  isInvolved,
  type Actor,
  type ForwardTarget,
  type RefusalReason,
  type TicketCommand,
} from './rules';
import { TICKETS_CONTAINER, isTicketId, type HistoryEntry, type Ticket } from './ticket';
import type { TicketViews } from './views';

export interface TicketsOptions {
  store: Store;
  clock: Clock;
  directory: OrgDirectory;
  sender: MessageSender;
  views: TicketViews;
  /** The ticket deadlines' handler is registered on it. */
  scheduler: Scheduler;
  settings: TicketSettings;
  logger?: Logger;
  /** Installs the app for a lotse without it (TEAMS_APP_AUTO_INSTALL); else they are skipped. */
  appInstaller?: AppInstaller;
}

/** A verb as a card or command submits it: a forward names its target by id. */
export type TicketRequest =
  Exclude<TicketCommand, { verb: 'forward' }> | { verb: 'forward'; to: string; reason: string };

export type ActRefusal = RefusalReason | 'unreachable';

/** On refusal, `ticket` is there only for people involved in it (so a card can be refreshed). */
export type Acted =
  { ok: true; ticket: Stored<Ticket> } | { ok: false; reason: ActRefusal; ticket?: Stored<Ticket> };

/**
 * The hand-off from the bot to a person: tickets, their life cycle, who gets them, and the
 * cards that show them. Every change is a conditional write on the ticket; messages follow
 * the change.
 */
export class Tickets {
  readonly absences: LotseAbsences;
  private readonly context: TicketContext;
  private readonly offering: Offering;

  constructor(options: TicketsOptions) {
    const logger = options.logger ?? silentLogger;
    const { store, clock } = options;
    this.absences = new LotseAbsences(store, clock);
    this.context = {
      store,
      clock,
      directory: options.directory,
      scheduler: options.scheduler,
      absences: this.absences,
      logger,
      settings: options.settings,
      installer: options.appInstaller,
      messenger: new TicketMessenger({
        store,
        clock,
        logger,
        sender: options.sender,
        views: options.views,
      }),
    };
    this.offering = new Offering(this.context);
    options.scheduler.register<DeadlinePayload>(TICKET_DEADLINE_JOB, (job) =>
      handleDeadline(this.context, this.offering, job.payload),
    );
  }

  /** Creates the ticket, offers it to the right lotse and sends the asker a status card. */
  open(request: NewTicket): Promise<Opened> {
    return openTicket(this.context, this.offering, request);
  }

  /**
   * A verb on a ticket, authorised from the stored ticket alone. `expectedVersion` is the
   * version the acting card showed; a card submit must give it.
   */
  async act(
    ticketId: string,
    actor: Actor,
    request: TicketRequest,
    expectedVersion?: number,
  ): Promise<Acted> {
    const who: Actor = { ...actor, id: idOf(actor.id) };
    const ticket = isTicketId(ticketId)
      ? await this.context.store.get<Ticket>(TICKETS_CONTAINER, ticketId)
      : undefined;
    if (!ticket) return { ok: false, reason: 'not-found' };
    const refusal = authorise(ticket, who, request.verb, expectedVersion);
    if (refusal) return this.refused(refusal, ticket, who);

    let command: TicketCommand;
    const notes: HistoryEntry[] = [];
    if (request.verb === 'forward') {
      const target = await this.forwardTarget(request.to);
      if (!target) return this.refused('invalid', ticket, who);
      if (target.kind === 'lotse' && !(await this.context.messenger.reachOf(target.lotse))) {
        // Installed for them (when configured), the forward's card reaches them in the new chat.
        const installed = await reachByInstalling(this.context, ticket, target.lotse);
        if (!installed?.reach) return this.refused('unreachable', ticket, who);
        notes.push(installed.entry);
      }
      command = { verb: 'forward', target, reason: request.reason };
    } else {
      command = request;
    }

    let refused: RefusalReason | undefined;
    const updated = await updateDocument<Ticket>(
      this.context.store,
      TICKETS_CONTAINER,
      ticket.id,
      (current) => {
        const decision = decide(
          current,
          who,
          command,
          decisionContext(this.context),
          expectedVersion,
        );
        refused = decision.ok ? undefined : decision.reason;
        return decision.ok ? decision.ticket : undefined;
      },
    );
    if (!updated) return { ok: false, reason: 'not-found' };
    if (refused || !updated.changed) return this.refused(refused ?? 'stale', updated.doc, who);

    const after = await followChange(this.context, this.offering, command, updated.doc, who, notes);
    this.context.logger.info(
      { ticketId: ticket.id, verb: request.verb, state: after.state },
      'ticket changed',
    );
    return { ok: true, ticket: after };
  }

  /** The ticket, if the actor is involved in it. */
  async find(ticketId: string, actor: Actor): Promise<Stored<Ticket> | undefined> {
    const ticket = isTicketId(ticketId)
      ? await this.context.store.get<Ticket>(TICKETS_CONTAINER, ticketId)
      : undefined;
    return ticket && ticket.tenantId === actor.tenantId && isInvolved(ticket, idOf(actor.id))
      ? ticket
      : undefined;
  }

  /** Shows the current state on every card again (after a refused, stale submit). */
  async refreshCards(ticketId: string, actor: Actor): Promise<void> {
    const ticket = await this.find(ticketId, actor);
    if (ticket) await this.context.messenger.refresh(ticket);
  }

  /** Sends the actor a fresh card of the ticket (from a list); it is kept up to date too. */
  async show(ticketId: string, actor: Actor, reach: Reach): Promise<boolean> {
    const ticket = await this.find(ticketId, actor);
    if (!ticket) return false;
    const asker = ticket.asker.id === idOf(actor.id);
    const sent = await this.context.messenger.sendCard(
      ticket,
      {
        recipientId: idOf(actor.id),
        role: asker ? 'asker' : 'lotse',
        kind: asker ? 'status' : 'offer',
        language: reach.language,
      },
      reach.conversation,
    );
    if (sent.ok) await addCards(this.context, ticket.id, [sent.ref]);
    return sent.ok;
  }

  /** "Meine Anfragen": the asker's tickets, newest first. */
  ofAsker(actor: Actor, limit = 20): Promise<Ticket[]> {
    return ticketsOfAsker(this.context.store, actor, limit);
  }

  /** "Meine Tickets": active tickets the lotse may work on, oldest first. */
  ofLotse(actor: Actor): Promise<Ticket[]> {
    return ticketsOfLotse(this.context.store, actor);
  }

  /** "Wer ist mein Digitallotse?": who a question would go to now, and who is away until when. */
  myLotse(askerKey: string): Promise<LotseLookup> {
    return lookUpMyLotse(this.context, this.offering, askerKey);
  }

  /** Whether someone is a lotse (or in the central team): may set absences, has an inbox. */
  async isLotse(userId: string): Promise<boolean> {
    const { directory } = this.context;
    return (await hasRole(directory, 'lotsen', userId)) || hasRole(directory, 'central', userId);
  }

  /** Gives every active ticket's deadline its job again (after a crash between the two). */
  async ensureDeadlineJobs(): Promise<number> {
    let count = 0;
    const active = queryAll<Ticket>(this.context.store, TICKETS_CONTAINER, {
      where: [{ field: 'active', op: '=', value: true }],
    });
    for await (const ticket of active) {
      if (!ticket.deadline) continue;
      await scheduleDeadline(this.context, ticket);
      count += 1;
    }
    return count;
  }

  private async forwardTarget(to: string): Promise<ForwardTarget | undefined> {
    const { directory } = this.context;
    if (to === 'central') {
      const members = (await directory.groupMembers(directory.groups.central))
        .filter((user) => user.accountEnabled)
        .map(personOf);
      return { kind: 'team', members };
    }
    const user = typeof to === 'string' && to.length <= 100 ? await directory.findUser(to) : null;
    if (!user || !isRoutable(user) || !(await this.isLotse(user.id))) return undefined;
    return { kind: 'lotse', lotse: personOf(user) };
  }

  private refused(reason: ActRefusal, ticket: Stored<Ticket>, actor: Actor): Acted {
    const visible = ticket.tenantId === actor.tenantId && isInvolved(ticket, actor.id);
    return visible ? { ok: false, reason, ticket } : { ok: false, reason };
  }
}
