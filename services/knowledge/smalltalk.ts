/**
 * Small talk: a message that is nothing but a greeting, thanks, "how are you" or a
 * goodbye gets a short friendly reply instead of a search.
 */
import { textWords } from './analysis/analyser';
import { isEnglishStopWord } from './analysis/stopwords';
import { foldCase, foldTranscriptions } from './analysis/text';

export type SmallTalkKind = 'greeting' | 'thanks' | 'wellbeing' | 'goodbye';

export interface Reply {
  de: string;
  en: string;
}

const PHRASES: Record<SmallTalkKind, string[]> = {
  greeting: [
    'hallo',
    'hallöchen',
    'hi',
    'hey',
    'moin',
    'moin moin',
    'servus',
    'tach',
    'grüß gott',
    'guten morgen',
    'guten tag',
    'guten abend',
    'hello',
    'hi there',
    'good morning',
    'good afternoon',
    'good evening',
  ],
  thanks: [
    'danke',
    'danke schön',
    'dankeschön',
    'vielen dank',
    'besten dank',
    'merci',
    'super danke',
    'hat geholfen',
    'hat geklappt',
    'thanks',
    'thank you',
    'thx',
    'cheers',
  ],
  wellbeing: [
    'wie gehts',
    'wie geht es',
    'wie geht es dir',
    'wie geht es ihnen',
    'alles gut',
    'alles klar bei dir',
    'how are you',
    'how are you doing',
  ],
  goodbye: [
    'tschüss',
    'tschüs',
    'ciao',
    'bye',
    'auf wiedersehen',
    'bis bald',
    'bis später',
    'schönen tag',
    'schönes wochenende',
    'schönen feierabend',
    'goodbye',
    'see you',
    'have a nice day',
  ],
};

export const smallTalkReplies: Record<SmallTalkKind, Reply> = {
  greeting: {
    de: 'Hallo! Stellen Sie mir gern Ihre Frage zur digitalen Arbeit – in einem kurzen Satz.',
    en: 'Hello! Feel free to ask me your question about digital work – in one short sentence.',
  },
  thanks: {
    de: 'Gern geschehen! Melden Sie sich, wenn Sie noch etwas brauchen.',
    en: "You're welcome! Just ask if you need anything else.",
  },
  wellbeing: {
    de: 'Danke der Nachfrage – mir geht es gut. Wobei kann ich Ihnen helfen?',
    en: "Thanks for asking – I'm fine. How can I help you?",
  },
  goodbye: {
    de: 'Auf Wiedersehen und einen schönen Tag!',
    en: 'Goodbye and have a nice day!',
  },
};

/** Whom a greeting may name without it becoming a question ("Hallo Bot!"). */
const ADDRESSEES = new Set(['bot', 'lotse', 'lotsin', 'digitallotse', 'there', 'you']);

const fold = (text: string): string =>
  foldTranscriptions(foldCase(text))
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Longest phrases first, so "wie geht es dir" wins over "wie geht es". */
const patterns = (Object.keys(PHRASES) as SmallTalkKind[])
  .flatMap((kind) => PHRASES[kind].map((phrase) => ({ kind, phrase: fold(phrase) })))
  .sort((a, b) => b.phrase.length - a.phrase.length);

/** The kind of small talk if the message is only small talk, otherwise undefined. */
export function detectSmallTalk(message: string): SmallTalkKind | undefined {
  let rest = ` ${fold(message)} `;
  let kind: SmallTalkKind | undefined;
  for (const pattern of patterns) {
    const needle = ` ${pattern.phrase} `;
    if (!rest.includes(needle)) continue;
    kind ??= pattern.kind;
    while (rest.includes(needle)) rest = rest.replace(needle, ' ');
  }
  if (!kind) return undefined;
  const leftover = textWords(rest, 'de').filter(
    (word) => !word.stop && !isEnglishStopWord(word.lower) && !ADDRESSEES.has(word.folded),
  );
  return leftover.length === 0 ? kind : undefined;
}
