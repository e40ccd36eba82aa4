import { escapeMarkdown } from './markdown';
import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import type { StatusColor } from './ticket';
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
  return renderCard(statusTemplate, language, {
    ...data,
    question: escapeMarkdown(data.question),
    additions: data.additions.map((addition) => ({
      ...addition,
      text: escapeMarkdown(addition.text),
    })),
  });
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
    question: escapeMarkdown(data.question),
    answer: escapeMarkdown(data.answer),
  });
}
