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
  return renderCard(template, language, { ...data });
}
