/** `lotse kb eval`: the batch test, judged on questions we never see. */
import { writeFile } from 'node:fs/promises';
import {
  buildKnowledgeIndex,
  defaultThresholds,
  evaluateQuestions,
  formatBatchResults,
  parseBatchQuestions,
  parseQnaTsv,
  summarise,
  type EvaluationMetrics,
} from '../../services/knowledge';
import { UsageError, type CliIo } from './command';
import { parseOptions, readText } from './options';

export const KB_EVAL_USAGE = `  eval --kb <datei.tsv> --questions <batch.tsv> [--out <datei.tsv>] [--json]
       Beantwortet die Fragen eines QnA-Maker-Batchtests mit der Wissensdatenbank
       und gibt Trefferquoten und Antwortzeiten aus.`;

export async function evalCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(
    args,
    {
      kb: { type: 'string' },
      questions: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    },
    KB_EVAL_USAGE,
  );
  const kbPath = values.kb;
  const questionsPath = values.questions;
  if (typeof kbPath !== 'string' || typeof questionsPath !== 'string') {
    throw new UsageError(`--kb und --questions sind Pflicht.\n${KB_EVAL_USAGE}`);
  }
  const kb = parseQnaTsv(await readText(kbPath, 'Die Wissensdatenbank'));
  const batch = parseBatchQuestions(await readText(questionsPath, 'Die Fragendatei'));
  if ('problems' in kb || 'problems' in batch) {
    for (const problem of 'problems' in kb ? kb.problems : []) io.stderr(`${kbPath}: ${problem}`);
    for (const problem of 'problems' in batch ? batch.problems : []) {
      io.stderr(`${questionsPath}: ${problem}`);
    }
    return 1;
  }
  const index = buildKnowledgeIndex(kb.entries);
  const evaluated = evaluateQuestions(index, batch.questions, defaultThresholds);
  if (typeof values.out === 'string') {
    await writeFile(values.out, formatBatchResults(batch.header, evaluated), 'utf8');
  }
  const metrics = summarise(evaluated);
  for (const line of summaryLines(kb.entries.length, metrics)) io.stdout(line);
  if (values.json === true) io.stdout(JSON.stringify(metrics));
  return 0;
}

function summaryLines(entries: number, m: EvaluationMetrics): string[] {
  const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
  return [
    `Wissensdatenbank: ${entries} Einträge`,
    `Fragen mit Antwort in der Wissensdatenbank: ${m.inScope}`,
    `  richtige Antwort (Top 1): ${percent(m.top1)}`,
    `  richtige Antwort unter den ersten drei (Top 3): ${percent(m.top3)}`,
    `Fragen ohne Antwort in der Wissensdatenbank: ${m.outOfScope}`,
    `  Zurückhaltung – Präzision: ${percent(m.abstainPrecision)}, Trefferquote: ${percent(m.abstainRecall)}`,
    `Antwortzeit: p50 ${m.p50Ms.toFixed(3)} ms, p99 ${m.p99Ms.toFixed(3)} ms`,
  ];
}
