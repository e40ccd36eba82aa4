import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeEntry } from './model';
import { parseQnaTsv } from './tsv';

/** The knowledge base shipped with the project, loaded on first start. */
export function readDefaultKnowledgeBase(): KnowledgeEntry[] {
  const result = parseQnaTsv(readFileSync(join(__dirname, 'default-kb.tsv'), 'utf8'));
  if ('problems' in result) {
    throw new Error(`default-kb.tsv ist ungültig:\n${result.problems.join('\n')}`);
  }
  return result.entries;
}
