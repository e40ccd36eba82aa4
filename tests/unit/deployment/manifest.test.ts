import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  MANIFEST_VERSION,
  localizationProblems,
  manifestProblems,
} from '../../../deployment/app-package/manifest-schema';
import { fillPlaceholders } from '../../../deployment/app-package/manifest-template';
import { PackagingError, packageValuesFrom } from '../../../deployment/app-package/package-values';

const manifestDir = path.join(__dirname, '..', '..', '..', 'deployment', 'manifest');
const readJson = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(manifestDir, name), 'utf8'));

const sample = {
  MicrosoftAppId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  BOT_DOMAIN: 'digitallotse-test.azurewebsites.net',
  TEAMS_APP_ID: '0d7c8a51-5a8e-4b0a-9b6f-3c2e1d0f9a87',
};
const values = packageValuesFrom(sample, '1.4.2');

interface Manifest {
  manifestVersion: string;
  id: string;
  version: string;
  validDomains: string[];
  localizationInfo: {
    defaultLanguageTag: string;
    additionalLanguages: { languageTag: string; file: string }[];
  };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string }[] }[];
  }[];
}

const template = readJson('manifest.json');
const manifest = fillPlaceholders(template, values) as unknown as Manifest;
const english = readJson('en.json');

describe('Teams app manifest', () => {
  it('is valid against the official schema once the placeholders are filled', () => {
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('is not valid with its placeholders left in', () => {
    const problems = manifestProblems(template);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/id: /),
        expect.stringMatching(/^\/bots\/0\/botId: /),
      ]),
    );
  });

  it('uses a current schema version and names the matching schema', () => {
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(Number(MANIFEST_VERSION.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(template.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    );
  });

  it('carries the ids, version and domain it was filled with', () => {
    expect(manifest.id).toBe(sample.TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(sample.MicrosoftAppId);
    expect(manifest.validDomains).toEqual([sample.BOT_DOMAIN]);
    expect(manifest.version).toBe('1.4.2');
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
  });

  it('offers the bot in personal scope with the German command list', () => {
    const bot = manifest.bots[0];
    expect(bot?.scopes).toContain('personal');
    const personal = bot?.commandLists.find((list) => list.scopes.includes('personal'));
    expect(personal?.commands.map((command) => command.title)).toEqual([
      'hilfe',
      'Wer ist mein Digitallotse?',
      'Meine Anfragen',
      'Kurse',
      'Datenschutz',
      'sprache',
    ]);
  });

  it('is German by default with an English localisation file', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('de');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([
      { languageTag: 'en', file: 'en.json' },
    ]);
  });

  it('rejects a manifest whose short name is too long, naming the field', () => {
    const tooLong = { ...manifest, name: { short: 'Digitallotse der Stadtverwaltung' } };
    expect(manifestProblems(tooLong)).toEqual([expect.stringMatching(/^\/name\/short: /)]);
  });
});

describe('English localisation', () => {
  it('is valid against the official localisation schema', () => {
    expect(localizationProblems(english)).toEqual([]);
  });

  it('translates every command title and description, and nothing that does not exist', () => {
    const commands = manifest.bots[0]?.commandLists[0]?.commands ?? [];
    const expected = commands.flatMap((_, i) => [
      `bots[0].commandLists[0].commands[${i}].title`,
      `bots[0].commandLists[0].commands[${i}].description`,
    ]);
    const commandKeys = Object.keys(english).filter((key) => key.startsWith('bots['));
    expect(commandKeys.sort()).toEqual(expected.sort());
  });

  it('is really English, not a copy of the German texts', () => {
    expect(english['bots[0].commandLists[0].commands[0].title']).toBe('help');
    expect(english['description.short']).not.toBe(
      (template.description as { short: string }).short,
    );
  });
});

describe('placeholders', () => {
  it('refuses a manifest that uses a placeholder without a value', () => {
    expect(() => fillPlaceholders({ id: '{{TEAMS_APP_GUID}}' }, values)).toThrow(PackagingError);
    expect(() => fillPlaceholders({ id: '{{TEAMS_APP_GUID}}' }, values)).toThrow(/TEAMS_APP_GUID/);
  });

  it('fills placeholders inside longer strings and arrays without touching other values', () => {
    const filled = fillPlaceholders(
      { url: 'https://{{BOT_DOMAIN}}/api', list: ['{{BOT_DOMAIN}}'], flag: true, n: 3 },
      values,
    );
    expect(filled).toEqual({
      url: `https://${sample.BOT_DOMAIN}/api`,
      list: [sample.BOT_DOMAIN],
      flag: true,
      n: 3,
    });
  });
});
