import type { Doc } from '../storage';

export type Outcome = 'answer' | 'suggest' | 'abstain' | 'smalltalk';
export type Vote = 'up' | 'down';

/** A question asked in the bot chat: what the hand-off and the feedback refer to. */
export interface AskedQuestion extends Doc {
  askerId: string;
  text: string;
  language: 'de' | 'en';
  /** The asker's unit (department) when the directory knows it. */
  unit: string | null;
  outcome: Outcome;
  /** The entries the bot showed, best first. */
  entryIds: string[];
  createdAt: string;
}

/** One vote per user and answer; voting again changes it. */
export interface Feedback extends Doc {
  askerId: string;
  entryId: string;
  questionId: string;
  vote: Vote;
  updatedAt: string;
}

/**
 * A question the knowledge base could not serve (no answer, or 👎), kept for the organisers
 * to close the gap: with the unit, never with the name.
 */
export interface KnowledgeGap extends Doc {
  text: string;
  unit: string | null;
  reason: 'unanswered' | 'downvoted';
  entryId?: string;
  createdAt: string;
}

export const QUESTIONS_CONTAINER = 'questions';
export const FEEDBACK_CONTAINER = 'feedback';
export const GAPS_CONTAINER = 'knowledge-gaps';
