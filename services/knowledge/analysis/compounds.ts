/**
 * German compound splitting against a known vocabulary: "passwortänderung" →
 * passwort + änderung, "lotsenschulung" → lotsen + schulung. The head (last part) may be
 * inflected; the modifier may carry a linking element (Funktion-s-postfach).
 */
import type { WordForm } from './analyser';
import { stemGerman } from './stemming';

export interface CompoundVocabulary {
  /** Is this folded word, uninflected, a known word (or stem) of its own? */
  isKnownForm(folded: string): boolean;
  /** Is this folded word, possibly inflected, a known word? */
  isKnownHead(folded: string): boolean;
  isStopWord(folded: string): boolean;
}

const LINKERS = ['', 's', 'es', 'n', 'en', 'e'];
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;
const MIN_UNKNOWN_MODIFIER = 5;
const MIN_LEARNED_HEAD = 5;

/**
 * The parts of a compound, longest known head first, or undefined when the word does not
 * split. With `allowUnknownModifier`, "sammelpostfach" still yields sammel + postfach when
 * only "postfach" is known: the head carries the meaning of a German compound.
 */
export function splitCompound(
  word: string,
  vocabulary: CompoundVocabulary,
  allowUnknownModifier = false,
  depth = 0,
): string[] | undefined {
  if (word.length < MIN_HEAD + MIN_MODIFIER || depth > 2) return undefined;
  let fallback: string[] | undefined;
  for (let start = MIN_MODIFIER; start <= word.length - MIN_HEAD; start++) {
    const head = word.slice(start);
    if (!vocabulary.isKnownHead(head)) continue;
    const modifier = word.slice(0, start);
    const known = knownModifier(modifier, vocabulary);
    if (known) return [known, head];
    const parts = splitCompound(modifier, vocabulary, false, depth + 1);
    if (parts) return [...parts, head];
    if (
      allowUnknownModifier &&
      !fallback &&
      modifier.length >= MIN_UNKNOWN_MODIFIER &&
      !vocabulary.isStopWord(modifier)
    ) {
      fallback = [modifier, head];
    }
  }
  return fallback;
}

/** Endings that make a word of a stem: they follow stems but are no words of their own. */
const DERIVATION = /^(isch|lich|ier|ung|heit|keit|schaft|bar|sam|los|haft|ig)/;

/**
 * "lotsen|schulung" also reads as "lotse|nschulung" and "lotsens|chulung": a known head
 * a few letters off the split point means this is not a new head.
 */
function shiftedKnownHead(word: string, start: number, vocabulary: CompoundVocabulary): boolean {
  for (let shift = -2; shift <= 2; shift++) {
    const head = word.slice(start + shift);
    if (shift !== 0 && head.length >= MIN_HEAD && vocabulary.isKnownHead(head)) return true;
  }
  return false;
}

function knownModifier(modifier: string, vocabulary: CompoundVocabulary): string | undefined {
  for (const linker of LINKERS) {
    if (!modifier.endsWith(linker)) continue;
    const stem = modifier.slice(0, modifier.length - linker.length);
    if (stem.length < MIN_MODIFIER || vocabulary.isStopWord(stem)) continue;
    if (vocabulary.isKnownForm(stem)) return stem;
  }
  return undefined;
}

/**
 * Heads that occur only inside compounds ("Handynummer", "Ticketnummer" → "nummer"): a
 * remainder seen after at least two different whole words is taken as a word.
 */
export function learnCompoundHeads(
  words: Iterable<string>,
  vocabulary: CompoundVocabulary & { isWord(folded: string): boolean },
): Set<string> {
  const { isWord, isStopWord } = vocabulary;
  const modifiersByHead = new Map<string, Set<string>>();
  for (const word of words) {
    for (let start = MIN_MODIFIER; start <= word.length - MIN_LEARNED_HEAD; start++) {
      const whole = word.slice(0, start);
      const modifier = isWord(whole)
        ? whole
        : word[start - 1] === 's'
          ? word.slice(0, start - 1)
          : '';
      if (modifier.length < MIN_MODIFIER || isStopWord(modifier) || !isWord(modifier)) continue;
      const head = word.slice(start);
      if (DERIVATION.test(head) || shiftedKnownHead(word, start, vocabulary)) continue;
      const modifiers = modifiersByHead.get(head);
      if (modifiers) modifiers.add(modifier);
      else modifiersByHead.set(head, new Set([modifier]));
    }
  }
  const heads = new Set<string>();
  for (const [head, modifiers] of modifiersByHead) {
    if (modifiers.size >= 2 && !isStopWord(head)) heads.add(head);
  }
  return heads;
}

/**
 * A compound written as two words ("Sammel Postfach", "help desk"): the stem of the two
 * joined when `knows` accepts it, else undefined.
 */
export function compoundWrittenApart(
  modifier: WordForm,
  head: WordForm,
  knows: (stem: string) => boolean,
): string | undefined {
  if (modifier.folded.length < MIN_MODIFIER || head.folded.length < MIN_HEAD) return undefined;
  const stem = stemGerman(`${modifier.folded}${head.folded}`);
  return knows(stem) ? stem : undefined;
}
