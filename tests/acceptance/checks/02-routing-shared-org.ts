import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, repoRoot, sharedPath, type AcceptanceCheck } from '../context';

interface RouteLine {
  user: string;
  rule: string;
  candidates: string[];
  pick: string | null;
}

/**
 * `lotse route --all` on the shared organisation, checked by the independent reference
 * (check.mjs recomputes R1–R5 and compares every line).
 */
export const check: AcceptanceCheck = {
  name: 'routing of every user of the shared organisation matches check.mjs',
  async run(log) {
    const org = sharedPath('data', 'org', 'stadtverwaltung.json');
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'bot', 'cli.ts'), 'route', '--directory', org, '--all'],
      { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as RouteLine);
    const rules = new Map<string, number>();
    for (const line of lines) rules.set(line.rule, (rules.get(line.rule) ?? 0) + 1);
    // check.mjs reads the expected set from `expected` and wants a `why`.
    const jsonl = lines
      .map((line) => JSON.stringify({ ...line, expected: line.candidates, why: '' }))
      .join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'routing-')), 'routing.jsonl');
    writeFileSync(file, jsonl + '\n');
    const verdict = execFileSync(
      process.execPath,
      [sharedPath('data', 'org', 'check.mjs'), org, file],
      {
        encoding: 'utf8',
      },
    );
    assert(lines.length > 1000, `only ${lines.length} users routed`);
    log(`${lines.length} users routed: ${JSON.stringify(Object.fromEntries(rules))}`);
    log(`check.mjs: ${verdict.trim().split('\n').slice(-1)[0] ?? 'ok'}`);
  },
};
