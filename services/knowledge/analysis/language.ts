import type { Language } from '../model';
import { isEnglishStopWord, isGermanStopWord } from './stopwords';
import { words } from './text';

const GERMAN_LETTERS = /[äöüß]/i;

/**
 * German or English, from the function words of the text: short chat messages are too
 * short for letter statistics, but "how do I" or "wie kann ich" decide at once.
 * Undecided text is German, the bot's first language.
 */
export function detectLanguage(text: string): Language {
  let german = GERMAN_LETTERS.test(text) ? 2 : 0;
  let english = 0;
  for (const word of words(text)) {
    const de = isGermanStopWord(word.lower);
    const en = isEnglishStopWord(word.lower);
    if (de && !en) german += 1;
    if (en && !de) english += 1;
  }
  return english > german ? 'en' : 'de';
}
