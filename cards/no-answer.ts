import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import template from './templates/no-answer.json';

/** The honest "I don't know", with the way to a person. */
export function noAnswerCard(language: Language, data: { questionId: string }): CardAttachment {
  return renderCard(template, language, data);
}
