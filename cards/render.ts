import { Template } from 'adaptivecards-templating';
import { strings, type Language, type Strings } from './strings';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** An Adaptive Card ready to attach to an activity (shape of a Bot Framework attachment). */
export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: Record<string, unknown>;
}

/**
 * Expands a template with the data and the strings of the language. Values from the
 * data are inserted as they are: the templating engine never evaluates `${...}` inside
 * data, so user text cannot act as a template expression.
 */
export function renderCard(
  template: object,
  language: Language,
  data: Record<string, unknown> = {},
): CardAttachment {
  const content = new Template(template).expand({
    $root: { ...data, t: strings[language] satisfies Strings, lang: language },
  }) as Record<string, unknown>;
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}
