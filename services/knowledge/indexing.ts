/**
 * The in-memory index of a knowledge base: every phrasing and the answer of every entry as
 * index terms (stems, compound and hyphen parts), with document frequencies, postings and
 * the vocabulary the query analyser matches against.
 */
import { textWords, type TextWord } from './analysis/analyser';
import { learnCompoundHeads, splitCompound, type CompoundVocabulary } from './analysis/compounds';
import { thesaurusWords } from './analysis/lexicon';
import { messageClauses } from './analysis/focus';
import { isListedWord, rankingOf } from './analysis/salience';
import { separableVerb } from './analysis/separable';
import { stemGerman } from './analysis/stemming';
import { isFoldedGermanStopWord } from './analysis/stopwords';
import { Vocabulary } from './analysis/vocabulary';
import type { KnowledgeEntry } from './model';

/** A word of a phrasing: its own stem and, for a compound, the stems of its parts. */
export interface IndexedWord {
  stem: string;
  parts: string[];
  stop: boolean;
}

export interface IndexedEntry {
  entry: KnowledgeEntry;
  phrasings: IndexedWord[][];
  /** Entry ids this entry's prompts lead to. */
  promptTargets: ReadonlySet<string>;
}

/** Where a term occurs in an entry. */
export const IN_QUESTION = 1;
export const IN_ANSWER = 2;

export interface Posting {
  /** Entry positions. */
  entries: number[];
  /** IN_QUESTION | IN_ANSWER for each entry position. */
  fields: number[];
}

export interface IndexData {
  entries: IndexedEntry[];
  vocabulary: Vocabulary;
  /** Inverse document frequency per term, over entries. */
  idf: ReadonlyMap<string, number>;
  /** Idf of a word no entry contains. */
  unseenIdf: number;
  postings: ReadonlyMap<string, Posting>;
}

const PLACEHOLDER = /<[^>\s][^>]*>/g;

export function buildIndexData(source: readonly KnowledgeEntry[]): IndexData {
  const read = source.map((entry) => ({
    entry,
    phrasings: entry.questions.map(phrasingClauses),
    answer: textWords(entry.answer.replace(PLACEHOLDER, ' ')),
  }));
  // Separable verbs of the phrasings are joined ("richte … ein" → "einrichte") when the
  // joined word is one the knowledge base, the thesaurus or general German knows.
  const knownStems = new Set([
    ...surfacesOf(read.flatMap((r) => [...r.phrasings.flat(2), ...r.answer])).values(),
    ...thesaurusWords.values(),
  ]);

  const raw = read.map(({ entry, phrasings, answer }) => ({
    entry,
    phrasings: phrasings.map((clauses) =>
      clauses.flatMap((clause) => joinSeparable(clause, knownStems)),
    ),
    answer,
  }));
  const allWords = raw.flatMap((r) => [...r.phrasings.flat(), ...r.answer]);
  const surfaces = surfacesOf(allWords);
  const known = {
    ...splitterOf(new Set(surfaces.values()), surfaces),
    isWord: (w: string) => surfaces.has(w),
  };
  for (const head of learnCompoundHeads([...surfaces.keys()], known)) {
    if (!surfaces.has(head)) surfaces.set(head, stemGerman(head));
  }
  const splitter = splitterOf(new Set(surfaces.values()), surfaces);
  const indexWord = (word: TextWord): IndexedWord => indexedWord(word, splitter);

  const entries: IndexedEntry[] = [];
  const postings = new Map<string, Posting>();
  raw.forEach(({ entry, phrasings, answer }, position) => {
    const indexedPhrasings = phrasings.map((words) => words.map(indexWord));
    entries.push({
      entry,
      phrasings: indexedPhrasings,
      promptTargets: new Set(entry.prompts.map((prompt) => prompt.qnaId)),
    });
    const question = new Set(indexedPhrasings.flat().flatMap(termsOf));
    const answerTerms = new Set(answer.map(indexWord).flatMap(termsOf));
    addPostings(postings, position, question, answerTerms);
  });

  const count = entries.length;
  const idfOf = (df: number): number => Math.log(1 + (count - df + 0.5) / (df + 0.5));
  const idf = new Map<string, number>();
  // An entry's topic words stand in its phrasings; its answer mentions much besides. So an
  // occurrence in a phrasing counts fully for the document frequency, one only in an answer
  // counts half.
  for (const [term, posting] of postings) {
    const inQuestions = posting.fields.filter((fields) => (fields & IN_QUESTION) !== 0).length;
    idf.set(term, idfOf((inQuestions + posting.entries.length) / 2));
  }

  const contentStems = new Set<string>();
  for (const word of allWords) {
    if (word.stop) continue;
    const indexed = indexWord(word);
    // The joined form of a hyphenated word is a term but no word of its own.
    if (word.hyphenParts.length === 0) contentStems.add(indexed.stem);
    for (const part of indexed.parts) contentStems.add(part);
  }
  // The general-German ranking the query analysis reads salience from.
  rankingOf();
  const vocabulary = new Vocabulary(
    new Set(postings.keys()),
    contentStems,
    surfaces,
    thesaurusWords,
  );
  return { entries, vocabulary, idf, unseenIdf: idfOf(0), postings };
}

function addPostings(
  postings: Map<string, Posting>,
  position: number,
  question: ReadonlySet<string>,
  answer: ReadonlySet<string>,
): void {
  for (const term of new Set([...question, ...answer])) {
    let posting = postings.get(term);
    if (!posting) postings.set(term, (posting = { entries: [], fields: [] }));
    posting.entries.push(position);
    posting.fields.push(
      (question.has(term) ? IN_QUESTION : 0) | (answer.has(term) ? IN_ANSWER : 0),
    );
  }
}

/** The words of a phrasing, clause by clause (a separable verb ends its clause). */
function phrasingClauses(question: string): TextWord[][] {
  return messageClauses(question).map((clause) => textWords(clause.text));
}

/** A clause with its separable verb, if any, read as one word ("einrichte"). */
function joinSeparable(clause: TextWord[], knownStems: ReadonlySet<string>): TextWord[] {
  const verb = separableVerb(clause, (stem) => knownStems.has(stem), isListedWord);
  if (!verb) return clause;
  const { folded, stem } = verb.form;
  // The particle becomes part of the verb: "füge … hinzu" is "hinzufügen", not also "hinzu".
  return clause
    .slice(0, clause.length - verb.particleWords)
    .map((word, i) =>
      i === verb.position ? { lower: folded, folded, stem, stop: false, hyphenParts: [] } : word,
    );
}

/** Folded content words (and hyphen parts) with their stems. */
function surfacesOf(words: TextWord[]): Map<string, string> {
  const surfaces = new Map<string, string>();
  for (const word of words) {
    if (word.stop) continue;
    surfaces.set(word.folded, word.stem);
    for (const part of word.hyphenParts) surfaces.set(part.folded, part.stem);
  }
  return surfaces;
}

/** What compound splitting of the knowledge base's own words may use: its content words. */
function splitterOf(
  stems: ReadonlySet<string>,
  surfaces: ReadonlyMap<string, string>,
): CompoundVocabulary {
  return {
    isKnownForm: (folded) => surfaces.has(folded) || stems.has(folded),
    isKnownHead: (folded) => surfaces.has(folded) || stems.has(stemGerman(folded)),
    isStopWord: isFoldedGermanStopWord,
  };
}

function indexedWord(word: TextWord, splitter: CompoundVocabulary): IndexedWord {
  if (word.stop) return { stem: word.stem, parts: [], stop: true };
  const pieces = word.hyphenParts.length > 0 ? word.hyphenParts : [word];
  const parts = pieces.flatMap((piece) => {
    const split = splitCompound(piece.folded, splitter);
    return split ? split.map(stemGerman) : [piece.stem];
  });
  const single = parts.length === 1 && parts[0] === word.stem;
  return { stem: word.stem, parts: single ? [] : parts, stop: false };
}

function termsOf(word: IndexedWord): string[] {
  return [word.stem, ...word.parts];
}
