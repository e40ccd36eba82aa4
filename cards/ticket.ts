import { escapeMarkdown } from './markdown';
import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import template from './templates/ticket.json';

/** The colours a status line may have (Adaptive Cards' names). */
export type StatusColor = 'Default' | 'Good' | 'Attention' | 'Warning' | 'Accent';

export interface TicketCardData {
  ticketId: string;
  /** The ticket version the card shows; every button sends it back. */
  version: number;
  title: string;
  facts: Array<{ title: string; value: string }>;
  status: string;
  statusColor: StatusColor;
  /** A forward reason or closing note; '' for none. */
  note: string;
  question: string;
  additions: Array<{ at: string; text: string }>;
  suggested: Array<{ title: string }>;
  answers: Array<{ heading: string; text: string }>;
  /** Teams chat with the asker; '' when the directory has no UPN. */
  chatUrl: string;
  actions: {
    claim: boolean;
    answer: boolean;
    forward: boolean;
    proposeFaq: boolean;
    close: boolean;
  };
  forwardChoices: Array<{ title: string; value: string }>;
}

/** The card a lotse works a ticket from: claim, answer, chat, forward, propose as FAQ, close. */
export function ticketCard(language: Language, data: TicketCardData): CardAttachment {
  // Every text block holds words of people (question, additions, answers, notes) or names
  // from the directory: shown as written, never as Markdown.
  return renderCard(template, language, {
    ...data,
    ...plainTicketTexts(data),
    facts: data.facts.map((fact) => ({ ...fact, value: escapeMarkdown(fact.value) })),
    answers: data.answers.map((answer) => ({
      heading: escapeMarkdown(answer.heading),
      text: escapeMarkdown(answer.text),
    })),
  });
}

/** The texts every ticket card shows, escaped: people type them or the directory names them. */
export function plainTicketTexts(data: {
  title: string;
  status: string;
  note: string;
  question: string;
  additions: Array<{ at: string; text: string }>;
}): Pick<TicketCardData, 'title' | 'status' | 'note' | 'question' | 'additions'> {
  return {
    title: escapeMarkdown(data.title),
    status: escapeMarkdown(data.status),
    note: escapeMarkdown(data.note),
    question: escapeMarkdown(data.question),
    additions: data.additions.map((addition) => ({
      ...addition,
      text: escapeMarkdown(addition.text),
    })),
  };
}
