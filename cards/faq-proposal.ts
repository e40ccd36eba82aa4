import { escapeMarkdown } from './markdown';
import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import template from './templates/faq-proposal.json';

export interface FaqProposalCardData {
  proposalId: string;
  question: string;
  answer: string;
  proposedBy: string;
  /** The existing entry closest to the question: the proposal may be a further phrasing of it. */
  nearest?: { id: string; title: string };
  /** Set once decided: the card then shows the outcome instead of the form. */
  outcome?: string;
}

export function faqProposalCard(language: Language, data: FaqProposalCardData): CardAttachment {
  return renderCard(template, language, {
    ...data,
    // Open, the question is an input (plain text); decided, a Markdown text block.
    question: data.outcome === undefined ? data.question : escapeMarkdown(data.question),
    proposedBy: escapeMarkdown(data.proposedBy),
    nearest: data.nearest && { id: data.nearest.id, title: escapeMarkdown(data.nearest.title) },
  });
}
