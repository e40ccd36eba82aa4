import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../bot/cli';
import { ManualClock } from '../../services/clock';
import { QuestionLog, type GapTopic } from '../../services/questions';
import { SqliteStore } from '../../services/storage';

const fixture = join(__dirname, '..', 'fixtures', 'knowledge', 'fixture-kb.tsv');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

describe('lotse kb import, export, list and gaps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-cli-'));
  const database = join(dir, 'bot.db');
  const previous = process.env.SQLITE_PATH;

  beforeAll(() => {
    process.env.SQLITE_PATH = database;
  });
  afterAll(() => {
    process.env.SQLITE_PATH = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a QnA Maker file into the store and exports it unchanged', async () => {
    const imported = await run('kb', 'import', fixture);
    expect(imported.code).toBe(0);
    expect(imported.out.join()).toMatch(/^10 Einträge importiert/);
    const exportFile = join(dir, 'export.tsv');
    expect((await run('kb', 'export', exportFile)).code).toBe(0);
    expect(readFileSync(exportFile, 'utf8')).toBe(readFileSync(fixture, 'utf8'));
  });

  it('records the import in the audit log, without content', async () => {
    const audit = await run('audit', '--since', '1d', '--json');
    const entries = audit.out.map(
      (line) => JSON.parse(line) as { action: string; details: object },
    );
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'kb.import',
        details: { entries: 10, written: 10, removed: 0 },
      }),
    ]);
  });

  it('lists the stored entries', async () => {
    const listed = await run('kb', 'list', '--json');
    expect(listed.out).toHaveLength(10);
    expect(JSON.parse(listed.out[0] as string)).toMatchObject({ id: '1', topic: 'drucken' });
  });

  it('rejects a bad file as a whole, listing every problem by line, and keeps the knowledge base', async () => {
    const lines = readFileSync(fixture, 'utf8').split('\n');
    lines[2] = (lines[2] as string).replace(/\t\d+$/, '\tkeine-zahl');
    lines[3] = (lines[3] as string).replace(/\t\[[^\t]*\]\t/, '\t[{kaputt\t');
    const broken = join(dir, 'broken.tsv');
    writeFileSync(broken, lines.join('\n'));
    const result = await run('kb', 'import', broken);
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toMatch(/Zeile 3/);
    expect(result.err.join('\n')).toMatch(/Zeile 4/);
    expect((await run('kb', 'list', '--json')).out).toHaveLength(10);
  });

  it('groups knowledge gaps by topic with counts per unit, within the period', async () => {
    const store = new SqliteStore({ path: database });
    const clock = new ManualClock('2026-10-01T10:00:00Z');
    const log = new QuestionLog(store, clock);
    const ask = (text: string, unit: string | null) =>
      log.record({
        askerId: 'aad:x',
        text,
        language: 'de',
        unit,
        outcome: 'abstain',
        entryIds: [],
      });
    await ask('Drucker druckt nur leere Seiten', 'Kita Sonnenblume'); // older than 30 days
    clock.set(new Date());
    await ask('Der Drucker im Flur zeigt Papierstau', 'Kita Sonnenblume');
    await ask('Drucker offline nach Umzug', 'Bürgerbüro');
    await ask('Drucker Toner leer', null);
    await store.close();

    const result = await run('kb', 'gaps', '--since', '30d', '--json');
    expect(result.code).toBe(0);
    const topics = result.out.map((line) => JSON.parse(line) as GapTopic);
    const printing = topics.find((t) => t.topic === 'drucken');
    expect(printing).toMatchObject({
      count: 3,
      units: { 'Kita Sonnenblume': 1, Bürgerbüro: 1, unbekannt: 1 },
    });
  });

  it('explains a malformed duration', async () => {
    expect((await run('kb', 'gaps', '--since', 'einen Monat')).code).toBe(2);
  });
});
