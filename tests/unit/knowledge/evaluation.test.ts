import {
  buildKnowledgeIndex,
  evaluateQuestions,
  formatBatchResults,
  parseBatchQuestions,
  summarise,
  type BatchQuestion,
} from '../../../services/knowledge';
import { fixtureEntries } from './fixture-kb';

const index = buildKnowledgeIndex(fixtureEntries());
const thresholds = { answer: 0.4, suggest: 0.15, maxSuggestions: 3 };

function questions(rows: [string, string][]): BatchQuestion[] {
  const parsed = parseBatchQuestions(
    [
      'KBID\tQuestion\tMetadata\tTop\tExpectedAnswerID',
      ...rows.map(([q, id]) => `kb\t${q}\t\t3\t${id}`),
    ].join('\n'),
  );
  if ('problems' in parsed) throw new Error(parsed.problems.join('\n'));
  return parsed.questions;
}

/** A clock that advances one millisecond per reading: every question "takes" 1 ms. */
function steppingClock(): () => number {
  let now = 0;
  return () => now++;
}

describe('batch test input', () => {
  it('reads the QnA Maker batch-test columns', () => {
    const parsed = parseBatchQuestions(
      'KBID\tQuestion\tMetadata\tTop\tExpectedAnswerID\nkb\tWie?\t\t3\t-1\nkb\tWas?\t\t3\t\n',
    );
    expect(parsed).toEqual({
      header: ['KBID', 'Question', 'Metadata', 'Top', 'ExpectedAnswerID'],
      questions: [
        { line: 2, cells: ['kb', 'Wie?', '', '3', '-1'], question: 'Wie?', expectedAnswerId: '-1' },
        { line: 3, cells: ['kb', 'Was?', '', '3', ''], question: 'Was?' },
      ],
    });
  });

  it('reports bad rows with their line numbers', () => {
    const parsed = parseBatchQuestions(
      'KBID\tQuestion\tMetadata\tTop\tExpectedAnswerID\nkb\t\t\t3\t1\nkb\tWie?\t\t3\tx\n',
    );
    expect(parsed).toEqual({
      problems: [
        'Zeile 2: Question ist leer.',
        'Zeile 3: ExpectedAnswerID „x“ ist weder eine QnaId noch -1.',
      ],
    });
  });

  it('rejects a file that is no batch test', () => {
    expect(parseBatchQuestions('Frage\tAntwort\n')).toEqual({
      problems: [
        'Zeile 1: Die Kopfzeile muss „KBID ⇥ Question ⇥ Metadata ⇥ Top ⇥ ExpectedAnswerID“ lauten.',
      ],
    });
  });
});

describe('batch evaluation', () => {
  const batch = questions([
    ['Wie ändere ich mein Passwort?', '2'],
    ['VPN im Homeoffice verbinden', '4'],
    ['Wie melde ich eine verdächtige E-Mail?', '2'],
    ['Wie wird das Wetter morgen?', '-1'],
    ['Hallo', '-1'],
    ['Wie plane ich eine Teams-Besprechung?', '-1'],
  ]);
  const evaluated = evaluateQuestions(index, batch, thresholds, steppingClock());

  it('counts answers, misses and abstentions by the documented rules', () => {
    expect(summarise(evaluated)).toEqual({
      inScope: 3,
      top1: 0.6667,
      top3: 0.6667,
      outOfScope: 3,
      abstainPrecision: 1,
      abstainRecall: 0.6667,
      p50Ms: 1,
      p99Ms: 1,
    });
  });

  it('writes the input columns with answer, id and score', () => {
    const [header, first, , , weather, hello] = formatBatchResults(
      ['KBID', 'Question', 'Metadata', 'Top', 'ExpectedAnswerID'],
      evaluated,
    ).split('\n');
    expect(header).toBe('KBID\tQuestion\tMetadata\tTop\tExpectedAnswerID\tAnswer\tAnswerID\tScore');
    expect(first?.split('\t').slice(0, 5)).toEqual([
      'kb',
      'Wie ändere ich mein Passwort?',
      '',
      '3',
      '2',
    ]);
    expect(first?.split('\t')[6]).toBe('2');
    expect(first?.split('\t')[5]).toContain('\\n');
    expect(weather?.split('\t').slice(5)).toEqual([
      'Keine passende Antwort gefunden.',
      '-1',
      '0.00',
    ]);
    expect(hello?.split('\t')[6]).toBe('-1');
  });

  it('gives perfect precision and recall when nothing needs counting', () => {
    expect(summarise([])).toMatchObject({
      inScope: 0,
      top1: 1,
      abstainPrecision: 1,
      abstainRecall: 1,
    });
  });
});
