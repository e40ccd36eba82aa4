/**
 * The QnA Maker batch-test format: input rows `KBID Question Metadata Top ExpectedAnswerID`
 * (the last three optional), output rows with `Answer AnswerID Score` appended.
 */
import { escapeField } from './tsv-escaping';

export interface BatchQuestion {
  line: number;
  /** The input row as read, written back in front of the results. */
  cells: string[];
  question: string;
  /** `-1` for a question the bot must not answer; undefined when not labelled. */
  expectedAnswerId?: string;
}

export interface BatchResult {
  answer: string;
  /** `-1` when the bot gives no answer. */
  answerId: string;
  /** 0..100 as in QnA Maker. */
  score: number;
}

const INPUT_COLUMNS = ['KBID', 'Question', 'Metadata', 'Top', 'ExpectedAnswerID'];

export type BatchParseResult =
  { header: string[]; questions: BatchQuestion[] } | { problems: string[] };

export function parseBatchQuestions(text: string): BatchParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  const problems: string[] = [];
  if (header.length < 2 || header.some((name, i) => name !== INPUT_COLUMNS[i])) {
    problems.push(`Zeile 1: Die Kopfzeile muss „${INPUT_COLUMNS.join(' ⇥ ')}“ lauten.`);
  }
  const questions: BatchQuestion[] = [];
  lines.slice(1).forEach((content, index) => {
    const line = index + 2;
    if (content.trim() === '') return;
    const cells = content.split('\t');
    const question = cells[1]?.trim() ?? '';
    const expected = cells[4]?.trim() ?? '';
    if (cells.length > header.length) {
      problems.push(`Zeile ${line}: ${cells.length} statt ${header.length} Spalten.`);
    } else if (question === '') {
      problems.push(`Zeile ${line}: Question ist leer.`);
    } else if (expected !== '' && !/^(-1|\d+)$/.test(expected)) {
      problems.push(`Zeile ${line}: ExpectedAnswerID „${expected}“ ist weder eine QnaId noch -1.`);
    } else {
      questions.push({
        line,
        cells,
        question,
        ...(expected === ''
          ? {}
          : { expectedAnswerId: expected === '-1' ? '-1' : String(BigInt(expected)) }),
      });
    }
  });
  return problems.length > 0 ? { problems } : { header, questions };
}

export function formatBatchResults(
  header: string[],
  rows: { question: BatchQuestion; result: BatchResult }[],
): string {
  const lines = [[...header, 'Answer', 'AnswerID', 'Score'].join('\t')];
  for (const { question, result } of rows) {
    const cells = [...question.cells];
    while (cells.length < header.length) cells.push('');
    lines.push(
      [...cells, escapeField(result.answer), result.answerId, result.score.toFixed(2)].join('\t'),
    );
  }
  return lines.join('\n') + '\n';
}
