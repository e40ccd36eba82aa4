import { escapeMarkdown } from './markdown';
import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import template from './templates/ticket-list.json';

export interface TicketListItem {
  ticketId: string;
  /** Reference, state and date. */
  heading: string;
  /** Who asks (for lotsen) or who has it (for askers). */
  detail: string;
  /** The question, shortened. */
  question: string;
}

export interface TicketListCardData {
  title: string;
  empty: string;
  items: TicketListItem[];
}

/** "Meine Anfragen" and "Meine Tickets": one line per ticket and a button that shows its card. */
export function ticketListCard(language: Language, data: TicketListCardData): CardAttachment {
  const items = data.items
    .slice(0, 15)
    .map((item) => ({ ...item, question: escapeMarkdown(item.question) }));
  return renderCard(template, language, { ...data, items });
}
