/**
 * Ask: a question in the user's words → answer card, "Meinten Sie …?" or an honest
 * "weiß ich nicht" — each with the way to the lotse. Follow-ups and picked suggestions
 * come back here as card submits.
 */
import { answerCard, noAnswerCard, suggestionsCard } from '../cards';
import type { KnowledgeEntry } from '../services/knowledge';
import type { Outcome } from '../services/questions';
import { profileIdOf } from '../services/users';
import type { DialogServices } from './services';
import { sendCard, sendText, type Turn } from './turn';

export async function answerQuestion(turn: Turn, services: DialogServices): Promise<void> {
  const { decision, results } = await services.knowledge.ask(turn.text);
  if (decision.kind === 'smalltalk') {
    await sendText(turn, decision.reply[turn.language]);
    return;
  }
  const shown =
    decision.kind === 'answer'
      ? [decision.entry, ...decision.alternatives.map((hit) => hit.entry)]
      : decision.kind === 'suggest'
        ? decision.suggestions.map((hit) => hit.entry)
        : [];
  const questionId = await recordQuestion(turn, services, decision.kind, shown, results.language);
  if (decision.kind === 'answer') {
    await sendCard(turn, answerCardFor(turn, decision.entry, questionId));
  } else if (decision.kind === 'suggest') {
    const suggestions = shown.map((entry) => ({ text: titleOf(entry), entryId: entry.id }));
    await sendCard(turn, suggestionsCard(turn.language, { questionId, suggestions }));
  } else {
    await sendCard(turn, noAnswerCard(turn.language, { questionId }));
  }
}

/** A follow-up prompt or a picked suggestion: show that entry's answer. */
export async function showEntry(
  turn: Turn,
  services: DialogServices,
  entryId: unknown,
): Promise<void> {
  const entry = typeof entryId === 'string' ? await services.knowledge.entry(entryId) : undefined;
  if (!entry) {
    await sendCard(
      turn,
      noAnswerCard(turn.language, {
        questionId: await recordQuestion(turn, services, 'abstain', [], turn.language),
      }),
    );
    return;
  }
  const questionId = await recordQuestion(
    turn,
    services,
    'answer',
    [entry],
    turn.language,
    titleOf(entry),
  );
  await sendCard(turn, answerCardFor(turn, entry, questionId));
}

export function answerCardFor(
  turn: Turn,
  entry: KnowledgeEntry,
  questionId: string,
  vote?: 'up' | 'down',
) {
  const prompts = [...entry.prompts]
    .sort((a, b) => a.displayOrder - b.displayOrder)
    .map((prompt) => ({ text: prompt.displayText, entryId: prompt.qnaId }));
  return answerCard(turn.language, {
    title: titleOf(entry),
    answer: entry.answer,
    entryId: entry.id,
    questionId,
    prompts,
    vote,
  });
}

function titleOf(entry: KnowledgeEntry): string {
  return entry.questions[0] ?? '';
}

async function recordQuestion(
  turn: Turn,
  services: DialogServices,
  outcome: Outcome,
  shown: KnowledgeEntry[],
  language: 'de' | 'en',
  text = turn.text,
): Promise<string> {
  const question = await services.questions.record({
    askerId: profileIdOf(turn.identity),
    text,
    language,
    unit: await unitOf(turn, services),
    outcome,
    entryIds: shown.map((entry) => entry.id),
  });
  return question.id;
}

/** The asker's unit for the gap statistics; unknown when the directory cannot tell. */
async function unitOf(turn: Turn, services: DialogServices): Promise<string | null> {
  const key = turn.identity.aadObjectId;
  if (!key) return null;
  try {
    return (await services.directory.findUser(key))?.department?.trim() || null;
  } catch {
    return null; // a degraded directory must not stop the answer
  }
}
