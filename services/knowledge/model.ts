/** The knowledge base as the bot sees it: one entry per answer, with all its phrasings. */

export type Language = 'de' | 'en';

/** A follow-up button under an answer (QnA Maker "prompt"), pointing to another entry. */
export interface Prompt {
  displayText: string;
  /** The id of the entry the prompt leads to. */
  qnaId: string;
  displayOrder: number;
}

export interface KnowledgeEntry {
  /** The QnA Maker QnaId as a string of digits. */
  id: string;
  /** All phrasings of the question; the first is the main one. */
  questions: string[];
  /** Markdown; real newlines (the TSV escapes them as `\n`). */
  answer: string;
  /** Free key/value tags such as topic and audience. */
  metadata: Record<string, string>;
  prompts: Prompt[];
  /** Only reachable as a follow-up of an entry that prompts to it. */
  isContextOnly: boolean;
  source: string;
  /** Kept verbatim so that an export gives back what was imported. */
  suggestedQuestions: string;
  language: Language;
  createdAt: string;
  updatedAt: string;
}
