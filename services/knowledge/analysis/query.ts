/**
 * A question turned into tokens, each with the index terms it may stand for. A word can be
 * read whole or, as a compound or hyphenated word, as its parts; each part lists the
 * index terms it matches, with a weight below 1 for anything less than an exact hit
 * (word family, synonym, translation, typo).
 */
import type { Language } from '../model';
import { textWords, type TextWord, type WordForm } from './analyser';
import { compoundWrittenApart, splitCompound } from './compounds';
import { DEFAULT_CONTEXT_WEIGHT, messageClauses } from './focus';
import {
  addresseeTerms,
  germanForEnglish,
  germanForMisspeltEnglish,
  germanFunctionWordFor,
  synonymsOf,
} from './lexicon';
import { stemGerman } from './stemming';
import { isListedWord, salienceOf } from './salience';
import { separableVerb, type SeparableVerb } from './separable';
import { isMisspeltStopWord } from './stopwords';
import { participleBase, TYPO_WEIGHT, verbBases, type Vocabulary } from './vocabulary';

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
  /** Unknown, but one letter off a stop word ("nihct"): read as that stop word. */
  misspeltStop: boolean;
  /** The weight of its sentence: 1 where the message asks, less in the context around. */
  weight: number;
  /** How much the word names a topic in general German, 0..1 (0 for stop words). */
  salience: number;
  /** Empty when nothing in the vocabulary matches the word. */
  readings: Reading[];
}

export interface QueryOptions {
  /** Weight of a sentence that does not ask, when another one does. */
  contextWeight: number;
}

export const defaultQueryOptions: QueryOptions = {
  contextWeight: DEFAULT_CONTEXT_WEIGHT,
};

const SYNONYM_WEIGHT = 0.85;
/** The frequency list is German; an English content word counts as half a topic. */
const ENGLISH_SALIENCE = 0.5;
const TRANSLATION_WEIGHT = 0.9;
/** A translation of a misspelt English word: a translation as sure as a typo guess. */
const MISSPELT_ENGLISH_WEIGHT = TRANSLATION_WEIGHT * TYPO_WEIGHT;
/** A verb form read as its infinitive: as sure as a word family. */
const VERB_FORM_WEIGHT = 0.85;
/** Stems shorter than this are too short to guess a typo from ("lust" is no "list"). */
const MIN_STEM_TYPO = 6;
/** "du" for the bot: a hint between close entries, not a topic. */
const ADDRESSEE_WEIGHT = 0.4;

export function analyseQuery(
  text: string,
  language: Language,
  vocabulary: Vocabulary,
  options: QueryOptions = defaultQueryOptions,
): QueryToken[] {
  const clauses = messageClauses(text, options.contextWeight).map((clause) => ({
    weight: clause.weight,
    words: textWords(clause.text, language),
  }));
  return clauses.flatMap(({ weight, words }) => {
    const joined = language === 'de' ? joinedVerb(words, vocabulary) : undefined;
    // A compound written apart ("Sammel Postfach") is also read whole, at its head.
    const apart = words.map((word, i) => {
      const modifier = words[i - 1];
      return modifier && !modifier.stop && !word.stop
        ? compoundWrittenApart(modifier, word, (stem) => vocabulary.hasTerm(stem))
        : undefined;
    });
    return words.map((word, i) => {
      const readings = word.stop
        ? stopReadings(word, language, vocabulary)
        : readingsOf(word, language, vocabulary);
      const compound = apart[i];
      if (compound !== undefined) readings.push([[{ term: compound, weight: 1 }]]);
      let separable = false;
      if (joined?.position === i) {
        const matches = matchesOf(joined.form, joined.form.folded, language, vocabulary, true);
        if (matches.length > 0) readings.push([matches]);
        separable = matches.length > 0;
      }
      // A modifier known only as part of the compound is no word of its own.
      const modifierOnly = apart[i + 1] !== undefined && readings.length === 0;
      // A word of general German ("Hund", "Wetter") is no misspelt stop word ("und", "weiter").
      const misspeltStop =
        readings.length === 0 &&
        !word.stop &&
        !isListedWord(word.folded) &&
        isMisspeltStopWord(word.folded);
      // A verb that is a stop word alone ("geht") carries the topic with its particle; the
      // particle itself ("füge … hinzu") is part of the verb, not a word of its own.
      const particle = joined !== undefined && i >= words.length - joined.particleWords;
      const stop = (word.stop && !separable) || misspeltStop || particle || modifierOnly;
      return {
        word: word.folded,
        stop,
        misspeltStop,
        weight,
        salience: stop ? 0 : language === 'en' ? ENGLISH_SALIENCE : salienceOf(word.folded),
        readings,
      };
    });
  });
}

/**
 * The separable verb of a clause whose joined form the vocabulary knows, itself or by a
 * synonym: "läuft … ab" → "Ablauf", "mach … auf" → "aufmachen" ~ "erstellen".
 */
function joinedVerb(words: TextWord[], vocabulary: Vocabulary): SeparableVerb | undefined {
  return separableVerb(
    words,
    (stem) =>
      vocabulary.hasTerm(stem) ||
      vocabulary.related(stem).length > 0 ||
      synonymsOf(stem).some((synonym) => vocabulary.hasTerm(synonym)),
  );
}

function stopReadings(word: TextWord, language: Language, vocabulary: Vocabulary): Reading[] {
  const term = language === 'en' ? germanFunctionWordFor(word.lower) : word.stem;
  const matches = term && vocabulary.hasTerm(term) ? [{ term, weight: 1 }] : [];
  for (const bot of addresseeTerms(word.folded)) {
    if (vocabulary.hasTerm(bot)) matches.push({ term: bot, weight: ADDRESSEE_WEIGHT });
  }
  return matches.length > 0 ? [[matches]] : [];
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
  const misspeltEnglish = (): void => {
    for (const german of germanForMisspeltEnglish(lower)) add(german, MISSPELT_ENGLISH_WEIGHT);
  };
  if (language === 'en' && found.size === 0 && guess) misspeltEnglish();
  if (found.size === 0 && guess) {
    for (const match of guesses(word, vocabulary)) {
      add(match.stem, match.weight);
      // A misspelt synonym ("geklapt" → "geklaut") leads to the word the KB uses.
      for (const synonym of synonymsOf(match.stem)) add(synonym, match.weight * SYNONYM_WEIGHT);
    }
  }
  // An English word in a German message ("pasword vergessn") only when no German reading fits.
  if (language === 'de' && found.size === 0 && guess) misspeltEnglish();
  for (const [term, weight] of [...found]) {
    for (const member of vocabulary.family(term)) add(member.stem, weight * member.weight);
  }
  // Synonyms of the word and of its family ("angezeigt" → "anzeigen" ~ "auftauchen").
  for (const [term, weight] of [...found]) {
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
  if (related.length > 0) return related;
  // A verb form the stemmer keeps whole ("eingeplant", "genehmigt") read as its infinitive,
  // if the knowledge base or the thesaurus knows that.
  const verbs = verbBases(word.folded).flatMap((stem) => {
    const known = vocabulary.hasTerm(stem) || synonymsOf(stem).length > 0;
    return [...(known ? [{ stem, weight: VERB_FORM_WEIGHT }] : []), ...vocabulary.related(stem)];
  });
  if (verbs.length > 0) return verbs;
  const typos = vocabulary.typos(word.folded);
  // A misspelt form of a word the knowledge base has in another form ("srchick" for
  // "schicken") is met at the stem.
  return typos.length > 0 || word.stem.length < MIN_STEM_TYPO
    ? typos
    : vocabulary.stemTypos(word.stem);
}
