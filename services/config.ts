/**
 * The one place where the environment becomes configuration. Everything the bot reads
 * from the environment is declared here and documented in .env.example; a bad value
 * stops the start with a message that names the variable.
 */
import { z } from 'zod';
import { DirectoryConfigError, readDirectoryConfig, type DirectoryOptions } from './directory';
import { defaultThresholds } from './knowledge';
import { connectionStringSchema } from './telemetry-config';

const DEFAULT_SQLITE_PATH = './data/digitallotse.db';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== ''),
  );

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const unitInterval = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: positiveInt(256 * 1024),
  USER_MESSAGES_PER_MINUTE: positiveInt(20),
  /** Where users' browsers reach the bot (download links such as calendar files). */
  PUBLIC_BASE_URL: optionalText.pipe(z.url().optional()),

  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  ALLOWED_TENANT_IDS: list,

  SQLITE_PATH: z.string().trim().min(1).default(DEFAULT_SQLITE_PATH),
  COSMOS_ENDPOINT: optionalText.pipe(z.url().optional()),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().trim().min(1).default('digitallotse'),
  COSMOS_USE_MANAGED_IDENTITY: flag,
  /** Client id of the user-assigned managed identity (App Service sets it for us). */
  AZURE_CLIENT_ID: optionalText,

  KB_ANSWER_THRESHOLD: unitInterval(defaultThresholds.answer),
  KB_SUGGEST_THRESHOLD: unitInterval(defaultThresholds.suggest),
  GAPS_RETENTION_DAYS: positiveInt(90),
  TICKETS_RETENTION_DAYS: positiveInt(180),
  DELIVERIES_RETENTION_DAYS: positiveInt(30),

  ESCALATION_WORKING_HOURS: z.coerce.number().positive().max(200).default(4),
  REMINDER_WORKING_DAYS: z.coerce.number().positive().max(30).default(2),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** Install the Teams app via Graph for a lotse who has not, so a ticket can reach them. */
  TEAMS_APP_AUTO_INSTALL: flag,
  /** The app's id in the tenant's app catalog (not the manifest id). */
  TEAMS_APP_CATALOG_ID: optionalText,

  /** The app's Teams limit per tenant that announcements may use (all instances together). */
  BROADCAST_REQUESTS_PER_SECOND: z.coerce.number().positive().max(10_000).default(50),
  /** Announcements to more people than this need a second organiser's approval. */
  BROADCAST_APPROVAL_THRESHOLD: z.coerce.number().int().min(0).default(500),
  /** Whether this instance runs a send worker (default true; any number may). */
  BROADCAST_WORKER: z
    .enum(['true', 'false', '1', '0', ''])
    .optional()
    .transform((value) => value !== 'false' && value !== '0'),
  /** The announcements API: the audience (app id URI or client id) its tokens must carry. */
  ANNOUNCEMENTS_API_AUDIENCE: optionalText,
  /** The tenant whose tokens the API accepts; defaults to MicrosoftAppTenantId. */
  ANNOUNCEMENTS_API_TENANT_ID: optionalText,

  /** Reminders of new courses, as ISO 8601 durations before each session. */
  COURSE_REMINDERS: optionalText
    .transform((value) =>
      (value ?? 'P7D,P1D,PT1H')
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .pipe(
      z.array(
        z.string().regex(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/, {
          message: 'erwartet ISO-8601-Dauern wie P7D,P1D,PT1H',
        }),
      ),
    ),
  COURSE_REMINDERS_ON_WEEKENDS: flag,
  COURSE_CALENDAR_EMAIL: optionalText.pipe(z.email().optional()),

  /** Set: requests and dependencies are traced to Application Insights (bot/telemetry). */
  APPLICATIONINSIGHTS_CONNECTION_STRING: connectionStringSchema,
});

export type Environment = Record<string, string | undefined>;

export type StoreConfig =
  | { kind: 'sqlite'; path: string }
  | {
      kind: 'cosmos';
      endpoint: string;
      database: string;
      key?: string;
      /** Sign in with the managed identity (this client id for a user-assigned one). */
      managedIdentity?: { clientId?: string };
    };

export interface BotCredentials {
  appId: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface Config {
  production: boolean;
  /** No credentials: anonymous, loopback only. Never in production. */
  localMode: boolean;
  port: number;
  host: string;
  /** Base of links that users open in their browser, without a trailing slash. */
  publicBaseUrl: string;
  logLevel: string;
  maxBodyBytes: number;
  /** Messages (and card actions) one user may send per minute; more get a friendly "wait". */
  userMessagesPerMinute: number;
  credentials?: BotCredentials;
  /** Empty: every tenant (only allowed in local mode). */
  allowedTenantIds: string[];
  store: StoreConfig;
  /** Graph, an organisation file, or the shipped demo organisation (local only). */
  directory: DirectoryOptions;
  knowledge: { answerThreshold: number; suggestThreshold: number; gapsRetentionDays: number };
  /** Days after which closed tickets and delivery records are deleted (nightly job). */
  retention: { ticketsDays: number; deliveriesDays: number };
  /** Hand-off deadlines, in working time (Mon–Fri 7–17 Europe/Berlin, BW holidays off). */
  tickets: { escalationWorkingHours: number; reminderWorkingDays: number };
  /** Present when the app may be installed for lotsen without it (needs Graph). */
  teamsAppInstall?: { catalogId: string };
  /** How often an instance polls for due jobs; 0 turns polling off (tests run jobs by hand). */
  scheduler: { intervalMs: number };
  /** Defaults for courses: reminder offsets, weekend sends, the calendar files' organiser. */
  courses: { reminders: string[]; remindersOnWeekends: boolean; calendarEmail: string };
  /** Announcements: the rate they may use, the approval threshold, whether to send from here. */
  broadcast: {
    requestsPerSecond: number;
    approvalThreshold: number;
    worker: boolean;
    /** Absent: `POST /api/announcements` and its siblings answer 404. */
    api?: { audience: string; tenantId: string };
  };
}

/** Bad configuration: the message names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ungültige Konfiguration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Parsed = z.infer<typeof environmentSchema>;

export function loadConfig(env: Environment = process.env): Config {
  const result = environmentSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const parsed = result.data;
  const { directory, problems: directoryProblems } = directoryOf(env, parsed);
  const problems = [
    ...credentialProblems(parsed),
    ...storeProblems(parsed),
    ...directoryProblems,
    ...announcementsApiProblems(parsed),
    ...teamsAppInstallProblems(parsed, directory),
  ];
  if (parsed.KB_SUGGEST_THRESHOLD > parsed.KB_ANSWER_THRESHOLD) {
    problems.push('KB_SUGGEST_THRESHOLD: darf nicht größer als KB_ANSWER_THRESHOLD sein');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const production = parsed.NODE_ENV === 'production';
  const localMode = parsed.MicrosoftAppId === undefined;
  return {
    production,
    localMode,
    port: parsed.PORT,
    host: localMode ? '127.0.0.1' : (parsed.HOST ?? '0.0.0.0'),
    publicBaseUrl: (parsed.PUBLIC_BASE_URL ?? `http://127.0.0.1:${parsed.PORT}`).replace(
      /\/+$/,
      '',
    ),
    logLevel: parsed.LOG_LEVEL,
    maxBodyBytes: parsed.MAX_BODY_BYTES,
    userMessagesPerMinute: parsed.USER_MESSAGES_PER_MINUTE,
    credentials: localMode ? undefined : credentialsOf(parsed),
    allowedTenantIds: parsed.ALLOWED_TENANT_IDS,
    store: storeOf(parsed),
    directory: directory as DirectoryOptions,
    knowledge: {
      answerThreshold: parsed.KB_ANSWER_THRESHOLD,
      suggestThreshold: parsed.KB_SUGGEST_THRESHOLD,
      gapsRetentionDays: parsed.GAPS_RETENTION_DAYS,
    },
    retention: {
      ticketsDays: parsed.TICKETS_RETENTION_DAYS,
      deliveriesDays: parsed.DELIVERIES_RETENTION_DAYS,
    },
    tickets: {
      escalationWorkingHours: parsed.ESCALATION_WORKING_HOURS,
      reminderWorkingDays: parsed.REMINDER_WORKING_DAYS,
    },
    scheduler: { intervalMs: parsed.SCHEDULER_INTERVAL_MS },
    ...(parsed.TEAMS_APP_AUTO_INSTALL && parsed.TEAMS_APP_CATALOG_ID
      ? { teamsAppInstall: { catalogId: parsed.TEAMS_APP_CATALOG_ID } }
      : {}),
    broadcast: {
      requestsPerSecond: parsed.BROADCAST_REQUESTS_PER_SECOND,
      approvalThreshold: parsed.BROADCAST_APPROVAL_THRESHOLD,
      worker: parsed.BROADCAST_WORKER,
      api: announcementsApiOf(parsed),
    },
    courses: {
      reminders: parsed.COURSE_REMINDERS,
      remindersOnWeekends: parsed.COURSE_REMINDERS_ON_WEEKENDS,
      calendarEmail: parsed.COURSE_CALENDAR_EMAIL ?? 'digitallotse@localhost.invalid',
    },
  };
}

function announcementsApiOf(parsed: Parsed): Config['broadcast']['api'] {
  const tenantId = parsed.ANNOUNCEMENTS_API_TENANT_ID ?? parsed.MicrosoftAppTenantId;
  if (parsed.ANNOUNCEMENTS_API_AUDIENCE === undefined || tenantId === undefined) return undefined;
  return { audience: parsed.ANNOUNCEMENTS_API_AUDIENCE, tenantId };
}

function announcementsApiProblems(parsed: Parsed): string[] {
  const tenantId = parsed.ANNOUNCEMENTS_API_TENANT_ID ?? parsed.MicrosoftAppTenantId;
  return parsed.ANNOUNCEMENTS_API_AUDIENCE !== undefined && tenantId === undefined
    ? [
        'ANNOUNCEMENTS_API_TENANT_ID: fehlt — aus welchem Mandanten kommen die Tokens der Mitteilungs-API?',
      ]
    : [];
}

function credentialProblems(parsed: Parsed): string[] {
  const production = parsed.NODE_ENV === 'production';
  if (parsed.MicrosoftAppId === undefined) {
    return production
      ? [
          'MicrosoftAppId: fehlt — ohne Zugangsdaten startet der Bot nur lokal (NODE_ENV≠production)',
        ]
      : [];
  }
  const problems: string[] = [];
  if (!z.uuid().safeParse(parsed.MicrosoftAppId).success) {
    problems.push('MicrosoftAppId: muss eine GUID sein');
  }
  if (parsed.MicrosoftAppType !== 'UserAssignedMSI' && parsed.MicrosoftAppPassword === undefined) {
    problems.push('MicrosoftAppPassword: fehlt (nötig außer bei MicrosoftAppType=UserAssignedMSI)');
  }
  if (parsed.MicrosoftAppType !== 'MultiTenant' && parsed.MicrosoftAppTenantId === undefined) {
    problems.push(
      `MicrosoftAppTenantId: fehlt (nötig bei MicrosoftAppType=${parsed.MicrosoftAppType})`,
    );
  }
  if (production && parsed.PUBLIC_BASE_URL === undefined) {
    problems.push(
      'PUBLIC_BASE_URL: fehlt — die öffentliche https-Adresse des Bots (für Download-Links)',
    );
  }
  if (production && parsed.ALLOWED_TENANT_IDS.length === 0) {
    problems.push(
      'ALLOWED_TENANT_IDS: fehlt — in Produktion muss mindestens ein Mandant erlaubt sein',
    );
  }
  return problems;
}

function storeProblems(parsed: Parsed): string[] {
  if (parsed.COSMOS_ENDPOINT === undefined) return [];
  if (parsed.COSMOS_KEY === undefined && !parsed.COSMOS_USE_MANAGED_IDENTITY) {
    return ['COSMOS_KEY: fehlt (oder COSMOS_USE_MANAGED_IDENTITY=true setzen)'];
  }
  return [];
}

function directoryOf(
  env: Environment,
  parsed: Parsed,
): { directory?: DirectoryOptions; problems: string[] } {
  try {
    const directory = readDirectoryConfig(env);
    if (directory.kind === 'demo' && parsed.NODE_ENV === 'production') {
      return {
        problems: [
          'DIRECTORY_FILE: fehlt — in Produktion Microsoft Graph (GRAPH_*) oder eine Organisationsdatei angeben',
        ],
      };
    }
    return { directory, problems: [] };
  } catch (error) {
    if (error instanceof DirectoryConfigError) return { problems: error.problems };
    throw error;
  }
}

function credentialsOf(parsed: Parsed): BotCredentials {
  return {
    appId: parsed.MicrosoftAppId as string,
    appPassword: parsed.MicrosoftAppPassword,
    appType: parsed.MicrosoftAppType,
    tenantId: parsed.MicrosoftAppTenantId,
  };
}

function storeOf(parsed: Parsed): StoreConfig {
  if (parsed.COSMOS_ENDPOINT === undefined) return { kind: 'sqlite', path: parsed.SQLITE_PATH };
  return {
    kind: 'cosmos',
    endpoint: parsed.COSMOS_ENDPOINT,
    database: parsed.COSMOS_DATABASE,
    key: parsed.COSMOS_KEY,
    managedIdentity: parsed.COSMOS_USE_MANAGED_IDENTITY
      ? { clientId: parsed.AZURE_CLIENT_ID }
      : undefined,
  };
}

function teamsAppInstallProblems(parsed: Parsed, directory?: DirectoryOptions): string[] {
  if (!parsed.TEAMS_APP_AUTO_INSTALL) return [];
  const problems: string[] = [];
  if (parsed.TEAMS_APP_CATALOG_ID === undefined) {
    problems.push('TEAMS_APP_CATALOG_ID: fehlt (nötig mit TEAMS_APP_AUTO_INSTALL=true)');
  }
  if (directory !== undefined && directory.kind !== 'graph') {
    problems.push('TEAMS_APP_AUTO_INSTALL: braucht Microsoft Graph (GRAPH_*)');
  }
  return problems;
}
