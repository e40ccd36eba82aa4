import type { ConversationReference } from '../messaging';
import { UserProfiles } from '../users';
import type { TicketContext } from './context';
import type { Reach } from './messenger';
import type { HistoryEntry, Person, Ticket } from './ticket';

export interface Installed {
  /** Where the lotse can be reached now; absent when the installation failed. */
  reach?: Reach;
  /** What the ticket's history records of the attempt. */
  entry: HistoryEntry;
}

/**
 * Installs the app for a lotse who has not (when the configuration allows it) and stores
 * the 1:1 chat as their conversation reference, as the bot does when someone installs it.
 * Undefined when installing is not configured.
 */
export async function reachByInstalling(
  context: TicketContext,
  ticket: Ticket,
  lotse: Person,
): Promise<Installed | undefined> {
  if (!context.installer) return undefined;
  const result = await context.installer.installFor(lotse.id);
  const base = {
    at: context.clock.now().toISOString(),
    actor: null,
    target: { id: lotse.id, displayName: lotse.displayName },
  };
  if (!result.ok) {
    context.logger.warn(
      { ticketId: ticket.id, reason: result.reason },
      'app could not be installed for a lotse',
    );
    return { entry: { ...base, action: 'app-install-failed', note: result.reason } };
  }
  const profiles = new UserProfiles(context.store, context.clock);
  const identity = {
    teamsUserId: '',
    aadObjectId: lotse.id,
    tenantId: ticket.tenantId ?? undefined,
  };
  const known = await profiles.get(identity);
  const teamsUserId = known?.teamsUserId ?? '';
  const conversation = personalChat(ticket.asker.conversation, result.chatId, {
    teamsUserId,
    aadObjectId: lotse.id,
    tenantId: ticket.tenantId,
  });
  await profiles.recordInstallation({ ...identity, teamsUserId }, conversation);
  context.logger.info({ ticketId: ticket.id }, 'app installed for a lotse');
  return {
    reach: { conversation, language: known?.language ?? lotse.language },
    entry: { ...base, action: 'app-installed' },
  };
}

/**
 * A reference to the bot's 1:1 chat with someone, from another reference of the same bot:
 * the service url and the bot's account are the same for every chat of a tenant.
 */
function personalChat(
  template: ConversationReference,
  chatId: string,
  user: { teamsUserId: string; aadObjectId: string; tenantId: string | null },
): ConversationReference {
  const tenantId = user.tenantId ?? tenantOf(template);
  return {
    channelId: template.channelId ?? 'msteams',
    serviceUrl: template.serviceUrl,
    bot: template.bot,
    user: { ...(user.teamsUserId ? { id: user.teamsUserId } : {}), aadObjectId: user.aadObjectId },
    conversation: {
      id: chatId,
      conversationType: 'personal',
      isGroup: false,
      ...(tenantId ? { tenantId } : {}),
    },
  };
}

function tenantOf(reference: ConversationReference): string | undefined {
  const tenantId = (reference.conversation as { tenantId?: unknown } | undefined)?.tenantId;
  return typeof tenantId === 'string' ? tenantId : undefined;
}
