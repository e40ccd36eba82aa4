import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import template from './templates/suggestions.json';

export interface SuggestionsCardData {
  questionId: string;
  /** At most three, best first. */
  suggestions: Array<{ text: string; entryId: string }>;
}

export function suggestionsCard(language: Language, data: SuggestionsCardData): CardAttachment {
  return renderCard(template, language, { ...data, suggestions: data.suggestions.slice(0, 3) });
}
