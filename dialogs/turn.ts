/**
 * What every dialog gets for one turn: who is asking, in which language, and how to
 * answer. Built once per activity by the handler.
 */
import type { TurnContext } from 'botbuilder';
import type { CardAttachment, Language } from '../cards';
import type { UserIdentity } from '../services/users';

export interface Turn {
  context: TurnContext;
  identity: UserIdentity;
  language: Language;
  correlationId: string;
  /** The user's message text, trimmed ('' for card submits). */
  text: string;
}

export async function sendCard(turn: Turn, card: CardAttachment): Promise<string | undefined> {
  const response = await turn.context.sendActivity({ attachments: [card] });
  return response?.id;
}

/**
 * Shows the card in place of the one whose button was pressed (Action.Submit carries that
 * card's activity id as `replyToId`); without it, sends the card as a new message.
 */
export async function replaceSubmittedCard(turn: Turn, card: CardAttachment): Promise<void> {
  const replyToId = turn.context.activity.replyToId;
  if (replyToId) {
    await turn.context.updateActivity({ id: replyToId, type: 'message', attachments: [card] });
  } else {
    await sendCard(turn, card);
  }
}

export async function sendText(turn: Turn, text: string): Promise<void> {
  await turn.context.sendActivity({ text, textFormat: 'plain' });
}

export function identityOf(context: TurnContext, tenantId: string | undefined): UserIdentity {
  const from = context.activity.from;
  return { teamsUserId: from.id, aadObjectId: from.aadObjectId, tenantId };
}
