/**
 * Separable verbs split over their clause: "Wie richte ich die Signatur ein?" means
 * "einrichten", "Wie stelle ich die Datei wieder her?" means "wiederherstellen". Both the
 * questions and the knowledge base's phrasings are read with the particle put back before
 * its verb, so that "Signatur einrichten" meets "Wie richte ich die Signatur ein?".
 */
import type { WordForm } from './analyser';
import { stemGerman } from './stemming';
import { verbBases } from './vocabulary';

/** Particles of separable verbs ("läuft … ab", "stelle … ein"), folded. */
export const SEPARABLE_PARTICLES: ReadonlySet<string> = new Set(
  `ab an auf aus bei ein fest frei her hin hoch los mit nach um vor weg weiter zu zuruck
  zusammen rein raus runter rum dazu hinzu`
    .trim()
    .split(/\s+/),
);

/** Words that join a particle after them into one ("wieder her" → "wiederher"). */
const PARTICLE_PREFIXES = new Set(['wieder']);

/** Letters a verb has at least ("geht", "lege"). */
const MIN_VERB = 4;

export interface SeparableVerb {
  /** Position of the verb in the clause. */
  position: number;
  /** The verb with its particle before it ("einrichte"). */
  form: WordForm;
  /** How many words at the end of the clause make the particle (1 or 2). */
  particleWords: number;
}

/**
 * The separable verb of a clause: the clause ends in a particle, and the particle put
 * before one of the clause's words makes a word whose stem `knows` accepts — or, with
 * `isWord`, a word of general German. The stem is that of the infinitive where the form
 * shows one ("taucht … auf" → "auftaucht" → auftauchen). The first such word counts;
 * undefined when the clause ends in no particle or nothing fits.
 */
export function separableVerb(
  words: readonly { folded: string }[],
  knows: (stem: string) => boolean,
  isWord: (folded: string) => boolean = () => false,
): SeparableVerb | undefined {
  const last = words[words.length - 1];
  if (!last || words.length < 2 || !SEPARABLE_PARTICLES.has(last.folded)) return undefined;
  const before = words[words.length - 2]?.folded ?? '';
  const twoWords = PARTICLE_PREFIXES.has(before) && words.length >= 3;
  const particle = twoWords ? `${before}${last.folded}` : last.folded;
  const particleWords = twoWords ? 2 : 1;
  for (let position = 0; position < words.length - particleWords; position++) {
    const verb = (words[position] as { folded: string }).folded;
    // Articles and pronouns ("an" + "der" = "ander") are no verbs.
    if (verb.length < MIN_VERB) continue;
    const folded = `${particle}${verb}`;
    const stems = [...verbBases(folded), stemGerman(folded)];
    const stem = stems.find(knows) ?? (isWord(folded) ? stems[0] : undefined);
    if (stem !== undefined) return { position, form: { folded, stem }, particleWords };
  }
  return undefined;
}
