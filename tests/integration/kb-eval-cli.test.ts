import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kbCommand } from '../../bot/commands/kb';
import { UsageError, type CliIo } from '../../bot/commands/command';

const fixtures = join(__dirname, '../fixtures/knowledge');
const kb = join(fixtures, 'fixture-kb.tsv');
const questions = join(fixtures, 'fixture-questions.tsv');

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (line) => out.push(line), stderr: (line) => err.push(line) };
}

describe('lotse kb eval', () => {
  let directory: string;

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'kb-eval-'));
  });

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('prints a summary and, last, the metrics as one JSON line', async () => {
    const io = capture();
    const code = await kbCommand(['eval', '--kb', kb, '--questions', questions, '--json'], io);
    expect(code).toBe(0);
    expect(io.out.join('\n')).toContain('Wissensdatenbank: 10 Einträge');
    const metrics = JSON.parse(io.out[io.out.length - 1] as string) as Record<string, number>;
    expect(Object.keys(metrics)).toEqual([
      'inScope',
      'top1',
      'top3',
      'outOfScope',
      'abstainPrecision',
      'abstainRecall',
      'p50Ms',
      'p99Ms',
    ]);
    expect(metrics).toMatchObject({
      inScope: 8,
      top1: 1,
      top3: 1,
      outOfScope: 3,
      abstainPrecision: 1,
      abstainRecall: 1,
    });
    expect(metrics.p50Ms).toBeGreaterThanOrEqual(0);
    expect(metrics.p99Ms).toBeGreaterThanOrEqual(metrics.p50Ms as number);
  });

  it('writes the batch-test output file', async () => {
    const out = join(directory, 'out.tsv');
    const code = await kbCommand(
      ['eval', '--kb', kb, '--questions', questions, '--out', out],
      capture(),
    );
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'KBID\tQuestion\tMetadata\tTop\tExpectedAnswerID\tAnswer\tAnswerID\tScore',
    );
    expect(lines).toHaveLength(12);
    const answerIds = lines.slice(1).map((line) => line.split('\t')[6]);
    expect(answerIds).toEqual(['1', '2', '3', '4', '5', '6', '7', '10', '-1', '-1', '-1']);
  });

  it('reports the problems of a broken knowledge base with line numbers', async () => {
    const io = capture();
    const code = await kbCommand(['eval', '--kb', questions, '--questions', questions], io);
    expect(code).toBe(1);
    expect(io.err[0]).toContain('Zeile 1: Die Kopfzeile muss');
  });

  it.each([
    [[]],
    [['unbekannt']],
    [['eval', '--kb', kb]],
    [['eval', '--kb', kb, '--questions', questions, '--schnell']],
    [['eval', '--kb', join(fixtures, 'fehlt.tsv'), '--questions', questions]],
  ])('rejects bad usage %j', async (args) => {
    await expect(kbCommand(args, capture())).rejects.toBeInstanceOf(UsageError);
  });
});
