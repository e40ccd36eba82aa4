import { join } from 'node:path';
import { runCli } from '../../bot/cli';
import type { CliIo } from '../../bot/commands/command';

const FIXTURES = join(__dirname, '../fixtures/directory');
const SMALL_ORG = join(FIXTURES, 'small-org.json');

async function lotse(
  ...args: string[]
): Promise<{ code: number; lines: unknown[]; errors: string[] }> {
  const out: string[] = [];
  const errors: string[] = [];
  const io: CliIo = { stdout: (line) => out.push(line), stderr: (line) => errors.push(line) };
  const code = await runCli(args, io);
  return { code, lines: out.map((line) => JSON.parse(line) as unknown), errors };
}

const at = (upn: string) => `${upn}@stadt.example`;

describe('lotse route', () => {
  it('prints one JSON line per user with rule, sorted candidates and the pick', async () => {
    const { code, lines, errors } = await lotse('route', '--directory', SMALL_ORG, '--all');
    expect({ code, errors }).toEqual({ code: 0, errors: [] });
    expect(lines).toEqual([
      {
        user: at('leitung'),
        rule: 'central',
        candidates: [at('emil'), at('fiona')],
        pick: at('emil'),
      },
      // ben has automatic replies on: the pick moves on to the central team.
      { user: at('anna'), rule: 'self-unit', candidates: [at('ben')], pick: at('emil') },
      { user: at('ben'), rule: 'self-unit', candidates: [at('anna')], pick: at('anna') },
      { user: at('carla'), rule: 'unit', candidates: [at('anna'), at('ben')], pick: at('anna') },
      {
        user: at('dora'),
        rule: 'manager-chain',
        candidates: [at('anna'), at('ben')],
        pick: at('anna'),
      },
      { user: at('emil'), rule: 'self-unit', candidates: [at('fiona')], pick: at('fiona') },
      { user: at('fiona'), rule: 'self-unit', candidates: [at('emil')], pick: at('emil') },
      { user: at('gast'), rule: 'not-routable', candidates: [], pick: null },
      { user: at('ida'), rule: 'not-routable', candidates: [], pick: null },
    ]);
  });

  it('routes the users asked for, by UPN or id in any case, and warns about unknown ones', async () => {
    const { code, lines, errors } = await lotse(
      'route',
      '--directory',
      SMALL_ORG,
      '--user',
      'CARLA@Stadt.Example',
      '--user',
      'id-dora',
      '--user',
      'neu@stadt.example',
    );
    expect(code).toBe(0);
    expect(lines).toEqual([
      expect.objectContaining({ user: at('carla'), rule: 'unit' }),
      expect.objectContaining({ user: at('dora'), rule: 'manager-chain' }),
      {
        user: 'neu@stadt.example',
        rule: 'central',
        candidates: [at('emil'), at('fiona')],
        pick: at('emil'),
      },
    ]);
    expect(errors).toEqual([expect.stringContaining('neu@stadt.example')]);
  });

  it('exits with 2 and the JSON path of the problem for a malformed file', async () => {
    const { code, lines, errors } = await lotse(
      'route',
      '--directory',
      join(FIXTURES, 'malformed-org.json'),
      '--all',
    );
    expect(code).toBe(2);
    expect(lines).toEqual([]);
    expect(errors.join('\n')).toContain(
      'users[3].accountEnabled: expected boolean, received string',
    );
  });

  it.each([
    ['no directory', ['--all']],
    ['neither --all nor --user', ['--directory', SMALL_ORG]],
    ['both --all and --user', ['--directory', SMALL_ORG, '--all', '--user', 'x']],
    ['an unknown option', ['--directory', SMALL_ORG, '--all', '--verbose']],
    ['a bad time', ['--directory', SMALL_ORG, '--all', '--at', 'morgen']],
  ])('exits with 2 and the usage for %s', async (_case, args) => {
    const { code, errors } = await lotse('route', ...args);
    expect(code).toBe(2);
    expect(errors.join('\n')).toMatch(/lotse route|--at/);
  });
});
