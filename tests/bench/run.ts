/**
 * `npm run bench [-- <name> [args]] [--json]`: runs one named benchmark, or all of them
 * with their defaults, and prints a table (and a JSON line with --json).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark, Figures } from './benchmark';

function discover(): Map<string, () => Benchmark> {
  const found = new Map<string, () => Benchmark>();
  for (const file of readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort()) {
    const name = file.replace(/\.bench\.ts$/, '');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand by name
    found.set(name, () => (require(join(__dirname, file)) as { benchmark: Benchmark }).benchmark);
  }
  return found;
}

function printTable(name: string, figures: Figures): void {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  process.stdout.write(`\n${name}\n${'-'.repeat(name.length)}\n`);
  for (const [key, value] of Object.entries(figures)) {
    process.stdout.write(`${key.padEnd(width)}  ${String(value)}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const available = discover();
  const [name, ...rest] = args;
  const selected = name ? [name] : [...available.keys()];
  const results: Record<string, Figures> = {};
  for (const current of selected) {
    const load = available.get(current);
    if (!load) {
      process.stderr.write(
        `Unbekannter Benchmark "${current}". Verfügbar: ${[...available.keys()].join(', ')}\n`,
      );
      return 2;
    }
    const figures = await load().run(name ? rest : [], (line) =>
      process.stderr.write(`[${current}] ${line}\n`),
    );
    results[current] = figures;
    printTable(current, figures);
  }
  if (json) {
    const only = name ? results[name] : results;
    process.stdout.write(JSON.stringify(only) + '\n');
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
