import { randomUUID } from 'node:crypto';
import { noAnswerCard } from '../cards';
import { sendCard, type Turn } from './turn';

/** A free-text question. */
export async function answerQuestion(turn: Turn): Promise<void> {
  await sendCard(turn, noAnswerCard(turn.language, { questionId: randomUUID() }));
}
