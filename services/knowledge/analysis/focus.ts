/**
 * Where the question of a chat message is. People write "Hallo zusammen, ich bin neu im
 * FB 3. Seit gestern geht mein VPN nicht. Was kann ich tun?": greetings, introductions and
 * the story around the question dilute it. The sentences that ask (a question mark, a
 * question word or a verb first, an indirect "ob"/"wie" clause) carry full weight, the
 * others — the context — less. A message that asks nowhere is read evenly.
 */
import { foldCase } from './text';

export interface Clause {
  /** A clause of the message (between commas, colons or sentence ends). */
  text: string;
  /** 1 in a sentence that asks, the context weight elsewhere. */
  weight: number;
}

/** Weight of a sentence that does not ask, when another one does. */
export const DEFAULT_CONTEXT_WEIGHT = 0.8;

// A full stop after a digit or a single letter ends no sentence ("FB 3. OG", "z. B.").
const SENTENCE_END = /(?<=[?!]+|(?<![\p{N}\s]|\b\p{L})\.)\s+|\n+/u;
const CLAUSE_END = /\s*[,;:–—()]\s*|\s+-\s+/u;
const FIRST_WORD = /^[\p{L}']+/u;

/** Words that open a direct question, German and English (folded). */
const QUESTION_OPENERS = new Set(
  `wie was wo wer wen wem wessen wann warum wieso weshalb weswegen welche welcher welches
  welchen welchem woran worauf wohin woher womit wozu wofur wodurch wieviel wieviele
  kann kannst konnen konnte konntest darf darfst durfen muss musst mussen soll sollte
  sollen gibt gibts ist sind hat habt wird werden brauche braucht geht klappt reicht
  how what where who whom whose when why which can could may must should shall do does
  did is are was were will would have has`
    .trim()
    .split(/\s+/),
);

/** Words that open an indirect question inside a sentence ("ich frage mich, ob …"). */
const INDIRECT_OPENERS = new Set(
  'ob wie was wo wer wen wem wann warum wieso weshalb welche welcher welches woran wohin womit wozu whether how what where who when why which'.split(
    ' ',
  ),
);

const firstWord = (text: string): string => foldCase(FIRST_WORD.exec(text)?.[0] ?? '');

function asks(sentence: string): boolean {
  if (sentence.includes('?')) return true;
  const clauses = sentence.split(CLAUSE_END).filter((clause) => clause.length > 0);
  if (QUESTION_OPENERS.has(firstWord(clauses[0] ?? ''))) return true;
  // A greeting may come first ("Hallo, wie …"); any later clause may ask indirectly.
  return clauses.slice(1).some((clause) => INDIRECT_OPENERS.has(firstWord(clause)));
}

/** The clauses of a message with the weight of the sentence they stand in. */
export function messageClauses(text: string, contextWeight = DEFAULT_CONTEXT_WEIGHT): Clause[] {
  const sentences = text
    .split(SENTENCE_END)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
  const asking = sentences.map(asks);
  const anyAsks = asking.some(Boolean);
  return sentences.flatMap((sentence, i) => {
    const weight = !anyAsks || asking[i] ? 1 : contextWeight;
    return sentence
      .split(CLAUSE_END)
      .filter((clause) => clause.length > 0)
      .map((clause) => ({ text: clause, weight }));
  });
}
