/**
 * QnA Maker TSV knowledge bases (the FAQ Plus migration path): one row per phrasing, rows
 * of the same QnaId form one entry. A file is taken whole or not at all: every problem is
 * reported with its line number, in German for the administrator.
 */
import { z } from 'zod';
import { detectLanguage } from './analysis/language';
import type { KnowledgeEntry, Prompt } from './model';
import { escapeField, unescapeField } from './tsv-escaping';

export const QNA_TSV_COLUMNS = [
  'Question',
  'Answer',
  'Source',
  'Metadata',
  'SuggestedQuestions',
  'IsContextOnly',
  'Prompts',
  'QnaId',
] as const;

export const QNA_TSV_HEADER = QNA_TSV_COLUMNS.join('\t');

export type QnaTsvParseResult = { entries: KnowledgeEntry[] } | { problems: string[] };

export interface QnaTsvParseOptions {
  /** Creation time stamped on the imported entries. */
  now?: Date;
}

const promptSchema = z.array(
  z.object({
    DisplayOrder: z.number().int(),
    DisplayText: z.string().min(1),
    QnaId: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)]),
  }),
);

/** The fields that all rows of one QnaId must agree on, with their German names. */
const SHARED_FIELDS = [
  ['answer', 'eine andere Antwort'],
  ['source', 'eine andere Source'],
  ['metadata', 'andere Metadata'],
  ['suggestedQuestions', 'andere SuggestedQuestions'],
  ['isContextOnly', 'einen anderen IsContextOnly-Wert'],
  ['prompts', 'andere Prompts'],
] as const;

interface Row {
  line: number;
  question: string;
  answer: string;
  source: string;
  metadata: Record<string, string>;
  suggestedQuestions: string;
  isContextOnly: boolean;
  prompts: Prompt[];
  id: string;
}

export function parseQnaTsv(text: string, options: QnaTsvParseOptions = {}): QnaTsvParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const problems: string[] = [];
  if (lines[0] !== QNA_TSV_HEADER) {
    problems.push(`Zeile 1: Die Kopfzeile muss „${QNA_TSV_COLUMNS.join(' ⇥ ')}“ lauten.`);
  }
  const rows: Row[] = [];
  // Ids of rows with other problems still exist for prompts pointing at them.
  const ids = new Set<string>();
  lines.slice(1).forEach((content, index) => {
    if (content.trim() === '') return;
    const id = content.split('\t')[QNA_TSV_COLUMNS.length - 1] ?? '';
    if (/^\d+$/.test(id)) ids.add(canonicalId(id));
    const row = parseRow(content, index + 2, problems);
    if (row) rows.push(row);
  });
  const groups = groupRows(rows, problems);
  checkPrompts(groups, ids, problems);
  if (problems.length > 0) return { problems };
  const now = (options.now ?? new Date()).toISOString();
  return { entries: [...groups.values()].map((group) => toEntry(group, now)) };
}

function parseRow(content: string, line: number, problems: string[]): Row | undefined {
  const cells = content.split('\t');
  if (cells.length !== QNA_TSV_COLUMNS.length) {
    problems.push(`Zeile ${line}: ${cells.length} statt ${QNA_TSV_COLUMNS.length} Spalten.`);
    return undefined;
  }
  const [question, answer, source, metadata, suggested, contextOnly, prompts, id] = cells as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const before = problems.length;
  const say = (message: string): void => void problems.push(`Zeile ${line}: ${message}`);
  if (question.trim() === '') say('Question ist leer.');
  if (answer.trim() === '') say('Answer ist leer.');
  if (!/^\d+$/.test(id)) say(`QnaId „${id}“ ist keine ganze Zahl.`);
  if (!/^(true|false)$/i.test(contextOnly)) say('IsContextOnly muss true oder false sein.');
  const parsedMetadata = parseMetadata(metadata, say);
  const parsedPrompts = parsePrompts(prompts, say);
  if (problems.length > before || !parsedMetadata || !parsedPrompts) return undefined;
  return {
    line,
    question: unescapeField(question),
    answer: unescapeField(answer),
    source: unescapeField(source),
    metadata: parsedMetadata,
    suggestedQuestions: unescapeField(suggested),
    isContextOnly: contextOnly.toLowerCase() === 'true',
    prompts: parsedPrompts,
    id: canonicalId(id),
  };
}

function parseMetadata(
  cell: string,
  say: (message: string) => void,
): Record<string, string> | undefined {
  const metadata: Record<string, string> = {};
  if (cell === '') return metadata;
  for (const pair of cell.split('|')) {
    const colon = pair.indexOf(':');
    const key = unescapeField(pair.slice(0, colon));
    if (colon <= 0) {
      say(`Metadata „${pair}“ ist nicht im Format name:wert|name:wert.`);
      return undefined;
    }
    if (key in metadata) {
      say(`Metadata nennt „${key}“ zweimal.`);
      return undefined;
    }
    metadata[key] = unescapeField(pair.slice(colon + 1));
  }
  return metadata;
}

function parsePrompts(cell: string, say: (message: string) => void): Prompt[] | undefined {
  if (cell === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(cell);
  } catch {
    say('Prompts ist kein gültiges JSON.');
    return undefined;
  }
  const parsed = promptSchema.safeParse(json);
  if (!parsed.success) {
    say('Prompts muss eine Liste von Objekten mit DisplayOrder, DisplayText und QnaId sein.');
    return undefined;
  }
  return parsed.data.map((prompt) => ({
    displayText: prompt.DisplayText,
    qnaId: canonicalId(String(prompt.QnaId)),
    displayOrder: prompt.DisplayOrder,
  }));
}

function canonicalId(digits: string): string {
  return BigInt(digits).toString();
}

function groupRows(rows: Row[], problems: string[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.id);
    if (!group) {
      groups.set(row.id, [row]);
      continue;
    }
    const first = group[0] as Row;
    for (const [field, description] of SHARED_FIELDS) {
      if (JSON.stringify(row[field]) !== JSON.stringify(first[field])) {
        problems.push(
          `Zeile ${row.line}: QnaId ${row.id} hat hier ${description} als in Zeile ${first.line}.`,
        );
      }
    }
    group.push(row);
  }
  return groups;
}

function checkPrompts(groups: Map<string, Row[]>, ids: Set<string>, problems: string[]): void {
  for (const [id, group] of groups) {
    const first = group[0] as Row;
    for (const prompt of first.prompts) {
      if (!ids.has(prompt.qnaId)) {
        problems.push(
          `Zeile ${first.line}: Prompt „${prompt.displayText}“ von QnaId ${id} verweist auf QnaId ${prompt.qnaId}, die es in der Datei nicht gibt.`,
        );
      }
    }
  }
}

function toEntry(group: Row[], now: string): KnowledgeEntry {
  const first = group[0] as Row;
  const questions = group.map((row) => row.question);
  return {
    id: first.id,
    questions,
    answer: first.answer,
    metadata: first.metadata,
    prompts: first.prompts,
    isContextOnly: first.isContextOnly,
    source: first.source,
    suggestedQuestions: first.suggestedQuestions,
    language: detectLanguage(`${questions.join(' ')} ${first.answer}`),
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Writes entries as a QnA Maker TSV file. Metadata names may not contain `:` or `|` and
 * values not `|` (the format has no escape for them); such entries are refused.
 */
export function formatQnaTsv(entries: readonly KnowledgeEntry[]): string {
  const lines = [QNA_TSV_HEADER];
  for (const entry of entries) {
    const shared = [
      escapeField(entry.answer),
      escapeField(entry.source),
      formatMetadata(entry),
      escapeField(entry.suggestedQuestions),
      String(entry.isContextOnly),
      formatPrompts(entry.prompts),
      entry.id,
    ].join('\t');
    for (const question of entry.questions) lines.push(`${escapeField(question)}\t${shared}`);
  }
  return lines.join('\n') + '\n';
}

function formatMetadata(entry: KnowledgeEntry): string {
  return Object.entries(entry.metadata)
    .map(([key, value]) => {
      if (key === '' || /[:|]/.test(key) || value.includes('|')) {
        throw new Error(`Metadata „${key}“ von Eintrag ${entry.id} ist im TSV nicht darstellbar.`);
      }
      return `${escapeField(key)}:${escapeField(value)}`;
    })
    .join('|');
}

function formatPrompts(prompts: readonly Prompt[]): string {
  return JSON.stringify(
    prompts.map((prompt) => ({
      DisplayOrder: prompt.displayOrder,
      DisplayText: prompt.displayText,
      QnaId: Number(prompt.qnaId),
    })),
  );
}
