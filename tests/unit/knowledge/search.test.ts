import {
  buildKnowledgeIndex,
  defaultSearchTuning,
  type SearchResults,
} from '../../../services/knowledge';
import { fixtureEntries, kbEntry } from './fixture-kb';

const index = buildKnowledgeIndex(fixtureEntries());
const topId = (results: SearchResults): string | undefined => results.hits[0]?.entry.id;

describe('knowledge search', () => {
  it.each([
    ['Wie ändere ich mein Passwort?', '2'],
    ['wie aendere ich mein passwort', '2'],
    ['wie andere ich mein passwort', '2'],
    ['Passwortänderung', '2'],
    ['Druckerproblem: neuer Drucker fehlt in der Liste', '1'],
    ['passwrot vergesen', '3'],
    ['Kennwort vergessen', '3'],
    ['vpn verbindet nicht vom homeoffice aus', '4'],
    ['Teamsbesprechung planen', '5'],
    ['gelöschte Datei zurückholen', '6'],
    ['geloeschte datei wiederherstellen', '6'],
    ['how do I restore a deleted file', '6'],
    ['I forgot my password', '3'],
    ['how to set up an automatic reply for my vacation', '7'],
    ['wer ist mein digital lotse', '8'],
    [
      'Hallo, ich habe heute eine komische Mail bekommen und möchte sie als Phishing melden. Wie geht das?',
      '10',
    ],
  ])('finds the entry for "%s"', (question, id) => {
    expect(topId(index.search(question))).toBe(id);
  });

  it('reports the phrasing closest to the question', () => {
    expect(index.search('Meeting in Teams anlegen').hits[0]?.question).toBe(
      'Meeting in Teams anlegen',
    );
  });

  it.each(['Gibt es eine Schulung für die E-Akte?', 'Wie verschlüssele ich eine E-Mail?'])(
    'counts the phrasing "%s" as covered, though its "E-" is too short to index',
    (question) => {
      const single = buildKnowledgeIndex([kbEntry('1', question)]);
      expect(single.search(question).hits[0]?.evidence.phrasingCoverage).toBeCloseTo(1);
    },
  );

  it('answers a known question more confidently than an unrelated one', () => {
    const known = index.search('Wie plane ich eine Teams-Besprechung?').hits[0]?.confidence ?? 0;
    const unrelated =
      index.search('Wo kann ich im Rathaus Teams-Trikots kaufen?').hits[0]?.confidence ?? 0;
    expect(known).toBeGreaterThan(0.8);
    expect(unrelated).toBeLessThan(0.4);
  });

  it('gives confidences between 0 and 1, best first', () => {
    const hits = index.search('Drucker Passwort VPN').hits;
    expect(hits.length).toBeGreaterThan(1);
    for (const hit of hits) {
      expect(hit.confidence).toBeGreaterThanOrEqual(0);
      expect(hit.confidence).toBeLessThanOrEqual(1);
    }
    const descending = (values: number[]): void =>
      expect(values).toEqual([...values].sort((a, b) => b - a));
    const { confidenceRank: share, confidenceRankPool: pool } = defaultSearchTuning;
    // The best few by coverage are ordered by coverage and confidence together …
    descending(hits.slice(0, pool).map((hit) => (1 - share) * hit.score + share * hit.confidence));
    // … the rest by coverage, and none of them covers more than the weakest of the few.
    const rest = hits.slice(pool).map((hit) => hit.score);
    descending(rest);
    expect(Math.max(...rest)).toBeLessThanOrEqual(
      Math.min(...hits.slice(0, pool).map((hit) => hit.score)),
    );
  });

  it('finds nothing for words the knowledge base does not know', () => {
    expect(index.search('Sperrmüllabholung Nordstadt').hits).toEqual([]);
  });

  it('returns a context-only entry only as a follow-up of its parent', () => {
    const question = 'Wie lange dauert die Lotsenschulung?';
    expect(index.search(question).hits.map((hit) => hit.entry.id)).not.toContain('9');
    expect(topId(index.search(question, { context: '8' }))).toBe('9');
    expect(index.search(question, { context: '2' }).hits.map((hit) => hit.entry.id)).not.toContain(
      '9',
    );
  });

  it('detects the language of the question', () => {
    expect(index.search('Wie ändere ich mein Passwort?').language).toBe('de');
    expect(index.search('How do I change my password?').language).toBe('en');
  });

  it('recognises small talk instead of searching', () => {
    expect(index.search('Hallo!')).toEqual({ language: 'de', smallTalk: 'greeting', hits: [] });
  });

  it('looks entries up by id', () => {
    expect(index.entry('4')?.questions[0]).toBe('Wie verbinde ich mich im Homeoffice mit dem VPN?');
    expect(index.entry('99')).toBeUndefined();
    expect(index.size).toBe(10);
  });
});
