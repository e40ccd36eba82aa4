import { messageClauses } from '../../../services/knowledge/analysis/focus';
import { detectLanguage } from '../../../services/knowledge/analysis/language';
import { analyseQuery } from '../../../services/knowledge/analysis/query';
import { isMisspeltStopWord } from '../../../services/knowledge/analysis/stopwords';
import { stemGerman } from '../../../services/knowledge/analysis/stemming';
import { buildIndexData } from '../../../services/knowledge/indexing';
import { buildKnowledgeIndex } from '../../../services/knowledge';
import { fixtureEntries, kbEntry } from './fixture-kb';

const entry = kbEntry;

const weights = (text: string): [string, number][] =>
  messageClauses(text, 0.5).map((clause) => [clause.text, clause.weight]);

describe('message focus', () => {
  it.each([
    [
      'Guten Abend. Mein Scanner piept seit Montag. Was bedeutet das?',
      [
        ['Guten Abend.', 0.5],
        ['Mein Scanner piept seit Montag.', 0.5],
        ['Was bedeutet das?', 1],
      ],
    ],
    [
      'Ich sitze im Archiv, kann ich dort drucken',
      [
        ['Ich sitze im Archiv', 1],
        ['kann ich dort drucken', 1],
      ],
    ],
    [
      'Der Beamer flackert. Ich frage mich, ob das am Kabel liegt.',
      [
        ['Der Beamer flackert.', 0.5],
        ['Ich frage mich', 1],
        ['ob das am Kabel liegt.', 1],
      ],
    ],
    [
      'Wir ziehen ins 4. OG um. Wer baut die Telefone auf?',
      [
        ['Wir ziehen ins 4. OG um.', 0.5],
        ['Wer baut die Telefone auf?', 1],
      ],
    ],
    ['Monitor flackert seit heute', [['Monitor flackert seit heute', 1]]],
  ])('weighs the clauses of "%s" by whether their sentence asks', (text, expected) => {
    expect(weights(text)).toEqual(expected);
  });
});

describe('misspelt stop words', () => {
  it.each([
    ['nihct', true],
    ['miene', true],
    ['welhce', true],
    ['wlche', true],
    ['ncht', true],
    ['wlhce', false],
    ['drucker', false],
    ['nix', false],
  ])('takes "%s" for a misspelt stop word: %s', (word, expected) => {
    expect(isMisspeltStopWord(word)).toBe(expected);
  });
});

describe('query analysis', () => {
  const data = buildIndexData(fixtureEntries());
  const tokens = (text: string) => analyseQuery(text, 'de', data.vocabulary);

  it('joins a separable verb with its particle at the end of the clause', () => {
    const index = buildKnowledgeIndex([
      entry('1', 'Ablauf der Heizungswartung'),
      entry('2', 'Heizungswartung bestellen'),
    ]);
    expect(index.search('Wie läuft die Heizungswartung ab?').hits[0]?.entry.id).toBe('1');
  });

  it('does not join a particle that makes no known word', () => {
    const geht = tokens('Wie geht das Licht an?').find((t) => t.word === 'geht');
    expect(geht?.readings.flat(2).every((match) => !match.term.startsWith('an'))).toBe(true);
  });

  it('reads an unknown word one letter off a stop word as that stop word', () => {
    const token = tokens('vpn geht nihct').find((t) => t.word === 'nihct');
    expect(token).toMatchObject({ stop: true, misspeltStop: true });
  });

  describe('words read beyond their spelling', () => {
    const entries = [
      entry('bot', 'Was kann der Bot?'),
      entry('lotse', 'Was kann ich als Lotse tun?'),
      entry('sammelpostfach', 'Sammelpostfach einbinden'),
      entry('postfach', 'Postfach ist voll'),
      entry('helpdesk', 'Helpdesk erreichen'),
      entry('schreibtisch', 'Schreibtisch reservieren'),
      entry('vpn', 'Wie verbinde ich mich mit dem VPN?'),
      entry('passwort', 'Passwort vergessen'),
    ];
    const index = buildKnowledgeIndex(entries);
    const { vocabulary } = buildIndexData(entries);
    const top = (question: string) => index.search(question).hits[0];

    it.each(['Was kannst du?', 'What can you do?'])(
      'reads the person addressed in "%s" as the bot',
      (question) => {
        expect(top(question)?.entry.id).toBe('bot');
        const pronoun = analyseQuery(question, detectLanguage(question), vocabulary).find(
          (t) => t.word === 'du' || t.word === 'you',
        );
        expect(pronoun?.readings.flat(2)).toContainEqual(expect.objectContaining({ term: 'bot' }));
      },
    );

    it.each([
      ['Sammel Postfach', 'sammelpostfach'],
      ['where is the help desk', 'helpdesk'],
    ])('reads the compound written apart in "%s" whole', (question, id) => {
      expect(top(question)?.entry.id).toBe(id);
      // The modifier counts as part of the compound, not as an unknown word of its own.
      expect(top(question)?.evidence.tokenCoverage).toBe(1);
    });

    it('reads a misspelt English word in a German message when no German reading fits', () => {
      const [token] = analyseQuery('pasword vergessen', 'de', vocabulary);
      expect(token?.readings.flat(2).map((match) => match.term)).toContain(stemGerman('passwort'));
      expect(top('pasword vergessen, was nun')?.entry.id).toBe('passwort');
    });

    it('reads a misspelt form of a word the knowledge base uses in another form', () => {
      // "Verbidnung" is two edits from "verbinde", but one from its stem.
      const [token] = analyseQuery('Verbidnung', 'de', vocabulary);
      expect(token?.readings.flat(2)).toContainEqual({
        term: stemGerman('verbinde'),
        weight: 0.75,
      });
      expect(top('Die Verbidnung bricht ab')?.entry.id).toBe('vpn');
    });
  });

  it('gives context sentences less weight than the question', () => {
    const analysed = tokens('Der Drucker piept. Wie ändere ich mein Passwort?');
    expect(analysed.find((t) => t.word === 'drucker')?.weight).toBeLessThan(1);
    expect(analysed.find((t) => t.word === 'passwort')?.weight).toBe(1);
  });
});

describe('search on chat messages', () => {
  const index = buildKnowledgeIndex(fixtureEntries());
  const top = (question: string) => index.search(question).hits[0];

  it.each([
    [
      'Moin! Ich sitze heute im Homeoffice. Die Verbindung ins Netz steht nicht, VPN geht nihct',
      '4',
    ],
    ['Hallo, der Kollege ist neu bei uns. Wie richtet man einen Netzwerkdrucker ein?', '1'],
    ['Bin ich morgen im Urlaub und will eine automatische Antwort', '7'],
  ])('finds the entry for "%s"', (question, id) => {
    expect(top(question)?.entry.id).toBe(id);
  });

  it('reports the share of the question the knowledge base does not know', () => {
    expect(top('Passwort für die Kantinenkarte ändern')?.evidence.unknownShare).toBeGreaterThan(0);
    expect(top('Passwort ändern')?.evidence.unknownShare).toBe(0);
  });

  it('counts the part of a compound the knowledge base does not know as unknown', () => {
    expect(top('Kantinenpasswort ändern')?.evidence.unknownShare).toBeGreaterThan(0);
  });

  it('reports the share of content words an entry matches', () => {
    expect(top('Passwort ändern')?.evidence.tokenCoverage).toBe(1);
    expect(top('Passwort für die Kantinenkarte ändern')?.evidence.tokenCoverage).toBeLessThan(1);
  });

  it('is less sure when the question names a topic the knowledge base lacks', () => {
    const known = top('Wie ändere ich mein Passwort?')?.confidence ?? 0;
    const foreign = top('Wie ändere ich mein Passwort für das Kantinenportal?')?.confidence ?? 1;
    expect(foreign).toBeLessThan(known);
  });
});
