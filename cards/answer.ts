import { renderCard, type CardAttachment } from './render';
import { strings, type Language } from './strings';
import template from './templates/answer.json';

export type Vote = 'up' | 'down';

export interface AnswerCardData {
  /** The knowledge-base question the answer belongs to. */
  title: string;
  /** Markdown, as stored in the knowledge base. */
  answer: string;
  entryId: string;
  /** The asked question this card answers (feedback and hand-off refer to it). */
  questionId: string;
  prompts: Array<{ text: string; entryId: string }>;
  /** The user's current vote, shown in words so nothing relies on colour alone. */
  vote?: Vote;
}

export function answerCard(language: Language, data: AnswerCardData): CardAttachment {
  const t = strings[language];
  const feedbackText =
    data.vote === 'up' ? t.voteThanksUp : data.vote === 'down' ? t.voteThanksDown : t.answerHelpful;
  return renderCard(template, language, {
    ...data,
    feedbackText,
    upTitle: data.vote === 'up' ? `${t.voteUp} ✓` : t.voteUp,
    downTitle: data.vote === 'down' ? `${t.voteDown} ✓` : t.voteDown,
  });
}
