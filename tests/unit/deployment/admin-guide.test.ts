/**
 * The admin guide must keep up with the code: every variable the bot, the Azure template or
 * the package build reads is documented, and the operational entry points are named.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BicepFile } from './bicep-source';

const root = path.join(__dirname, '..', '..', '..');
const guide = readFileSync(path.join(root, 'deployment', 'ADMIN.md'), 'utf8');
const documented = new Set([...guide.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1]));

function envExampleKeys(): string[] {
  const text = readFileSync(path.join(root, '.env.example'), 'utf8');
  return [...text.matchAll(/^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1] as string);
}

function configKeys(): string[] {
  const keys: string[] = [];
  for (const entry of readdirSync(path.join(root, 'services'), {
    withFileTypes: true,
    recursive: true,
  })) {
    if (!entry.isFile() || entry.name !== 'config.ts') continue;
    const source = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const block of source.matchAll(/z\.object\(\{\n([\s\S]*?)\n\}\)/g)) {
      keys.push(...[...(block[1] ?? '').matchAll(/^\s{2}(\w+):/gm)].map((m) => m[1] as string));
    }
  }
  return keys;
}

const undocumented = (names: string[]) => names.filter((name) => !documented.has(name));

describe('admin guide (deployment/ADMIN.md)', () => {
  it('documents every variable the bot reads', () => {
    const keys = configKeys();
    expect(keys.length).toBeGreaterThan(10);
    expect(undocumented(keys)).toEqual([]);
    expect(undocumented(envExampleKeys())).toEqual([]);
  });

  it('documents every app setting the Azure template sets', () => {
    const main = new BicepFile(path.join(root, 'deployment', 'azure', 'main.bicep'));
    expect(undocumented(main.varObjectKeys('appSettings'))).toEqual([]);
  });

  it('documents the packaging variables', () => {
    const source = readFileSync(
      path.join(root, 'deployment', 'app-package', 'package-values.ts'),
      'utf8',
    );
    const names = [...source.matchAll(/'((?:TEAMS_APP|BOT)_[A-Z_]+|MicrosoftAppId)'/g)].map(
      (m) => m[1] as string,
    );
    expect(names).toEqual(
      expect.arrayContaining(['BOT_DOMAIN', 'TEAMS_APP_ID', 'TEAMS_APP_PRIVACY_URL']),
    );
    expect(undocumented(names)).toEqual([]);
  });

  it('names the Graph permissions, the groups and the operational entry points', () => {
    for (const text of [
      'User.Read.All',
      'GroupMember.Read.All',
      'MailboxSettings.Read',
      'TeamsAppInstallation.ReadWriteForUser.All',
      'Digitallotsen Zentrale',
      'npm run package',
      'npm run -s lotse -- kb import',
      '/healthz',
      '/readyz',
      '.backup',
      'az deployment group create',
    ]) {
      expect(guide).toContain(text);
    }
  });
});
