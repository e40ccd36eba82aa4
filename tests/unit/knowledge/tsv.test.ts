import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatQnaTsv,
  parseQnaTsv,
  QNA_TSV_HEADER,
  type KnowledgeEntry,
} from '../../../services/knowledge';
import { escapeField, unescapeField } from '../../../services/knowledge/tsv-escaping';

const fixture = readFileSync(join(__dirname, '../../fixtures/knowledge/fixture-kb.tsv'), 'utf8');
const now = new Date('2026-01-15T09:00:00.000Z');

function entriesOf(text: string): KnowledgeEntry[] {
  const result = parseQnaTsv(text, { now });
  if ('problems' in result) throw new Error(result.problems.join('\n'));
  return result.entries;
}

function problemsOf(text: string): string[] {
  const result = parseQnaTsv(text, { now });
  return 'problems' in result ? result.problems : [];
}

const row = (cells: Partial<Record<string, string>>): string =>
  [
    cells.question ?? 'Frage?',
    cells.answer ?? 'Antwort.',
    cells.source ?? 'test',
    cells.metadata ?? 'topic:test',
    cells.suggested ?? '[]',
    cells.contextOnly ?? 'false',
    cells.prompts ?? '[]',
    cells.id ?? '1',
  ].join('\t');

const file = (...rows: string[]): string => [QNA_TSV_HEADER, ...rows].join('\n') + '\n';

describe('QnA Maker TSV import', () => {
  it('groups the phrasings of one QnaId into one entry', () => {
    const entries = entriesOf(fixture);
    expect(entries).toHaveLength(10);
    expect(entries[0]?.questions).toEqual([
      'Wie richte ich einen Netzwerkdrucker ein?',
      'Drucker hinzufügen',
      'Der neue Drucker erscheint nicht in der Liste',
    ]);
  });

  it('reads metadata, prompts, context-only flag and escaped newlines', () => {
    const entries = entriesOf(fixture);
    const lotse = entries.find((entry) => entry.id === '8');
    expect(lotse?.metadata).toEqual({ topic: 'lotsen', audience: 'all' });
    expect(lotse?.prompts).toEqual([
      { displayText: 'Wie lange dauert die Schulung?', qnaId: '9', displayOrder: 1 },
      { displayText: 'Verdächtige Mail melden', qnaId: '10', displayOrder: 2 },
    ]);
    expect(entries.find((entry) => entry.id === '9')?.isContextOnly).toBe(true);
    expect(entries.find((entry) => entry.id === '2')?.answer).toContain(
      '„Kennwort ändern“.\n\nDas',
    );
  });

  it('stamps language and import time', () => {
    const [first] = entriesOf(fixture);
    expect(first?.language).toBe('de');
    expect(first?.createdAt).toBe(now.toISOString());
    expect(first?.updatedAt).toBe(now.toISOString());
  });

  it('writes back exactly the file it read', () => {
    expect(formatQnaTsv(entriesOf(fixture))).toBe(fixture);
  });

  it('accepts Windows line endings and a byte order mark', () => {
    const windows = '\uFEFF' + fixture.replace(/\n/g, '\r\n');
    expect(entriesOf(windows)).toEqual(entriesOf(fixture));
  });
});

describe('QnA Maker TSV problems', () => {
  it.each([
    ['a wrong header', 'Frage\tAntwort\n' + row({}), 'Zeile 1: Die Kopfzeile muss'],
    ['a missing column', file('Frage?\tAntwort.\ttest'), 'Zeile 2: 3 statt 8 Spalten.'],
    [
      'bad JSON in Prompts',
      file(row({ prompts: '[{"DisplayOrder":1' })),
      'Zeile 2: Prompts ist kein gültiges JSON.',
    ],
    [
      'a prompt of the wrong shape',
      file(row({ prompts: '[{"Text":"x"}]' })),
      'Zeile 2: Prompts muss eine Liste',
    ],
    ['a non-numeric QnaId', file(row({ id: 'abc' })), 'Zeile 2: QnaId „abc“ ist keine ganze Zahl.'],
    ['an empty question', file(row({ question: ' ' })), 'Zeile 2: Question ist leer.'],
    ['an empty answer', file(row({ answer: '' })), 'Zeile 2: Answer ist leer.'],
    [
      'a bad context flag',
      file(row({ contextOnly: 'ja' })),
      'Zeile 2: IsContextOnly muss true oder false sein.',
    ],
    [
      'bad metadata',
      file(row({ metadata: 'topic' })),
      'Zeile 2: Metadata „topic“ ist nicht im Format',
    ],
    [
      'repeated metadata',
      file(row({ metadata: 'a:1|a:2' })),
      'Zeile 2: Metadata nennt „a“ zweimal.',
    ],
  ])('rejects %s with its line number', (_what, text, message) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('rejects one QnaId with two different answers', () => {
    const problems = problemsOf(
      file(row({ question: 'A?' }), row({ question: 'B?', answer: 'Anders.' })),
    );
    expect(problems).toEqual(['Zeile 3: QnaId 1 hat hier eine andere Antwort als in Zeile 2.']);
  });

  it('rejects a prompt pointing to a missing entry', () => {
    const prompts = '[{"DisplayOrder":1,"DisplayText":"Weiter","QnaId":7}]';
    expect(problemsOf(file(row({ prompts })))).toEqual([
      'Zeile 2: Prompt „Weiter“ von QnaId 1 verweist auf QnaId 7, die es in der Datei nicht gibt.',
    ]);
  });

  it('lists every problem of the file and imports nothing', () => {
    const result = parseQnaTsv(
      file(
        row({ id: '1' }),
        row({ id: 'x' }),
        row({ id: '2', prompts: '{' }),
        'nur eine Spalte',
        row({ id: '1', answer: 'Anders.' }),
      ),
    );
    expect(result).toEqual({
      problems: [
        'Zeile 3: QnaId „x“ ist keine ganze Zahl.',
        'Zeile 4: Prompts ist kein gültiges JSON.',
        'Zeile 5: 1 statt 8 Spalten.',
        'Zeile 6: QnaId 1 hat hier eine andere Antwort als in Zeile 2.',
      ],
    });
  });
});

describe('TSV field escaping', () => {
  it.each([
    ['Zeile 1\nZeile 2', 'Zeile 1\\nZeile 2'],
    ['Spalte\tSpalte', 'Spalte\\tSpalte'],
    ['C:\\Users', 'C:\\Users'],
    ['wörtlich \\n', 'wörtlich \\\\n'],
  ])('escapes %j as %j', (text, escaped) => {
    expect(escapeField(text)).toBe(escaped);
    expect(unescapeField(escaped)).toBe(text);
  });

  it('survives any string', () => {
    fc.assert(fc.property(fc.string(), (text) => unescapeField(escapeField(text)) === text));
  });
});

describe('TSV round trip', () => {
  const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '');
  const name = fc.stringMatching(/^[a-zäöü][a-zäöü0-9_-]{0,11}$/);
  const value = fc.string({ maxLength: 20 }).filter((s) => !s.includes('|'));

  const entries = fc
    .uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 8 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record({
            id: fc.constant(String(id)),
            questions: fc.array(text, { minLength: 1, maxLength: 4 }),
            answer: text,
            metadata: fc.dictionary(name, value, { maxKeys: 3 }),
            prompts: fc.array(
              fc.record({
                displayText: text,
                qnaId: fc.constantFrom(...ids.map(String)),
                displayOrder: fc.integer({ min: 0, max: 9 }),
              }),
              { maxLength: 3 },
            ),
            isContextOnly: fc.boolean(),
            source: fc.string({ maxLength: 20 }),
            suggestedQuestions: fc.constantFrom('[]', '', '["Wie?"]'),
          }),
        ),
      ),
    );

  it('gives back the entries it was given', () => {
    fc.assert(
      fc.property(entries, (generated) => {
        const full: KnowledgeEntry[] = generated.map((entry) => ({
          ...entry,
          language: 'de',
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        }));
        const parsed = entriesOf(formatQnaTsv(full));
        const comparable = (list: KnowledgeEntry[]) =>
          list.map(({ language: _language, ...rest }) => rest);
        expect(comparable(parsed)).toEqual(comparable(full));
      }),
    );
  });
});
