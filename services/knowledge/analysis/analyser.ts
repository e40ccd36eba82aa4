/** The words of a text in comparable form, stop words marked, numbers dropped. */
import type { Language } from '../model';
import { stemGerman } from './stemming';
import { isEnglishStopWord, isFoldedGermanStopWord, isGermanStopWord } from './stopwords';
import { words } from './text';

export interface WordForm {
  folded: string;
  stem: string;
}

export interface TextWord extends WordForm {
  /** Lower case as typed, for English look-ups. */
  lower: string;
  /** A stop word of the text's language: it only tips the balance between close entries. */
  stop: boolean;
  /** The content parts of a hyphenated word ("Self-Service-Passwort"); empty otherwise. */
  hyphenParts: WordForm[];
}

const NUMBER = /^\p{N}+$/u;

const isStop = (lower: string, language: Language): boolean =>
  language === 'en' ? isEnglishStopWord(lower) : isGermanStopWord(lower);

/** The words of a text read as the given language; numbers and single letters drop. */
export function textWords(text: string, language: Language = 'de'): TextWord[] {
  const result: TextWord[] = [];
  for (const word of words(text)) {
    if (word.folded.length < 2 || NUMBER.test(word.folded)) continue;
    const hyphenParts = word.parts
      .filter((part) => part.length >= 2 && !NUMBER.test(part) && !isFoldedGermanStopWord(part))
      .map((part) => ({ folded: part, stem: stemGerman(part) }));
    result.push({
      lower: word.lower,
      folded: word.folded,
      stem: stemGerman(word.folded),
      stop: isStop(word.lower, language),
      hyphenParts,
    });
  }
  return result;
}
