/**
 * `npm run bench -- directory [--users N] [--file org.json]`: loads a generated organisation
 * (50,000 users by default, made with ../shared/data/org/generate.mjs) into the file
 * directory and routes every user once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDirectory, gatherRoutingInput, routeQuestion } from '../../services/directory';
import { percentile, round, type Benchmark } from './benchmark';

// Relative to the repository root: the shared data lives next to the checkout.
const GENERATOR = resolve(__dirname, '../../../shared/data/org/generate.mjs');
const MB = 1024 * 1024;

export const benchmark: Benchmark = {
  name: 'directory',
  description: 'Organisationsdatei laden (50.000 Nutzer) und jede Person einmal routen',
  async run(args, progress) {
    const { values } = parseArgs({
      args,
      options: { users: { type: 'string', default: '50000' }, file: { type: 'string' } },
    });
    const scratch = mkdtempSync(join(tmpdir(), 'lotse-directory-bench-'));
    try {
      const file = values.file ?? generate(Number(values.users), scratch, progress);
      return await measure(file, progress);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};

function generate(users: number, dir: string, progress: (line: string) => void): string {
  if (!existsSync(GENERATOR)) {
    throw new Error(
      `Generator fehlt: ${GENERATOR} (erwartet ../shared/data/org/generate.mjs neben dem Repository) – ` +
        'oder eine vorhandene Datei mit --file angeben',
    );
  }
  const out = join(dir, 'org.json');
  progress(`erzeuge ${users} Nutzer …`);
  execFileSync(
    process.execPath,
    [GENERATOR, '--seed', '1', '--users', String(users), '--out', out],
    {
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  return out;
}

async function measure(file: string, progress: (line: string) => void) {
  const before = process.memoryUsage();
  const loadStart = performance.now();
  const directory = createDirectory({ kind: 'file', path: file });
  const loadMs = performance.now() - loadStart;
  const afterLoad = process.memoryUsage();
  progress(`geladen in ${round(loadMs, 0)} ms`);

  const now = new Date();
  const routeMs: number[] = [];
  const decideMs: number[] = [];
  const rules: Record<string, number> = {};
  for await (const user of directory.users()) {
    const start = performance.now();
    const input = await gatherRoutingInput(directory, user.id);
    const gathered = performance.now();
    const { rule } = routeQuestion(input, now);
    const end = performance.now();
    routeMs.push(end - start);
    decideMs.push(end - gathered);
    rules[rule] = (rules[rule] ?? 0) + 1;
  }
  progress(`${routeMs.length} Nutzer geroutet`);

  return {
    users: routeMs.length,
    loadMs: round(loadMs, 0),
    rssAfterLoadMB: round(afterLoad.rss / MB, 0),
    heapUsedAfterLoadMB: round(afterLoad.heapUsed / MB, 0),
    heapGrowthMB: round((afterLoad.heapUsed - before.heapUsed) / MB, 0),
    routeP50Ms: round(percentile(routeMs, 50), 4),
    routeP99Ms: round(percentile(routeMs, 99), 4),
    routeMaxMs: round(Math.max(...routeMs), 3),
    pureRouteP50Ms: round(percentile(decideMs, 50), 4),
    pureRouteP99Ms: round(percentile(decideMs, 99), 4),
    allUsersMs: round(
      routeMs.reduce((sum, ms) => sum + ms, 0),
      0,
    ),
    ...Object.fromEntries(Object.entries(rules).map(([rule, n]) => [`rule:${rule}`, n])),
  };
}
