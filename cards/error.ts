import { renderCard, type CardAttachment } from './render';
import { strings, type Language } from './strings';
import template from './templates/error.json';

export type ErrorKind = 'internal' | 'unavailable';

/** A friendly error: never a stack trace, only a reference the service desk can look up. */
export function errorCard(
  language: Language,
  kind: ErrorKind,
  correlationId?: string,
): CardAttachment {
  const t = strings[language];
  const message = kind === 'unavailable' ? t.unavailableText : t.errorText;
  return renderCard(template, language, { message, correlationId });
}
