/** The small German fixture knowledge base, parsed once for the knowledge unit tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQnaTsv, type KnowledgeEntry } from '../../../services/knowledge';

export const fixtureDirectory = join(__dirname, '../../fixtures/knowledge');

export function fixtureEntries(): KnowledgeEntry[] {
  const result = parseQnaTsv(readFileSync(join(fixtureDirectory, 'fixture-kb.tsv'), 'utf8'));
  if ('problems' in result) throw new Error(result.problems.join('\n'));
  return result.entries;
}

/** A one-phrasing entry for knowledge bases built inside a test. */
export function kbEntry(id: string, question: string): KnowledgeEntry {
  return {
    id,
    questions: [question],
    answer: 'Siehe Intranet.',
    metadata: {},
    prompts: [],
    isContextOnly: false,
    source: 'test',
    suggestedQuestions: '[]',
    language: 'de',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}
