/**
 * The hand-off: a question the bot could not answer becomes a ticket for the asker's lotse.
 * The ask flow calls `createTicketFromQuestion` from its hand-off button; "an meinen
 * Lotsen: …" does the same straight from the chat.
 */
import { TurnContext } from 'botbuilder';
import { strings } from '../cards';
import type { ConversationReference } from '../services/messaging';
import type { Opened, Suggestion } from '../services/tickets';
import { profileIdOf } from '../services/users';
import type { DialogServices } from './services';
import { sendText, type Turn } from './turn';

export interface HandedOffQuestion {
  /** The question in the asker's words. */
  text: string;
  /** What the bot showed for it (knowledge-base entry ids and titles), best first. */
  suggested?: Suggestion[];
  /** The ask flow's id of the question: a second click on the button opens no second ticket. */
  questionId?: string;
}

/**
 * Opens a ticket for the question: the lotse gets a card, the asker a status card naming
 * who has the request. Tells the asker when that is not possible.
 */
export async function createTicketFromQuestion(
  turn: Turn,
  services: DialogServices,
  question: HandedOffQuestion,
): Promise<Opened | undefined> {
  const t = strings[turn.language];
  const aadObjectId = turn.identity.aadObjectId;
  if (!aadObjectId) {
    await sendText(turn, t.ticketNoIdentity);
    return undefined;
  }
  const opened = await services.tickets.open({
    asker: {
      id: aadObjectId,
      tenantId: turn.identity.tenantId ?? null,
      profileId: profileIdOf(turn.identity),
      displayName: turn.context.activity.from.name ?? '',
      language: turn.language,
      conversation: conversationOf(turn),
    },
    question: question.text,
    suggested: question.suggested,
    questionId: question.questionId,
  });
  if (!opened.ok) {
    await sendText(turn, opened.reason === 'not-routable' ? t.lotseNotRoutable : t.handoffInvalid);
  }
  return opened;
}

const DIRECT_HANDOFF =
  /^\s*(?:<at>[^<]*<\/at>\s*)?(?:an|to)\s+(?:meine[nm]?|unsere[nm]?|my|our)\s+(?:digital\s?)?lots(?:e|en|in)\b\s*[:,–-]?\s*/i;

/** "an meinen Lotsen: <Frage>" / "an meine Lotsin: …" / "to my lotse: …". */
export async function handOffDirectly(turn: Turn, services: DialogServices): Promise<void> {
  const text = turn.text.replace(DIRECT_HANDOFF, '').trim();
  if (text === '') {
    await sendText(turn, strings[turn.language].handoffEmpty);
    return;
  }
  await createTicketFromQuestion(turn, services, { text });
}

/** Where to reach this user later: the conversation of this turn. */
export function conversationOf(turn: Turn): ConversationReference {
  const reference = TurnContext.getConversationReference(turn.context.activity);
  return JSON.parse(JSON.stringify(reference)) as ConversationReference;
}

/**
 * The hand-off button under an answer, the suggestions or the "weiß ich nicht" card: the
 * question as the ask flow logged it, with what the bot showed for it.
 */
export async function handOffAskedQuestion(
  turn: Turn,
  services: DialogServices,
  value: Record<string, unknown>,
): Promise<void> {
  const questionId = typeof value.questionId === 'string' ? value.questionId : '';
  const asked = questionId ? await services.questions.get(questionId) : undefined;
  if (!asked || asked.askerId !== profileIdOf(turn.identity)) {
    await sendText(turn, strings[turn.language].ticketRefusedNotFound);
    return;
  }
  const entries = await Promise.all(asked.entryIds.map((id) => services.knowledge.entry(id)));
  const suggested = entries.flatMap((entry) =>
    entry ? [{ id: entry.id, title: entry.questions[0] ?? '' }] : [],
  );
  await createTicketFromQuestion(turn, services, { text: asked.text, suggested, questionId });
}
