import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parses `--name value` options strictly; a mistake becomes a UsageError with the usage text. */
export function parseOptions(args: string[], spec: OptionSpec, usage: string, positionals = false) {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}

export async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new UsageError(`${what} „${path}“ lässt sich nicht lesen.`);
  }
}

const UNITS_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** "30d", "12h", "2w" → milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)([hdw])$/.exec(text.trim());
  if (!match) throw new UsageError(`„${text}“ ist keine Dauer (Beispiele: 12h, 30d, 2w).`);
  return Number(match[1]) * (UNITS_MS[match[2] as string] as number);
}
