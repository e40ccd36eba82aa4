/** `lotse kb import|export|list`: the knowledge base in the configured store. */
import { writeFile } from 'node:fs/promises';
import { AuditLog } from '../../services/audit';
import { formatQnaTsv, KnowledgeRepository, parseQnaTsv } from '../../services/knowledge';
import { UsageError, type CliIo } from './command';
import { cliActor, withConfiguredStore } from './configured-store';
import { parseOptions, readText } from './options';

export const KB_ADMIN_USAGE = `  import <datei.tsv>   Ersetzt die Wissensdatenbank durch eine QnA-Maker-TSV-Datei
                       (fehlerhafte Dateien werden ganz abgelehnt, mit allen Fehlern je Zeile)
  export [<datei.tsv>] Schreibt die Wissensdatenbank als QnA-Maker-TSV (ohne Datei: Standardausgabe)
  list [--json]        Listet die Einträge`;

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseOptions(args, {}, KB_ADMIN_USAGE, true);
  const [file] = positionals;
  if (!file || positionals.length > 1)
    throw new UsageError(`Genau eine Datei angeben.\n${KB_ADMIN_USAGE}`);
  const parsed = parseQnaTsv(await readText(file, 'Die Datei'));
  if ('problems' in parsed) {
    io.stderr(`${file}: nicht importiert, ${parsed.problems.length} Fehler:`);
    for (const problem of parsed.problems) io.stderr(`  ${problem}`);
    return 1;
  }
  const { written, removed } = await withConfiguredStore(async (store, clock) => {
    const outcome = await new KnowledgeRepository(store, clock).replaceAll(parsed.entries);
    await new AuditLog(store, clock).record(cliActor(), 'kb.import', file, {
      entries: parsed.entries.length,
      ...outcome,
    });
    return outcome;
  });
  io.stdout(
    `${parsed.entries.length} Einträge importiert (${written} neu oder geändert, ${removed} entfernt).`,
  );
  return 0;
}

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseOptions(args, {}, KB_ADMIN_USAGE, true);
  const [file] = positionals;
  const entries = await withConfiguredStore((store, clock) =>
    new KnowledgeRepository(store, clock).loadAll(),
  );
  const tsv = formatQnaTsv(entries);
  if (file) {
    await writeFile(file, tsv, 'utf8');
    io.stderr(`${entries.length} Einträge nach ${file} exportiert.`);
  } else {
    io.stdout(tsv.replace(/\n$/, ''));
  }
  return 0;
}

export async function listCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions(args, { json: { type: 'boolean' } }, KB_ADMIN_USAGE);
  const entries = await withConfiguredStore((store, clock) =>
    new KnowledgeRepository(store, clock).loadAll(),
  );
  for (const entry of entries) {
    const line = {
      id: entry.id,
      question: entry.questions[0] ?? '',
      phrasings: entry.questions.length,
      topic: entry.metadata.topic ?? '',
      contextOnly: entry.isContextOnly,
    };
    io.stdout(
      values.json === true
        ? JSON.stringify(line)
        : `${line.id.padStart(4)}  ${line.topic.padEnd(16)}  ${line.question} (${line.phrasings} Formulierungen${line.contextOnly ? ', nur als Anschlussfrage' : ''})`,
    );
  }
  return 0;
}
