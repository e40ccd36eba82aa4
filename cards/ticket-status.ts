import { escapeMarkdown } from './markdown';
import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import { plainTicketTexts, type StatusColor } from './ticket';
import answerTemplate from './templates/ticket-answer.json';
import statusTemplate from './templates/ticket-status.json';

export interface TicketStatusCardData {
  ticketId: string;
  version: number;
  title: string;
  question: string;
  /** Who has the request and what happens next. */
  status: string;
  statusColor: StatusColor;
  note: string;
  additions: Array<{ at: string; text: string }>;
  actions: { addInfo: boolean; withdraw: boolean; reopen: boolean };
}

/** The asker's card of a request: where it is, with "Information ergänzen" and "Zurückziehen". */
export function ticketStatusCard(language: Language, data: TicketStatusCardData): CardAttachment {
  return renderCard(statusTemplate, language, { ...data, ...plainTicketTexts(data) });
}

export interface TicketAnswerCardData {
  ticketId: string;
  version: number;
  /** "Antwort von …" */
  title: string;
  question: string;
  answer: string;
  status: string;
  statusColor: StatusColor;
  actions: { solved: boolean; reopen: boolean };
}

/** The lotse's answer in the asker's chat, with "Gelöst" / "Noch nicht gelöst". */
export function ticketAnswerCard(language: Language, data: TicketAnswerCardData): CardAttachment {
  return renderCard(answerTemplate, language, {
    ...data,
    title: escapeMarkdown(data.title),
    status: escapeMarkdown(data.status),
    question: escapeMarkdown(data.question),
    answer: escapeMarkdown(data.answer),
  });
}
