import { escapeMarkdown } from './markdown';
import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import template from './templates/welcome.json';

export interface WelcomeCardData {
  /** The asker's lotse, when the directory knows one. */
  lotse?: { name: string; unit: string };
}

export function welcomeCard(language: Language, data: WelcomeCardData = {}): CardAttachment {
  const lotse = data.lotse && {
    name: escapeMarkdown(data.lotse.name),
    unit: escapeMarkdown(data.lotse.unit),
  };
  return renderCard(template, language, { lotse });
}
