/**
 * The directory's part of the environment. Without Graph credentials and without
 * DIRECTORY_FILE the bot uses the shipped demo organisation (local mode).
 */
import { z } from 'zod';
import type { DirectoryOptions } from './create-directory';
import type { GraphCredentialOptions } from './graph/credential';

const text = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const environment = z.object({
  DIRECTORY_FILE: text,
  GRAPH_TENANT_ID: text,
  GRAPH_CLIENT_ID: text,
  GRAPH_CLIENT_SECRET: text,
  GRAPH_CERTIFICATE_PATH: text,
  GRAPH_CERTIFICATE_PASSWORD: text,
  GRAPH_USE_MANAGED_IDENTITY: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
  GRAPH_BASE_URL: text.pipe(z.url({ protocol: /^https$/ }).optional()),
  LOTSEN_GROUP_ID: text,
  CENTRAL_GROUP_ID: text,
  ORGANISERS_GROUP_ID: text,
  ADMINS_GROUP_ID: text,
  DIRECTORY_CACHE_TTL_SECONDS: positiveInt(900),
  DIRECTORY_ABSENCE_TTL_SECONDS: positiveInt(300),
  DIRECTORY_CACHE_MAX_ENTRIES: positiveInt(20_000),
});
type Parsed = z.infer<typeof environment>;

/** Bad directory settings; each problem names its variable. */
export class DirectoryConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DirectoryConfigError';
  }
}

export function readDirectoryConfig(env: Record<string, string | undefined>): DirectoryOptions {
  const result = environment.safeParse(env);
  if (!result.success) {
    throw new DirectoryConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const parsed = result.data;
  const groups = {
    ...(parsed.LOTSEN_GROUP_ID && { lotsen: parsed.LOTSEN_GROUP_ID }),
    ...(parsed.CENTRAL_GROUP_ID && { central: parsed.CENTRAL_GROUP_ID }),
    ...(parsed.ORGANISERS_GROUP_ID && { organisers: parsed.ORGANISERS_GROUP_ID }),
    ...(parsed.ADMINS_GROUP_ID && { admins: parsed.ADMINS_GROUP_ID }),
  };
  const usesGraph = parsed.GRAPH_CLIENT_ID !== undefined || parsed.GRAPH_USE_MANAGED_IDENTITY;
  if (parsed.DIRECTORY_FILE !== undefined) {
    if (usesGraph) {
      throw new DirectoryConfigError([
        'DIRECTORY_FILE: nicht zusammen mit GRAPH_CLIENT_ID / GRAPH_USE_MANAGED_IDENTITY',
      ]);
    }
    return { kind: 'file', path: parsed.DIRECTORY_FILE, groups };
  }
  if (!usesGraph) return { kind: 'demo', groups };

  const problems: string[] = [];
  if (!groups.lotsen) {
    problems.push('LOTSEN_GROUP_ID: fehlt (Objekt-ID der Gruppe der Digitallotsen)');
  }
  if (!groups.central) {
    problems.push('CENTRAL_GROUP_ID: fehlt (Objekt-ID der Gruppe des zentralen Teams)');
  }
  const credential = credentialOf(parsed, problems);
  if (problems.length > 0 || !credential || !groups.lotsen || !groups.central) {
    throw new DirectoryConfigError(problems);
  }
  return {
    kind: 'graph',
    credential,
    groups: { ...groups, lotsen: groups.lotsen, central: groups.central },
    baseUrl: parsed.GRAPH_BASE_URL,
    cacheTtlMs: parsed.DIRECTORY_CACHE_TTL_SECONDS * 1000,
    absenceTtlMs: parsed.DIRECTORY_ABSENCE_TTL_SECONDS * 1000,
    cacheMaxEntries: parsed.DIRECTORY_CACHE_MAX_ENTRIES,
  };
}

function credentialOf(parsed: Parsed, problems: string[]): GraphCredentialOptions | undefined {
  if (parsed.GRAPH_USE_MANAGED_IDENTITY) {
    return { kind: 'managed-identity', clientId: parsed.GRAPH_CLIENT_ID };
  }
  const { GRAPH_TENANT_ID: tenantId, GRAPH_CLIENT_ID: clientId } = parsed;
  if (tenantId === undefined) problems.push('GRAPH_TENANT_ID: fehlt (nötig mit GRAPH_CLIENT_ID)');
  if (parsed.GRAPH_CERTIFICATE_PATH === undefined && parsed.GRAPH_CLIENT_SECRET === undefined) {
    problems.push('GRAPH_CLIENT_SECRET oder GRAPH_CERTIFICATE_PATH: eins von beiden ist nötig');
  }
  if (tenantId === undefined || clientId === undefined) return undefined;
  if (parsed.GRAPH_CERTIFICATE_PATH !== undefined) {
    return {
      kind: 'certificate',
      tenantId,
      clientId,
      certificatePath: parsed.GRAPH_CERTIFICATE_PATH,
      certificatePassword: parsed.GRAPH_CERTIFICATE_PASSWORD,
    };
  }
  if (parsed.GRAPH_CLIENT_SECRET === undefined) return undefined;
  return { kind: 'client-secret', tenantId, clientId, clientSecret: parsed.GRAPH_CLIENT_SECRET };
}
