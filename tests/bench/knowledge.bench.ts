/**
 * `npm run bench -- knowledge [entries]`: index build time and search latency of the
 * knowledge engine, on the reference knowledge base of ../shared (when it is there) and on
 * a synthetic one (10,000 entries by default).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  buildKnowledgeIndex,
  parseBatchQuestions,
  parseQnaTsv,
  type KnowledgeEntry,
  type KnowledgeIndex,
} from '../../services/knowledge';
import { percentile, round, type Benchmark, type Figures } from './benchmark';

const SHARED = join(__dirname, '../../../shared/data');
const REFERENCE_KB = join(SHARED, 'kb/digitallotsen-faq.tsv');
const REFERENCE_QUESTIONS = join(SHARED, 'eval/dev-questions.tsv');

/** A small deterministic generator (LCG), so every run measures the same knowledge base. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES =
  'ba be bi da de di fa ge ha ka ke la le li ma me na ne pa ra re sa se ta te wa zu schu ster ung ein ver an er lo mo no ro so to'.split(
    ' ',
  );
const STOP_WORDS = 'wie ich der die das ist mein kann in mit für was wo'.split(' ');

/** Entries of German-looking words, word frequencies skewed as in real text. */
function syntheticEntries(count: number): { entries: KnowledgeEntry[]; questions: string[] } {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const vocabulary = Array.from({ length: 20_000 }, () =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(SYLLABLES)).join(''),
  );
  const word = (): string => vocabulary[Math.floor(vocabulary.length * next() ** 2)] as string;
  const sentence = (length: number): string =>
    Array.from({ length }, () => (next() < 0.35 ? pick(STOP_WORDS) : word())).join(' ');
  const entries = Array.from({ length: count }, (_, i): KnowledgeEntry => ({
    id: String(i + 1),
    questions: [sentence(7), sentence(6), sentence(8)],
    answer: sentence(60),
    metadata: { topic: 'synthetisch' },
    prompts: [],
    isContextOnly: false,
    source: 'benchmark',
    suggestedQuestions: '[]',
    language: 'de',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }));
  const questions = Array.from({ length: 500 }, () => {
    const entry = pick(entries);
    return `${pick(entry.questions).split(' ').slice(0, 5).join(' ')} ${word()}`;
  });
  return { entries, questions };
}

function measure(name: string, entries: KnowledgeEntry[], questions: string[]): Figures {
  const started = performance.now();
  const index = buildKnowledgeIndex(entries);
  const buildMs = performance.now() - started;
  searchAll(index, questions); // warm-up: a running bot is past JIT compilation
  const times = searchAll(index, questions);
  return {
    [`${name}Entries`]: entries.length,
    [`${name}BuildMs`]: round(buildMs, 1),
    [`${name}P50Ms`]: round(percentile(times, 50)),
    [`${name}P99Ms`]: round(percentile(times, 99)),
  };
}

function searchAll(index: KnowledgeIndex, questions: string[]): number[] {
  return questions.map((question) => {
    const started = performance.now();
    index.search(question);
    return performance.now() - started;
  });
}

function reference(progress: (line: string) => void): Figures {
  if (!existsSync(REFERENCE_KB) || !existsSync(REFERENCE_QUESTIONS)) {
    progress(`Referenz-Wissensdatenbank fehlt (${REFERENCE_KB}) – nur synthetische Messung.`);
    return { referenceKb: 'fehlt' };
  }
  const kb = parseQnaTsv(readFileSync(REFERENCE_KB, 'utf8'));
  const batch = parseBatchQuestions(readFileSync(REFERENCE_QUESTIONS, 'utf8'));
  if ('problems' in kb || 'problems' in batch) throw new Error('Referenzdaten sind fehlerhaft.');
  return measure(
    'reference',
    kb.entries,
    batch.questions.map((q) => q.question),
  );
}

export const benchmark: Benchmark = {
  name: 'knowledge',
  description: 'Index-Aufbau und Suchzeit der Wissensdatenbank (Referenz und synthetisch)',
  async run(args, progress) {
    const count = Number(args[0] ?? 10_000);
    if (!Number.isInteger(count) || count < 1) throw new Error(`Ungültige Anzahl: ${args[0]}`);
    const figures = reference(progress);
    progress(`Erzeuge ${count} synthetische Einträge …`);
    const synthetic = syntheticEntries(count);
    return { ...figures, ...measure('synthetic', synthetic.entries, synthetic.questions) };
  },
};
