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
