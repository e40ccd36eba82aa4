import { strings } from '../cards';
import { profileIdOf } from '../services/users';
import { answerCardFor } from './ask';
import type { DialogServices } from './services';
import { replaceSubmittedCard, sendText, type Turn } from './turn';

export interface FeedbackSubmit {
  vote?: unknown;
  entryId?: unknown;
  questionId?: unknown;
}

/** 👍/👎 on an answer card: stored once per user and answer, shown on the card in place. */
export async function recordFeedback(
  turn: Turn,
  services: DialogServices,
  value: FeedbackSubmit,
): Promise<void> {
  const { vote, entryId, questionId } = value;
  const valid =
    (vote === 'up' || vote === 'down') &&
    typeof entryId === 'string' &&
    typeof questionId === 'string';
  const entry = valid ? await services.knowledge.entry(entryId) : undefined;
  const accepted =
    valid &&
    entry !== undefined &&
    (await services.questions.vote(profileIdOf(turn.identity), questionId, entryId, vote));
  if (!accepted || !entry) {
    await sendText(turn, strings[turn.language].feedbackRefused);
    return;
  }
  await replaceSubmittedCard(turn, answerCardFor(turn, entry, questionId, vote));
}
