/**
 * Structural checks of deployment/azure/*.bicep. The Bicep compiler cannot be installed
 * offline, so this checks what a reader can: declarations are used, modules get the params
 * they declare, the app gets every setting the code reads, and the resources the product
 * needs are there with sensible API versions.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BicepFile } from './bicep-source';

const root = path.join(__dirname, '..', '..', '..');
const azureDir = path.join(root, 'deployment', 'azure');
const main = new BicepFile(path.join(azureDir, 'main.bicep'));
const moduleFiles = readdirSync(path.join(azureDir, 'modules')).map(
  (name) => new BicepFile(path.join(azureDir, 'modules', name)),
);
const allFiles = [main, ...moduleFiles];
const appSettings = main.varObjectKeys('appSettings');

/** Variables the code reads: the keys of the zod environment schemas in every config.ts under services/. */
function configVariables(): string[] {
  const names = new Set<string>();
  for (const file of configFiles(path.join(root, 'services'))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/z\.object\(\{\n([\s\S]*?)\n\}\)/g)) {
      for (const key of (match[1] ?? '').matchAll(/^\s{2}(\w+):/gm)) names.add(key[1] as string);
    }
  }
  return [...names];
}

/** Settings the code reads that Azure deliberately leaves unset, and why. */
const unsetInAzure: Record<string, string> = {
  PORT: 'App Service sets PORT itself',
  HOST: 'the default 0.0.0.0 is right behind App Service',
  SQLITE_PATH: 'Azure uses Cosmos DB',
  COSMOS_KEY: 'account keys are disabled; the managed identity signs in',
  DIRECTORY_FILE: 'Azure uses Microsoft Graph',
  GRAPH_CERTIFICATE_PATH: 'Graph uses the managed identity or a Key Vault secret',
  GRAPH_CERTIFICATE_PASSWORD: 'no certificate in Azure',
  GRAPH_BASE_URL: 'the global Graph endpoint is the default',
  DIRECTORY_CACHE_TTL_SECONDS: 'a tuning knob whose default fits',
  DIRECTORY_ABSENCE_TTL_SECONDS: 'a tuning knob whose default fits',
  DIRECTORY_CACHE_MAX_ENTRIES: 'a tuning knob whose default fits',
};

/** Settings announced for the directory and identity work, not yet read by config.ts. */
const plannedSettings = [
  'GRAPH_TENANT_ID',
  'GRAPH_CLIENT_ID',
  'GRAPH_CLIENT_SECRET',
  'GRAPH_USE_MANAGED_IDENTITY',
  'LOTSEN_GROUP_ID',
  'CENTRAL_GROUP_ID',
  'ORGANISERS_GROUP_ID',
  'ADMINS_GROUP_ID',
  'AZURE_CLIENT_ID',
];

describe('Bicep templates', () => {
  it.each(allFiles.map((file) => [path.relative(azureDir, file.file), file] as const))(
    '%s uses every param and var it declares',
    (_name, file) => {
      const declared = [
        ...file.params().map((p) => p.name),
        ...[...file.code.matchAll(/^var\s+(\w+)/gm)].map((m) => m[1] as string),
      ];
      expect(declared.filter((name) => !file.uses(name))).toEqual([]);
    },
  );

  it.each(main.modules().map((m) => [m.symbol, m] as const))(
    'module %s exists and gets exactly the params it declares, all required ones included',
    (_symbol, module) => {
      expect(existsSync(module.file)).toBe(true);
      const declared = new BicepFile(module.file).params();
      expect([...module.params].sort()).toEqual(
        expect.arrayContaining(
          declared
            .filter((p) => !p.hasDefault)
            .map((p) => p.name)
            .sort(),
        ),
      );
      expect(module.params.filter((name) => !declared.some((p) => p.name === name))).toEqual([]);
    },
  );

  it('reads only outputs that the modules declare', () => {
    const outputsOf = new Map(
      main.modules().map((m) => [m.symbol, new BicepFile(m.file).outputs()] as const),
    );
    const reads = [...main.code.matchAll(/\b(\w+)\.outputs\.(\w+)/g)];
    expect(reads.length).toBeGreaterThan(0);
    const unknown = reads
      .filter(([, symbol, output]) => !outputsOf.get(symbol as string)?.includes(output as string))
      .map(([read]) => read);
    expect(unknown).toEqual([]);
  });

  it('declares the resources the product runs on, with dated API versions', () => {
    const resources = allFiles.flatMap((file) => file.resources());
    expect(resources.map((r) => r.type)).toEqual(
      expect.arrayContaining([
        'Microsoft.ManagedIdentity/userAssignedIdentities',
        'Microsoft.OperationalInsights/workspaces',
        'Microsoft.Insights/components',
        'Microsoft.Insights/diagnosticSettings',
        'Microsoft.KeyVault/vaults',
        'Microsoft.KeyVault/vaults/secrets',
        'Microsoft.Authorization/roleAssignments',
        'Microsoft.DocumentDB/databaseAccounts',
        'Microsoft.DocumentDB/databaseAccounts/sqlDatabases',
        'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers',
        'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
      ]),
    );
    for (const { type, apiVersion } of resources) {
      expect(`${type}@${apiVersion}`).toMatch(/@20(2[0-9])-\d{2}-\d{2}(-preview)?$/);
    }
  });

  it('sets every variable the configuration reads, except those Azure leaves unset on purpose', () => {
    const missing = configVariables().filter(
      (name) => !appSettings.includes(name) && !(name in unsetInAzure),
    );
    expect(missing).toEqual([]);
    expect(configVariables()).toEqual(
      expect.arrayContaining(['MicrosoftAppId', 'COSMOS_ENDPOINT', 'KB_ANSWER_THRESHOLD']),
    );
  });

  it('sets the planned directory settings and never a deliberately unset one', () => {
    expect(appSettings).toEqual(expect.arrayContaining(plannedSettings));
    expect(appSettings.filter((name) => name in unsetInAzure)).toEqual([]);
  });

  it('runs production mode with Cosmos DB through the managed identity', () => {
    expect(main.varObjectValue('appSettings', 'NODE_ENV')).toBe("'production'");
    expect(main.varObjectValue('appSettings', 'COSMOS_USE_MANAGED_IDENTITY')).toBe("'true'");
    expect(main.varObjectValue('appSettings', 'AZURE_CLIENT_ID')).toBe(
      'identity.properties.clientId',
    );
    const cosmos = new BicepFile(path.join(azureDir, 'modules', 'cosmos.bicep'));
    expect(cosmos.code).toMatch(/name:\s*'EnableServerless'/);
    expect(cosmos.code).toMatch(/disableLocalAuth:\s*true/);
    expect(cosmos.code).toMatch(/type:\s*'Continuous'/);
    expect(cosmos.code).toMatch(/paths:\s*\[\s*'\/id'\s*\]/);
    expect(cosmos.code).toMatch(/sqlRoleDefinitions\/\$\{dataContributorRoleId\}/);
  });

  it('takes secrets from Key Vault references only', () => {
    for (const name of ['MicrosoftAppPassword', 'GRAPH_CLIENT_SECRET']) {
      expect(main.varObjectValue('appSettings', name)).toMatch(/keyVault\.outputs\.\w+Reference$/);
    }
    const vault = new BicepFile(path.join(azureDir, 'modules', 'key-vault.bicep'));
    for (const output of ['botAppPasswordReference', 'graphClientSecretReference']) {
      expect(vault.code).toMatch(new RegExp(`output ${output} string = '@Microsoft\\.KeyVault\\(`));
    }
    for (const secret of main.params().filter((p) => /Password|Secret/.test(p.name))) {
      expect(main.text).toMatch(new RegExp(`@secure\\(\\)\\s*\\nparam ${secret.name}\\b`));
    }
    const app = new BicepFile(path.join(azureDir, 'modules', 'app-service.bicep'));
    expect(app.code).toMatch(/keyVaultReferenceIdentity:\s*identityId/);
  });

  it('runs what `npm run build` produces on Node 20 and probes /healthz', () => {
    const app = new BicepFile(path.join(azureDir, 'modules', 'app-service.bicep'));
    expect(app.code).toMatch(/linuxFxVersion:\s*'NODE\|20-lts'/);
    expect(app.code).toMatch(/healthCheckPath:\s*'\/healthz'/);
    const command = /appCommandLine:\s*'node ([^']+)'/.exec(app.code)?.[1];
    expect(command).toBe('dist/bot/main.js');
    expect(existsSync(path.join(root, 'bot', 'main.ts'))).toBe(true);
  });

  it("connects the bot to Teams at the app's /api/messages", () => {
    const bot = new BicepFile(path.join(azureDir, 'modules', 'bot.bicep'));
    expect(bot.code).toMatch(/channelName:\s*'MsTeamsChannel'/);
    expect(bot.code).toMatch(/endpoint:\s*'https:\/\/\$\{hostName\}\/api\/messages'/);
  });

  it('declares every Cosmos container the code names, in the template and the example', () => {
    const inCode = containerNamesInCode(path.join(root, 'services'));
    expect(inCode.length).toBeGreaterThan(0);
    const declared = /param cosmosContainers array = \[([^\]]*)\]/.exec(main.code)?.[1] ?? '';
    const inTemplate = [...declared.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    const example = parametersExample();
    expect(inTemplate).toEqual(expect.arrayContaining(inCode));
    expect(example.cosmosContainers?.value).toEqual(expect.arrayContaining(inCode));
  });

  it('has an example parameters file that sets every required param and nothing unknown', () => {
    const params = main.params();
    const example = Object.keys(parametersExample());
    expect(example.filter((name) => !params.some((p) => p.name === name))).toEqual([]);
    for (const required of params.filter((p) => !p.hasDefault)) {
      expect(example).toContain(required.name);
    }
    expect(example.some((name) => /Password|Secret/.test(name))).toBe(false);
  });
});

function configFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === 'config.ts')
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function parametersExample(): Record<string, { value: unknown }> {
  const file = path.join(azureDir, 'main.parameters.example.json');
  return JSON.parse(readFileSync(file, 'utf8')).parameters;
}

/** Container names the services declare as constants (`…CONTAINER… = 'name'`). */
function containerNamesInCode(dir: string): string[] {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const source = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const match of source.matchAll(/\b\w*CONTAINER\w*\s*=\s*'([a-z][a-z0-9-]*)'/g)) {
      names.add(match[1] as string);
    }
  }
  return [...names];
}
