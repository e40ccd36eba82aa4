/**
 * Words that carry no topic. The library lists are the base; the German one also holds
 * words that are topics in this domain (permissions, sizes, durations, people), which are
 * taken back out, and the fillers people add to a chat message are added.
 */
import levenshtein from 'damerau-levenshtein';
import { deu, eng } from 'stopword';
import { foldCase, foldTranscriptions } from './text';

const list = (text: string): string[] => text.trim().split(/\s+/);
const fold = (word: string): string => foldTranscriptions(foldCase(word));
/** Lower case with umlauts kept: "ändere" (change) is no "andere" (other). */
const lower = (word: string): string => word.toLowerCase().replace(/ß/g, 'ss');
/** The same word as typed without umlaut keys: "für" → "fuer". */
const transcribed = (word: string): string =>
  lower(word).replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');

/** Domain words in the German library list. */
const GERMAN_KEPT = list(`
  recht rechte rechten rechter rechtes gross grosse grossen grosser grosses groß große großen
  großer großes zeit tag tage tagen uhr jahr jahre jahren mensch menschen offen ordnung suche
  teil lang lange ende`);

/** Greetings, politeness and filler words of chat messages, German and English. */
const CHAT_FILLERS = list(`
  hallo hi hey moin servus tach guten grüß gruss gruß grüße gruesse bitte danke dank vielen
  schön lieben liebe lg vg mfg eigentlich halt irgendwie irgendwas irgendwo irgendwer quasi
  genau einfach echt total ziemlich grad gerade gestern vorhin ne nen ner nem nix nö jo okay
  ok ah oh äh ähm hmm gibts gehts hab habs hätt würd wär frage fragen kurze kurzes jemand
  leute please thanks thank hello dear just really actually anyone want need set get let know
  tell try trying able possible mach mache machst machste komm komme kommst geh gehe gehst tu
  tue tust wieviel wieviele`);

/**
 * Pronominal adverbs: "wo", "da" or "hier" with a preposition ("wobei", "womit", "hierfür").
 * The list has most "da…" forms; the others are function words all the same.
 */
const PREPOSITIONS = list(`
  an auf aus bei durch für gegen hinter in mit nach neben über um unter von vor zu zwischen`);
const PRONOMINAL_ADVERBS = PREPOSITIONS.flatMap((preposition) => {
  const linked = /^[aeiouäöü]/.test(preposition) ? `r${preposition}` : preposition;
  return [`wo${linked}`, `da${linked}`, `hier${preposition}`];
});

const germanWords = [...deu, ...CHAT_FILLERS, ...PRONOMINAL_ADVERBS].filter(
  (word) => !GERMAN_KEPT.includes(word),
);
const german = new Set(germanWords.flatMap((word) => [lower(word), transcribed(word)]));
const germanFolded = new Set(germanWords.map(fold));

const english = new Set([...eng, ...CHAT_FILLERS].map((word) => word.toLowerCase()));

/** Is the lower-case word (umlauts as typed) a German stop word? */
export function isGermanStopWord(lowerCase: string): boolean {
  return german.has(lowerCase.replace(/ß/g, 'ss'));
}

/**
 * Is the folded form that of a German stop word? Coarser (it cannot tell "andere" from
 * "ändere"); for word parts, where only the folded form exists.
 */
export function isFoldedGermanStopWord(folded: string): boolean {
  return germanFolded.has(folded);
}

/** Is the lower-case word an English stop word? */
export function isEnglishStopWord(lower: string): boolean {
  return english.has(lower);
}

const MIN_STOP_TYPO_LENGTH = 4;

/** Stop words by length, folded, German and English: the targets of a misspelt stop word. */
const stopWordsByLength = new Map<number, string[]>();
for (const word of new Set([...germanFolded, ...english])) {
  const bucket = stopWordsByLength.get(word.length);
  if (bucket) bucket.push(word);
  else stopWordsByLength.set(word.length, [word]);
}

/**
 * Is a word the knowledge base does not know a misspelt stop word ("nihct", "miene")? One
 * edit away (a swap counts as one), from four letters on: otherwise it would weigh as an
 * unknown topic word and drag the message towards "no answer".
 */
export function isMisspeltStopWord(folded: string): boolean {
  if (folded.length < MIN_STOP_TYPO_LENGTH) return false;
  for (let length = folded.length - 1; length <= folded.length + 1; length++) {
    for (const candidate of stopWordsByLength.get(length) ?? []) {
      if (levenshtein(folded, candidate).steps === 1) return true;
    }
  }
  return false;
}
