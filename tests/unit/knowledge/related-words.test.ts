/**
 * The general language layer: related words of office German, compounds made of them,
 * weak verb forms read as their infinitive, separable verbs joined in questions and in the
 * knowledge base's phrasings. Each table lists pairs that must meet and pairs that must not.
 */
import { analyseQuery } from '../../../services/knowledge/analysis/query';
import { synonymsOf } from '../../../services/knowledge/analysis/lexicon';
import { isListedWord } from '../../../services/knowledge/analysis/salience';
import { separableVerb } from '../../../services/knowledge/analysis/separable';
import { stemGerman } from '../../../services/knowledge/analysis/stemming';
import { foldCase, foldTranscriptions } from '../../../services/knowledge/analysis/text';
import { verbBases } from '../../../services/knowledge/analysis/vocabulary';
import { buildIndexData } from '../../../services/knowledge/indexing';
import { buildKnowledgeIndex, decide } from '../../../services/knowledge';
import { kbEntry } from './fixture-kb';

const fold = (word: string): string => foldTranscriptions(foldCase(word));
const key = (word: string): string => stemGerman(fold(word));
const clause = (text: string) => text.split(' ').map((word) => ({ folded: fold(word) }));

describe('related words of office German', () => {
  it.each([
    ['absegnen', 'genehmigen'],
    ['Zustimmung', 'Erlaubnis'],
    ['Ausbildung', 'Schulung'],
    ['Weiterbildung', 'Schulung'],
    ['Abteilung', 'Fachbereich'],
    ['Amtsleitung', 'Führungskraft'],
    ['aufmachen', 'erstellen'],
    ['ansetzen', 'planen'],
    ['tabu', 'verboten'],
    ['auftauchen', 'anzeigen'],
    ['weitergeben', 'weiterleiten'],
    ['Gruppenpostfach', 'Funktionspostfach'],
    ['Zweifaktor', 'MFA'],
    ['Diensttelefon', 'Diensthandy'],
    ['ausblenden', 'verstecken'],
    ['reservieren', 'buchen'],
    ['komisch', 'verdächtig'],
    ['freigeben', 'teilen'],
    ['Datenpanne', 'Datenleck'],
    ['zuständig', 'Ansprechpartner'],
    ['Verteiler', 'Empfänger'],
    ['dienstlich', 'Dienst'],
    ['kapieren', 'verstehen'],
    ['zurückkriegen', 'wiederherstellen'],
    ['sehbehindert', 'barrierefrei'],
    // Two groups that share a word ("Führungskraft") meet as one.
    ['Abteilungsleiter', 'Vorgesetzter'],
    ['kaputt', 'streiken'],
  ])('%s meets %s', (a, b) => {
    expect(synonymsOf(key(a))).toContain(key(b));
    expect(synonymsOf(key(b))).toContain(key(a));
  });

  it.each([
    // "freigeben" shares a calendar in IT; it is no approval.
    ['genehmigen', 'freigeben'],
    // "aufnehmen" records a meeting; it adds nobody.
    ['hinzufügen', 'aufnehmen'],
    ['Urlaub', 'Schulung'],
    ['Gehalt', 'Kosten'],
    ['zeigen', 'anzeigen'],
    // "Beschäftigte" (staff) and "beschäftigt" (busy, a red status) share a stem; no
    // group may bridge them.
    ['Kollegin', 'rot'],
  ])('%s does not meet %s', (a, b) => {
    expect(synonymsOf(key(a))).not.toContain(key(b));
  });
});

describe('weak verb forms', () => {
  it.each([
    ['eingeplant', 'einplanen'],
    ['genehmigt', 'genehmigen'],
    ['gespeichert', 'speichern'],
    ['gelöschte', 'löschen'],
    ['eingescanntes', 'einscannen'],
    ['abgesegnet', 'absegnen'],
    ['angezeigt', 'anzeigen'],
    ['arbeitet', 'arbeiten'],
  ])('reads %s as a form of %s', (form, infinitive) => {
    expect(verbBases(form)).toContain(key(infinitive));
  });

  it.each([
    ['gut', 'guten'],
    ['Passwort', 'Passwörter'],
    ['Drucker', 'Druck'],
  ])('reads no infinitive into %s (not %s)', (word, other) => {
    expect(verbBases(fold(word))).not.toContain(key(other));
  });
});

describe('separable verbs', () => {
  const known = new Set(
    ['einrichten', 'wiederherstellen', 'auftauchen', 'anzeigen', 'ablaufen'].map(key),
  );
  const join = (text: string) => separableVerb(clause(text), (stem) => known.has(stem));

  it.each([
    ['wie richte ich die signatur ein', 'richte', 'einrichten'],
    ['wie stelle ich die datei wieder her', 'stelle', 'wiederherstellen'],
    ['der drucker taucht bei mir nicht auf', 'taucht', 'auftauchen'],
    ['der authenticator zeigt keine anfrage an', 'zeigt', 'anzeigen'],
    ['mein passwort läuft bald ab', 'läuft', 'ablaufen'],
  ])('"%s" joins %s with its particle into %s', (text, verb, infinitive) => {
    const joined = join(text);
    expect(clause(text)[joined?.position ?? -1]?.folded).toBe(fold(verb));
    expect(joined?.form.stem).toBe(key(infinitive));
  });

  it('reads the particle as part of the verb, in questions and in phrasings', () => {
    const data = buildIndexData([kbEntry('1', 'Wie füge ich einen Gast zu einem Team hinzu?')]);
    const tokens = analyseQuery('wie füge ich den gast hinzu', 'de', data.vocabulary);
    expect(tokens.find((token) => token.word === 'hinzu')?.stop).toBe(true);
    expect(data.vocabulary.hasTerm(key('hinzufügen'))).toBe(true);
    expect(data.vocabulary.hasTerm('hinzu')).toBe(false);
  });

  it.each([
    ['wie richte ich die signatur', 'no particle at the end'],
    ['der drucker ist an', 'nothing known to join'],
    ['liegt das an der', 'an article is no verb'],
  ])('"%s" joins nothing (%s)', (text) => {
    expect(join(text)).toBeUndefined();
  });
});

describe('compounds with a part the thesaurus knows', () => {
  const vocabulary = buildIndexData([
    kbEntry('1', 'Wann ist die nächste Schulung für Lotsen?'),
    kbEntry('2', 'Wer ist der Lotse in meinem Fachbereich?'),
  ]).vocabulary;
  const terms = (word: string) =>
    analyseQuery(word, 'de', vocabulary).flatMap((token) =>
      token.readings.flat(2).map((match) => match.term),
    );

  it.each([
    ['Lotsenausbildung', 'schulung'],
    ['Lotsenausbildung', 'lot'],
    ['Lotsenweiterbildung', 'schulung'],
    ['Abteilungslotse', 'fachbereich'],
  ])('%s meets %s', (word, term) => {
    expect(terms(word)).toContain(key(term));
  });

  it.each([
    ['Urlaubsantrag', 'schulung'],
    ['Lotsenausbildung', 'fachbereich'],
  ])('%s does not meet %s', (word, term) => {
    expect(terms(word)).not.toContain(key(term));
  });
});

describe('words of general German', () => {
  it('are no misspelt stop words', () => {
    const vocabulary = buildIndexData([kbEntry('1', 'Darf ich ins Büro?')]).vocabulary;
    const tokens = analyseQuery('Darf mein Hund ins Büro?', 'de', vocabulary);
    expect(isListedWord('hund')).toBe(true);
    expect(tokens.find((token) => token.word === 'hund')).toMatchObject({
      stop: false,
      misspeltStop: false,
    });
  });
});

describe('questions in other words meet their entry', () => {
  const index = buildKnowledgeIndex([
    kbEntry('1', 'Wie läuft die Schulung für neue Lotsen ab?'),
    kbEntry('2', 'Muss meine Führungskraft zustimmen, wenn ich Lotse werde?'),
    kbEntry('3', 'Wie richte ich die E-Mail-Signatur ein?'),
    kbEntry('4', 'Der Drucker im Flur taucht bei mir nicht auf'),
    kbEntry('5', 'Wie erstelle ich ein Ticket?'),
    kbEntry('6', 'Wie gebe ich meinen Kalender frei?'),
    kbEntry('7', 'Wie viele Stunden darf ich für die Lotsentätigkeit einplanen?'),
    kbEntry('8', 'Wie füge ich einen Gast zu einem Team hinzu?'),
    kbEntry('9', 'Wie binde ich ein Funktionspostfach in Outlook ein?'),
    kbEntry('10', 'Wie füge ich einen Drucker hinzu?'),
    kbEntry('11', 'Wo gebe ich Feedback?'),
  ]);
  const top = (question: string) => index.search(question).hits[0]?.entry.id;
  const answer = (question: string) => {
    const decision = decide(index.search(question));
    return decision.kind === 'answer' ? decision.entry.id : decision.kind;
  };

  it.each([
    ['Wie sieht die Lotsenausbildung aus?', '1'],
    ['muss meine chefin das absegnen wenn ich lotse werde', '2'],
    ['Signatur einrichten', '3'],
    ['drucker wird nicht angezeigt', '4'],
    ['wie mach ich ein ticket auf', '5'],
    ['wie viele stunden bin ich als lotse eingeplant', '7'],
    ['gast zum team hinzufügen', '8'],
    ['Wie füge ich das Gruppenpostfach unserer Abteilung in Outlook hinzu?', '9'],
    ['wo kann ich zurückmelden, dass etwas nicht stimmt', '11'],
  ])('"%s" → entry %s', (question, id) => {
    expect(top(question)).toBe(id);
  });

  it.each([
    ['Wer genehmigt meinen Urlaubsantrag für die Kantine?', '6'],
    ['Ist der Ratssaal am Dienstag frei?', '6'],
  ])('"%s" is not answered with entry %s', (question, id) => {
    expect(answer(question)).not.toBe(id);
  });
});
