import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../services/config';
import { readTelemetryConfig } from '../../services/telemetry-config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

describe('configuration', () => {
  it('starts in local mode without credentials, bound to loopback only', () => {
    const config = loadConfig({});
    expect(config.localMode).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.store).toEqual({ kind: 'sqlite', path: './data/digitallotse.db' });
    expect(config.directory.kind).toBe('demo');
  });

  it('turns telemetry on only with an Application Insights connection string', () => {
    const connectionString = `InstrumentationKey=${APP_ID};IngestionEndpoint=https://example.invalid/`;
    expect(readTelemetryConfig({})).toBeUndefined();
    expect(readTelemetryConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: ' ' })).toBeUndefined();
    expect(
      readTelemetryConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString }),
    ).toEqual({ connectionString });
    expect(() =>
      loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString }),
    ).not.toThrow();
  });

  it('names the telemetry variable when its connection string is malformed', () => {
    expect(
      problemsOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://example.invalid' }).join(),
    ).toMatch(/^APPLICATIONINSIGHTS_CONNECTION_STRING: .*InstrumentationKey/);
  });

  it('keeps loopback in local mode even when HOST asks for more', () => {
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('127.0.0.1');
  });

  it('refuses production without credentials and names the variable', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).join()).toMatch(/^MicrosoftAppId:/);
  });

  it.each([
    [{ MicrosoftAppId: 'not-a-guid', MicrosoftAppPassword: 'x' }, 'MicrosoftAppId'],
    [{ MicrosoftAppId: APP_ID }, 'MicrosoftAppPassword'],
    [
      { MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'x' },
      'MicrosoftAppTenantId',
    ],
    [{ MicrosoftAppId: APP_ID, MicrosoftAppType: 'Sometimes' }, 'MicrosoftAppType'],
    [
      { NODE_ENV: 'production', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' },
      'ALLOWED_TENANT_IDS',
    ],
    [{ PORT: 'achtzig' }, 'PORT'],
    [{ PUBLIC_BASE_URL: 'kein link' }, 'PUBLIC_BASE_URL'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ COSMOS_ENDPOINT: 'not a url' }, 'COSMOS_ENDPOINT'],
    [{ COSMOS_ENDPOINT: 'https://x.documents.azure.com:443/' }, 'COSMOS_KEY'],
    [{ KB_ANSWER_THRESHOLD: '1.5' }, 'KB_ANSWER_THRESHOLD'],
    [
      {
        NODE_ENV: 'production',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'x',
        ALLOWED_TENANT_IDS: 't',
      },
      'DIRECTORY_FILE',
    ],
    [
      { GRAPH_CLIENT_ID: APP_ID, GRAPH_TENANT_ID: 't', GRAPH_CLIENT_SECRET: 's' },
      'LOTSEN_GROUP_ID',
    ],
    [{ KB_ANSWER_THRESHOLD: '0.3', KB_SUGGEST_THRESHOLD: '0.4' }, 'KB_SUGGEST_THRESHOLD'],
  ])('rejects %j naming %s', (env, variable) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p.startsWith(`${variable}:`))).toBe(true);
  });

  it('accepts production with complete credentials and binds to all interfaces', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      ALLOWED_TENANT_IDS: ' t1 , t2 ',
      DIRECTORY_FILE: '/etc/digitallotse/org.json',
      PUBLIC_BASE_URL: 'https://digitallotse.stadt.example/',
    });
    expect(config.publicBaseUrl).toBe('https://digitallotse.stadt.example');
    expect(config.localMode).toBe(false);
    expect(config.host).toBe('0.0.0.0');
    expect(config.allowedTenantIds).toEqual(['t1', 't2']);
    expect(config.credentials?.appId).toBe(APP_ID);
  });

  it('chooses Cosmos DB when an endpoint is configured', () => {
    const config = loadConfig({
      COSMOS_ENDPOINT: 'https://x.documents.azure.com:443/',
      COSMOS_USE_MANAGED_IDENTITY: 'true',
      AZURE_CLIENT_ID: 'mi-client',
    });
    expect(config.store).toMatchObject({
      kind: 'cosmos',
      database: 'digitallotse',
      managedIdentity: { clientId: 'mi-client' },
    });
  });
});

describe('.env.example', () => {
  const file = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
  const documented = Object.fromEntries(
    file
      .split('\n')
      .map((line) => /^([A-Za-z_]+)=([^#\s]*)/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1], match[2]]),
  ) as Record<string, string>;

  it('is a configuration the bot starts with', () => {
    expect(() => loadConfig(documented)).not.toThrow();
  });

  it('documents every variable the configuration reads', () => {
    const sources = ['services/config.ts', 'services/directory/config.ts'].map((path) =>
      readFileSync(join(__dirname, '..', '..', path), 'utf8'),
    );
    const read = sources.flatMap((source) =>
      [...source.matchAll(/^\s{2}([A-Za-z_]+): /gm)].map((m) => m[1] as string),
    );
    // Environment variables are the upper-case keys (plus the Bot Framework's MicrosoftApp*).
    const variables = read.filter((name) => /^([A-Z][A-Z0-9_]+|MicrosoftApp\w+)$/.test(name));
    expect(variables.length).toBeGreaterThan(20);
    expect(variables.filter((name) => !(name in documented))).toEqual([]);
  });
});
