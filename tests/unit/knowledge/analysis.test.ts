import levenshtein from 'damerau-levenshtein';
import fc from 'fast-check';
import { textWords } from '../../../services/knowledge/analysis/analyser';
import {
  splitCompound,
  type CompoundVocabulary,
} from '../../../services/knowledge/analysis/compounds';
import { detectLanguage } from '../../../services/knowledge/analysis/language';
import {
  germanForEnglish,
  germanForMisspeltEnglish,
  synonymsOf,
} from '../../../services/knowledge/analysis/lexicon';
import { stemEnglish, stemGerman } from '../../../services/knowledge/analysis/stemming';
import {
  isEnglishStopWord,
  isFoldedGermanStopWord,
  isGermanStopWord,
} from '../../../services/knowledge/analysis/stopwords';
import { foldCase, foldTranscriptions, words } from '../../../services/knowledge/analysis/text';
import {
  typoAllowance,
  typoEdits,
  Vocabulary,
} from '../../../services/knowledge/analysis/vocabulary';

const fold = (word: string): string => foldTranscriptions(foldCase(word));
const key = (word: string): string => stemGerman(fold(word));

describe('German word forms', () => {
  it.each([
    ['ändern', 'aendern'],
    ['ändern', 'andern'],
    ['Größe', 'groesse'],
    ['Straße', 'Strasse'],
    ['Büro', 'buero'],
    ['Passwörter', 'Passwort'],
    ['Änderungen', 'ändern'],
    ['Problemen', 'Problem'],
    ['Besprechungen', 'Besprechung'],
    ['Drucker', 'drucker'],
  ])('folds and stems %s and %s to the same key', (a, b) => {
    expect(key(a)).toBe(key(b));
  });

  it.each([
    ['neue', 'neue'],
    ['Feuerwehr', 'feuerwehr'],
    ['Quelle', 'quelle'],
    ['Bauer', 'bauer'],
  ])('keeps "ue" that is no umlaut in %s', (word, expected) => {
    expect(foldTranscriptions(foldCase(word))).toBe(expected);
  });

  it('removes accents other than umlauts', () => {
    expect(foldCase('Café Señor')).toBe('cafe senor');
  });

  it('splits hyphenated words into parts and joins them', () => {
    const [word] = words('E-Akte');
    expect(word).toEqual({ lower: 'eakte', folded: 'eakte', parts: ['e', 'akte'] });
  });

  it('marks stop words and drops numbers', () => {
    const analysed = textWords('Wie ändere ich 2 Passwörter?');
    expect(analysed.map((w) => [w.folded, w.stop])).toEqual([
      ['wie', true],
      ['andere', false],
      ['ich', true],
      ['passworter', false],
    ]);
  });

  it('tells "ändere" (change) from the stop word "andere" (other)', () => {
    expect(isGermanStopWord('andere')).toBe(true);
    expect(isGermanStopWord('ändere')).toBe(false);
    expect(isGermanStopWord('fuer')).toBe(true);
  });

  it('treats chat fillers as stop words but keeps domain words of the library list', () => {
    expect(isGermanStopWord('hallo')).toBe(true);
    expect(isGermanStopWord('eigentlich')).toBe(true);
    expect(isGermanStopWord('rechte')).toBe(false);
    expect(isGermanStopWord('zeit')).toBe(false);
    expect(isEnglishStopWord('the')).toBe(true);
    expect(isEnglishStopWord('printer')).toBe(false);
  });

  it.each(['wobei', 'womit', 'worüber', 'wofuer', 'hierfür'])(
    'treats the pronominal adverb "%s" as a stop word',
    (word) => {
      expect(isGermanStopWord(word)).toBe(true);
    },
  );

  it('keeps a content word apart from the stop word its stem would be', () => {
    expect(key('sicher')).not.toBe(key('sich'));
    expect(key('Sicherheit')).toBe(key('sicheren'));
    expect(key('Seite')).not.toBe(key('seit'));
  });

  it('stems English words with the English stemmer', () => {
    expect(stemEnglish('printers')).toBe(stemEnglish('printer'));
    expect(stemEnglish('sharing')).toBe('share');
  });
});

describe('language detection', () => {
  it.each([
    ['Wie ändere ich mein Passwort?', 'de'],
    ['passwort vergessen', 'de'],
    ['how do I share my screen in a teams meeting', 'en'],
    ['I forgot my password', 'en'],
    ['what can this bot do?', 'en'],
    ['Drucker', 'de'],
  ])('reads "%s" as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('compound splitting', () => {
  const known = new Set([
    'passwort',
    'anderung',
    'drucker',
    'problem',
    'lotse',
    'schulung',
    'digital',
    'postfach',
  ]);
  const knownStems = new Set([...known].map(stemGerman));
  const vocabulary: CompoundVocabulary = {
    isKnownForm: (folded) => known.has(folded),
    isKnownHead: (folded) => known.has(folded) || knownStems.has(stemGerman(folded)),
    isStopWord: isFoldedGermanStopWord,
  };

  it.each([
    ['passwortanderung', ['passwort', 'anderung']],
    ['druckerproblem', ['drucker', 'problem']],
    ['lotsenschulung', ['lotse', 'schulung']],
    ['digitallotse', ['digital', 'lotse']],
    ['digitallotsenschulung', ['digital', 'lotsen', 'schulung']],
  ])('splits %s', (word, parts) => {
    expect(splitCompound(word, vocabulary)).toEqual(parts);
  });

  it('leaves words alone that are no compound of known words', () => {
    expect(splitCompound('hundesteuer', vocabulary)).toBeUndefined();
    expect(splitCompound('drucker', vocabulary)).toBeUndefined();
  });

  it('keeps a known head with an unknown modifier only when asked', () => {
    expect(splitCompound('sammelpostfach', vocabulary)).toBeUndefined();
    expect(splitCompound('sammelpostfach', vocabulary, true)).toEqual(['sammel', 'postfach']);
  });
});

describe('vocabulary look-ups', () => {
  const surfaces = new Map(
    ['bildschirm', 'verbinden', 'speichere', 'gespeichert', 'passwort', 'löschen', 'gelöschte'].map(
      (w) => [fold(w), key(w)],
    ),
  );
  const stems = new Set(surfaces.values());
  const vocabulary = new Vocabulary(stems, stems, surfaces);

  it.each([
    [3, 0],
    [4, 1],
    [7, 1],
    [8, 2],
    [14, 2],
  ])('allows a typo distance by word length (%i letters → %i)', (length, allowance) => {
    expect(typoAllowance(length)).toBe(allowance);
  });

  it('counts typo edits as the full edit distance does, for any word and its misspellings', () => {
    // Few letters (umlauts and a non-Latin letter too), so that letters repeat and share
    // slots of the quick letter count; the second word is the first with up to three edits.
    const letter = fc.constantFrom(...'abeinrstäüßŋ');
    const edit = fc.tuple(fc.constantFrom('insert', 'delete', 'replace', 'swap'), fc.nat(), letter);
    const pair = fc
      .tuple(
        fc.string({ unit: letter, minLength: 1, maxLength: 10 }),
        fc.array(edit, { maxLength: 3 }),
      )
      .map(([word, edits]) => {
        let typed = word;
        for (const [kind, at, char] of edits) {
          const i = at % (typed.length + 1);
          if (kind === 'insert') typed = typed.slice(0, i) + char + typed.slice(i);
          else if (kind === 'delete') typed = typed.slice(0, i) + typed.slice(i + 1);
          else if (kind === 'replace') typed = typed.slice(0, i) + char + typed.slice(i + 1);
          else
            typed =
              typed.slice(0, i) +
              typed.slice(i + 1, i + 2) +
              typed.slice(i, i + 1) +
              typed.slice(i + 2);
        }
        return [typed, word] as const;
      });
    fc.assert(
      fc.property(pair, ([typed, known]) => {
        const allowance = typoAllowance(typed.length);
        const edits = levenshtein(typed, known).steps;
        const withinReach = allowance > 0 && Math.abs(typed.length - known.length) <= allowance;
        const expected = withinReach && edits > 0 && edits <= allowance ? edits : undefined;
        expect(typoEdits(typed, known)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a known word behind a typo', () => {
    expect(vocabulary.typos('bildschrim').map((m) => m.stem)).toEqual([key('bildschirm')]);
    expect(vocabulary.typos('passwrot').map((m) => m.stem)).toEqual([key('passwort')]);
  });

  it('does not take a distant word for a typo', () => {
    expect(vocabulary.typos('bildung')).toEqual([]);
  });

  it('relates inflections the stemmer leaves apart', () => {
    expect(vocabulary.related(key('verbindet')).map((m) => m.stem)).toContain(key('verbinden'));
  });

  it.each([
    ['gespeichert', 'speichere'],
    // The stemmer keeps the "-t" of "gelöscht"; the weak verb form leads to "löschen".
    ['gelöschte', 'löschen'],
  ])('links the past participle %s to its verb (%s)', (participle, verb) => {
    expect(vocabulary.family(key(verb)).map((m) => m.stem)).toContain(key(participle));
  });
});

describe('domain lexicon', () => {
  it('maps English domain words to German stems', () => {
    expect(germanForEnglish('password')).toContain(key('Passwort'));
    expect(germanForEnglish('printers')).toContain(key('Drucker'));
    expect(germanForEnglish('meeting')).toContain(key('Besprechung'));
    expect(germanForEnglish('department')).toContain(key('Fachbereich'));
    expect(germanForEnglish('accidentally')).toContain(key('versehentlich'));
    // "open a ticket" creates one; "open a file" opens it.
    expect(germanForEnglish('open')).toEqual(
      expect.arrayContaining([key('öffnen'), key('erstellen')]),
    );
  });

  it('keeps apart listed English words the stemmer joins', () => {
    expect(germanForEnglish('access')).toContain(key('Zugriff'));
    expect(germanForEnglish('access')).not.toContain(key('barrierefrei'));
    expect(germanForEnglish('accessible')).toContain(key('barrierefrei'));
    expect(germanForEnglish('accessible')).not.toContain(key('Zugriff'));
    // A form the list does not name is read by its stem.
    expect(germanForEnglish('accesses')).toContain(key('Zugriff'));
  });

  it('knows German synonyms both ways', () => {
    expect(synonymsOf(key('Kennwort'))).toContain(key('Passwort'));
    expect(synonymsOf(key('Passwort'))).toContain(key('Kennwort'));
    expect(synonymsOf(key('Chef'))).toContain(key('Führungskraft'));
  });

  it.each([
    ['gelb', 'abwesend'],
    ['Dienstrechner', 'Laptop'],
    ['rausfliegen', 'abbrechen'],
    ['Telko', 'Besprechung'],
    ['Ruhestand', 'Rente'],
    ['Authentifizierung', 'Anmeldung'],
    ['anpassen', 'ändern'],
    ['nachgucken', 'nachsehen'],
    ['Meldung', 'Benachrichtigung'],
  ])('groups office-IT concepts: %s ~ %s', (a, b) => {
    expect(synonymsOf(key(a))).toContain(key(b));
  });

  it('maps English presence words to German', () => {
    expect(germanForEnglish('away')).toContain(key('abwesend'));
    expect(germanForEnglish('notified')).toContain(key('Benachrichtigung'));
  });

  it('knows nothing of words outside the domain', () => {
    expect(germanForEnglish('football')).toEqual([]);
  });

  it.each([
    ['pasword', 'Passwort'],
    ['pritner', 'Drucker'],
    ['attachmnet', 'Anhang'],
  ])('reads the misspelt English word "%s" as %s', (misspelt, german) => {
    expect(germanForMisspeltEnglish(misspelt)).toContain(key(german));
  });

  it('takes no short word and no word far off the lexicon for a typo', () => {
    expect(germanForMisspeltEnglish('pivot')).toEqual([]);
    expect(germanForMisspeltEnglish('football')).toEqual([]);
  });
});

describe('words beyond any language', () => {
  it('drops a word longer than the longest German compound, so it cannot stall the search', () => {
    const monster = 'passwort'.repeat(1000);
    expect(words(`Hallo ${monster} Drucker`).map((word) => word.folded)).toEqual([
      'hallo',
      'drucker',
    ]);
  });
});
