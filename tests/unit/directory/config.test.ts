import { DirectoryConfigError, readDirectoryConfig } from '../../../services/directory';

const GRAPH = {
  GRAPH_TENANT_ID: 'tenant',
  GRAPH_CLIENT_ID: 'client',
  LOTSEN_GROUP_ID: 'lotsen',
  CENTRAL_GROUP_ID: 'central',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    readDirectoryConfig(env);
  } catch (error) {
    if (error instanceof DirectoryConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('readDirectoryConfig', () => {
  it('uses the demo organisation when nothing is configured', () => {
    expect(readDirectoryConfig({})).toEqual({ kind: 'demo', groups: {} });
  });

  it('reads an organisation file, with group ids overriding the file’s', () => {
    expect(
      readDirectoryConfig({ DIRECTORY_FILE: 'org.json', ORGANISERS_GROUP_ID: 'orga' }),
    ).toEqual({
      kind: 'file',
      path: 'org.json',
      groups: { organisers: 'orga' },
    });
  });

  it('signs in to Graph with a client secret, with cache defaults', () => {
    expect(readDirectoryConfig({ ...GRAPH, GRAPH_CLIENT_SECRET: 's3cret' })).toEqual({
      kind: 'graph',
      credential: {
        kind: 'client-secret',
        tenantId: 'tenant',
        clientId: 'client',
        clientSecret: 's3cret',
      },
      groups: { lotsen: 'lotsen', central: 'central' },
      baseUrl: undefined,
      cacheTtlMs: 900_000,
      absenceTtlMs: 300_000,
      cacheMaxEntries: 20_000,
    });
  });

  it('prefers a certificate over a secret', () => {
    const config = readDirectoryConfig({
      ...GRAPH,
      GRAPH_CLIENT_SECRET: 's3cret',
      GRAPH_CERTIFICATE_PATH: '/certs/graph.pem',
    });
    expect(config).toMatchObject({
      credential: { kind: 'certificate', certificatePath: '/certs/graph.pem' },
    });
  });

  it('uses a managed identity, user-assigned when a client id is given', () => {
    const env = { LOTSEN_GROUP_ID: 'l', CENTRAL_GROUP_ID: 'c', GRAPH_USE_MANAGED_IDENTITY: 'true' };
    expect(readDirectoryConfig(env)).toMatchObject({ credential: { kind: 'managed-identity' } });
    expect(readDirectoryConfig({ ...env, GRAPH_CLIENT_ID: 'uami' })).toMatchObject({
      credential: { kind: 'managed-identity', clientId: 'uami' },
    });
  });

  it('names every missing variable for Graph', () => {
    expect(problemsOf({ GRAPH_CLIENT_ID: 'client' })).toEqual([
      expect.stringMatching(/^LOTSEN_GROUP_ID/),
      expect.stringMatching(/^CENTRAL_GROUP_ID/),
      expect.stringMatching(/^GRAPH_TENANT_ID/),
      expect.stringMatching(/^GRAPH_CLIENT_SECRET oder GRAPH_CERTIFICATE_PATH/),
    ]);
  });

  it('rejects a file and Graph at the same time, and bad values', () => {
    expect(problemsOf({ ...GRAPH, DIRECTORY_FILE: 'org.json' })).toEqual([
      expect.stringMatching(/^DIRECTORY_FILE/),
    ]);
    expect(problemsOf({ GRAPH_BASE_URL: 'http://graph.local' })).toEqual([
      expect.stringMatching(/^GRAPH_BASE_URL/),
    ]);
    expect(problemsOf({ DIRECTORY_CACHE_TTL_SECONDS: '-5' })).toEqual([
      expect.stringMatching(/^DIRECTORY_CACHE_TTL_SECONDS/),
    ]);
  });
});
