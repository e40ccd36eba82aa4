/**
 * `npm run package` end to end: the zip that goes to the Teams admin center, built from the
 * real manifest folder into a temporary directory, read back and checked file by file.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { iconProblems } from '../../deployment/app-package/icon-rules';
import {
  localizationProblems,
  manifestProblems,
} from '../../deployment/app-package/manifest-schema';

const root = path.join(__dirname, '..', '..');
const run = promisify(execFile);

const env = {
  MicrosoftAppId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  BOT_DOMAIN: 'digitallotse-test.azurewebsites.net',
  TEAMS_APP_ID: '0d7c8a51-5a8e-4b0a-9b6f-3c2e1d0f9a87',
  TEAMS_APP_VERSION: '1.0.3',
};

/** Runs the package script as an admin would, with only the given variables set. */
async function packageScript(vars: Record<string, string>, args: string[]) {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  try {
    const { stdout, stderr } = await run(tsx, ['deployment/app-package/main.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...vars },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run package', () => {
  let dir: string;
  let zip: AdmZip;
  let result: Awaited<ReturnType<typeof packageScript>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'teams-package-'));
    result = await packageScript(env, ['--out', path.join(dir, 'digitallotse.zip')]);
    zip = new AdmZip(path.join(dir, 'digitallotse.zip'));
  }, 30_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const json = (name: string): Record<string, unknown> => JSON.parse(zip.readAsText(name, 'utf8'));

  it('writes a zip with the manifest, its localisation and both icons at the root', () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Teams-App-Paket geschrieben');
    expect(
      zip
        .getEntries()
        .map((entry) => entry.entryName)
        .sort(),
    ).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
  });

  it('fills the ids, version and domain from the environment', () => {
    const manifest = json('manifest.json');
    expect(manifest.id).toBe(env.TEAMS_APP_ID);
    expect(manifest.version).toBe(env.TEAMS_APP_VERSION);
    expect(manifest.validDomains).toEqual([env.BOT_DOMAIN]);
    expect((manifest.bots as { botId: string }[])[0]?.botId).toBe(env.MicrosoftAppId);
  });

  it('contains only files that pass the schema and icon checks', () => {
    expect(manifestProblems(json('manifest.json'))).toEqual([]);
    expect(localizationProblems(json('en.json'))).toEqual([]);
    expect(iconProblems('color', 'color.png', zip.readFile('color.png') as Buffer)).toEqual([]);
    expect(iconProblems('outline', 'outline.png', zip.readFile('outline.png') as Buffer)).toEqual(
      [],
    );
  });

  it('hints that the developer links still point at the bot', () => {
    expect(result.stdout).toMatch(
      /Hinweis: TEAMS_APP_WEBSITE_URL, TEAMS_APP_PRIVACY_URL, TEAMS_APP_TERMS_URL/,
    );
  });

  it('fails with a German message naming the missing variable and writes nothing', async () => {
    const out = path.join(dir, 'missing.zip');
    const failed = await packageScript({ ...env, MicrosoftAppId: '' }, ['--out', out]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Umgebungsvariable MicrosoftAppId fehlt');
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
