/**
 * A question turned into tokens, each with the index terms it may stand for. A word can be
 * read whole or, as a compound or hyphenated word, as its parts; each part lists the
 * index terms it matches, with a weight below 1 for anything less than an exact hit
 * (word family, synonym, translation, typo).
 */
import type { Language } from '../model';
import { textWords, type TextWord, type WordForm } from './analyser';
import { splitCompound } from './compounds';
import { germanForEnglish, germanFunctionWordFor, synonymsOf } from './lexicon';
import { stemGerman } from './stemming';
import { participleBase, type Vocabulary } from './vocabulary';

export interface TermMatch {
  term: string;
  weight: number;
}

/** One way to read a word: its parts (one for a plain word), each with its matches. */
export type Reading = TermMatch[][];

export interface QueryToken {
  /** The folded word, for explanations and tests. */
  word: string;
  /** A stop word: it only tips the balance between close entries. */
  stop: boolean;
  /** Empty when nothing in the vocabulary matches the word. */
  readings: Reading[];
}

const SYNONYM_WEIGHT = 0.85;
const TRANSLATION_WEIGHT = 0.9;

export function analyseQuery(
  text: string,
  language: Language,
  vocabulary: Vocabulary,
): QueryToken[] {
  return textWords(text, language).map((word) => ({
    word: word.folded,
    stop: word.stop,
    readings: word.stop
      ? stopReadings(word, language, vocabulary)
      : readingsOf(word, language, vocabulary),
  }));
}

function stopReadings(word: TextWord, language: Language, vocabulary: Vocabulary): Reading[] {
  const term = language === 'en' ? germanFunctionWordFor(word.lower) : word.stem;
  return term && vocabulary.hasTerm(term) ? [[[{ term, weight: 1 }]]] : [];
}

function readingsOf(word: TextWord, language: Language, vocabulary: Vocabulary): Reading[] {
  const readings: Reading[] = [];
  const whole = matchesOf(word, word.lower, language, vocabulary, word.hyphenParts.length === 0);
  if (whole.length > 0) readings.push([whole]);
  const parts =
    word.hyphenParts.length > 0
      ? word.hyphenParts.flatMap((part) => compoundParts(part, vocabulary))
      : compoundParts(word, vocabulary);
  if (parts.length > 1 || parts[0]?.stem !== word.stem) {
    const reading = parts.map((part) => matchesOf(part, part.folded, language, vocabulary, true));
    if (reading.some((matches) => matches.length > 0)) readings.push(reading);
  }
  return readings;
}

function compoundParts(word: WordForm, vocabulary: Vocabulary): WordForm[] {
  const parts = splitCompound(word.folded, vocabulary, true);
  return parts ? parts.map((folded) => ({ folded, stem: stemGerman(folded) })) : [word];
}

/** Index terms a single word matches; guesses (related forms, typos) only if nothing else. */
function matchesOf(
  word: WordForm,
  lower: string,
  language: Language,
  vocabulary: Vocabulary,
  guess: boolean,
): TermMatch[] {
  const found = new Map<string, number>();
  const add = (term: string, weight: number): void => {
    if (vocabulary.hasTerm(term) && (found.get(term) ?? 0) < weight) found.set(term, weight);
  };
  add(word.stem, 1);
  if (language === 'en' || found.size === 0) {
    for (const german of germanForEnglish(lower)) add(german, TRANSLATION_WEIGHT);
  }
  if (found.size === 0 && guess) {
    for (const match of guesses(word, vocabulary)) {
      add(match.stem, match.weight);
      // A misspelt synonym ("geklapt" → "geklaut") leads to the word the KB uses.
      for (const synonym of synonymsOf(match.stem)) add(synonym, match.weight * SYNONYM_WEIGHT);
    }
  }
  for (const [term, weight] of [...found]) {
    for (const member of vocabulary.family(term)) add(member.stem, weight * member.weight);
    for (const synonym of synonymsOf(term)) add(synonym, weight * SYNONYM_WEIGHT);
  }
  // A synonym the knowledge base does not use may still name a word it does.
  for (const synonym of synonymsOf(word.stem)) add(synonym, SYNONYM_WEIGHT);
  return [...found].map(([term, weight]) => ({ term, weight }));
}

function guesses(word: WordForm, vocabulary: Vocabulary): { stem: string; weight: number }[] {
  const related = vocabulary.related(word.stem);
  const base = participleBase(word.folded);
  if (base) related.push(...vocabulary.related(base));
  return related.length > 0 ? related : vocabulary.typos(word.folded);
}
