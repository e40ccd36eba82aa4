import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { assert, repoRoot, sharedPath, type AcceptanceCheck } from '../context';

/** The eval CLI on the shared development set. Targets are tracked here, not gated. */
export const check: AcceptanceCheck = {
  name: 'knowledge evaluation on the shared development set',
  async run(log) {
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'bot', 'cli.ts'),
        'kb',
        'eval',
        '--kb',
        sharedPath('data', 'kb', 'digitallotsen-faq.tsv'),
        '--questions',
        sharedPath('data', 'eval', 'dev-questions.tsv'),
        '--json',
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    const figures = JSON.parse(output.trim().split('\n').pop() ?? '{}') as Record<string, number>;
    assert(typeof figures.top1 === 'number', `no figures in ${output}`);
    log(`figures: ${JSON.stringify(figures)}`);
    const targets = [
      ['top1 >= 0.92', (figures.top1 ?? 0) >= 0.92],
      ['abstainRecall >= 0.85', (figures.abstainRecall ?? 0) >= 0.85],
      ['abstainPrecision >= 0.90', (figures.abstainPrecision ?? 0) >= 0.9],
    ] as const;
    for (const [target, met] of targets) log(`${met ? 'erreicht' : 'VERFEHLT'}: ${target}`);
  },
};
