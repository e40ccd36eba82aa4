import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import template from './templates/welcome.json';

export interface WelcomeCardData {
  /** The asker's lotse, when the directory knows one. */
  lotse?: { name: string; unit: string };
}

export function welcomeCard(language: Language, data: WelcomeCardData = {}): CardAttachment {
  return renderCard(template, language, { ...data });
}
