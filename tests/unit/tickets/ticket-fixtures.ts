/**
 * Shared by the ticket tests: the ticket service on a real store with the demo organisation,
 * a message sender that records instead of sending, and people of the demo organisation.
 */
import { ticketViews } from '../../../cards';
import type { Clock } from '../../../services/clock';
import {
  createDirectory,
  type DirectoryUser,
  type OrgDirectory,
} from '../../../services/directory';
import type {
  ConversationReference,
  MessageSender,
  OutgoingMessage,
  SendResult,
} from '../../../services/messaging';
import { Scheduler } from '../../../services/scheduler';
import type { Store } from '../../../services/storage';
import { Tickets, type Actor, type NewTicket } from '../../../services/tickets';
import { USERS_CONTAINER, type UserProfile } from '../../../services/users';
import { visibleText } from '../../support/card-validation';

export const TENANT = 'tenant-a';

export interface SentMessage {
  op: 'send' | 'update';
  conversationId: string;
  activityId: string;
  message: OutgoingMessage;
}

/** Records every send and update; a conversation can be made to fail. */
export class RecordingSender implements MessageSender {
  readonly messages: SentMessage[] = [];
  readonly failing = new Set<string>();
  private next = 1;

  async send(to: ConversationReference, message: OutgoingMessage): Promise<SendResult> {
    const conversationId = conversationIdOf(to);
    if (this.failing.has(conversationId)) return { ok: false, kind: 'not-found', status: 404 };
    const activityId = `activity-${this.next++}`;
    this.messages.push({ op: 'send', conversationId, activityId, message });
    return { ok: true, activityId };
  }

  async update(
    to: ConversationReference,
    activityId: string,
    message: OutgoingMessage,
  ): Promise<SendResult> {
    this.messages.push({ op: 'update', conversationId: conversationIdOf(to), activityId, message });
    return { ok: true, activityId };
  }

  async delete(): Promise<SendResult> {
    return { ok: false, kind: 'rejected' };
  }

  /** Messages sent (not updated) to a person's chat. */
  sentTo(userId: string): SentMessage[] {
    return this.messages.filter((m) => m.op === 'send' && m.conversationId === chatOf(userId));
  }

  clear(): void {
    this.messages.length = 0;
  }
}

export function conversationIdOf(to: ConversationReference): string {
  return (to as { conversation?: { id?: string } }).conversation?.id ?? '';
}

/** The conversation id a person's bot chat has in these tests. */
export function chatOf(userId: string): string {
  return `chat-${userId.toLowerCase()}`;
}

export function referenceOf(userId: string): ConversationReference {
  return { serviceUrl: 'https://connector.test/', conversation: { id: chatOf(userId) } };
}

export function demoDirectory(): OrgDirectory {
  return createDirectory({ kind: 'demo' });
}

/** People of the demo organisation by display name. */
export async function people<const Names extends readonly string[]>(
  directory: OrgDirectory,
  ...names: Names
): Promise<{ [K in keyof Names]: DirectoryUser }> {
  const found: DirectoryUser[] = [];
  for await (const user of directory.users()) {
    if (names.includes(user.displayName)) found.push(user);
  }
  const users = names.map((name) => {
    const user = found.find((u) => u.displayName === name);
    if (!user) throw new Error(`${name} is not in the demo organisation`);
    return user;
  });
  return users as { [K in keyof Names]: DirectoryUser };
}

/** Stores the profile a Teams install leaves behind: the person can be reached. */
export async function install(store: Store, clock: Clock, user: DirectoryUser): Promise<void> {
  const profile: UserProfile = {
    id: `aad:${user.id.toLowerCase()}`,
    teamsUserId: `29:${user.id}`,
    aadObjectId: user.id,
    tenantId: TENANT,
    conversation: referenceOf(user.id),
    installedAt: clock.now().toISOString(),
    updatedAt: clock.now().toISOString(),
  };
  await store.create(USERS_CONTAINER, profile);
}

export function actorOf(user: DirectoryUser, tenantId: string | null = TENANT): Actor {
  return { id: user.id, tenantId, displayName: user.displayName };
}

export function questionFrom(user: DirectoryUser, question: string): NewTicket {
  return {
    asker: {
      id: user.id,
      tenantId: TENANT,
      profileId: `aad:${user.id.toLowerCase()}`,
      displayName: user.displayName,
      language: 'de',
      conversation: referenceOf(user.id),
    },
    question,
    suggested: [{ id: '12', title: 'Wie ändere ich mein Passwort?' }],
  };
}

export interface TicketDesk {
  tickets: Tickets;
  scheduler: Scheduler;
  sender: RecordingSender;
}

/** The ticket service as the app builds it, on the given store and clock. */
export function ticketDesk(
  store: Store,
  clock: Clock,
  directory: OrgDirectory,
  sender = new RecordingSender(),
  owner?: string,
): TicketDesk {
  const scheduler = new Scheduler({ store, clock, owner });
  const tickets = new Tickets({
    store,
    clock,
    directory,
    scheduler,
    sender,
    views: ticketViews,
    settings: { escalationWorkingHours: 4, reminderWorkingDays: 2 },
  });
  return { tickets, scheduler, sender };
}

/** All text of a message's card (or its text), for assertions on what people read. */
export function textOf(message: OutgoingMessage | undefined): string {
  if (!message) return '';
  return message.text ?? visibleText(message.card?.content ?? {});
}
