/**
 * The values that turn the manifest template into one tenant's app package. They come from
 * the environment of whoever runs `npm run package`; a missing or malformed one stops the
 * build with a message that names the variable, before anything is written.
 */

/** Placeholder name (as written `{{NAME}}` in the manifest) → value. */
export type PackageValues = Record<string, string>;

export type Environment = Record<string, string | undefined>;

/** Packaging cannot go on; `problems` name every offending variable or file. */
export class PackagingError extends Error {
  constructor(
    readonly problems: string[],
    heading = 'Das Teams-App-Paket kann nicht gebaut werden',
  ) {
    super(`${heading}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackagingError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A host name only: Teams wants `validDomains` without scheme, port or path. */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
/** Teams accepts only MAJOR.MINOR.PATCH and needs it raised for every update. */
const APP_VERSION = /^\d{1,9}\.\d{1,9}\.\d{1,9}$/;

interface Requirement {
  name: string;
  meaning: string;
  check: (value: string) => string | undefined;
}

const required: Requirement[] = [
  {
    name: 'MicrosoftAppId',
    meaning: 'App-ID (Client-ID) der Bot-Registrierung',
    check: (value) => (GUID.test(value) ? undefined : 'muss eine GUID sein'),
  },
  {
    name: 'BOT_DOMAIN',
    meaning: 'Hostname des Bots, z. B. digitallotse.azurewebsites.net',
    check: (value) =>
      HOST_NAME.test(value)
        ? undefined
        : 'nur der Hostname, ohne https:// und ohne Pfad (z. B. digitallotse.azurewebsites.net)',
  },
  {
    name: 'TEAMS_APP_ID',
    meaning: 'eigene, dauerhafte GUID der Teams-App (einmal erzeugen, z. B. mit uuidgen)',
    check: (value) => (GUID.test(value) ? undefined : 'muss eine GUID sein'),
  },
];

const optionalUrls = ['TEAMS_APP_WEBSITE_URL', 'TEAMS_APP_PRIVACY_URL', 'TEAMS_APP_TERMS_URL'];

/**
 * Reads and checks the packaging variables. `defaultVersion` (the project's version) is used
 * when `TEAMS_APP_VERSION` is not set; the three developer links default to the bot's domain.
 */
export function packageValuesFrom(env: Environment, defaultVersion: string): PackageValues {
  const problems: string[] = [];
  const values: PackageValues = {};

  for (const { name, meaning, check } of required) {
    const value = env[name]?.trim() ?? '';
    if (value === '') {
      problems.push(`Umgebungsvariable ${name} fehlt – ${meaning}`);
      continue;
    }
    const problem = check(value);
    if (problem) problems.push(`${name}: ${problem}`);
    values[name] = value;
  }

  const version = env.TEAMS_APP_VERSION?.trim() || defaultVersion;
  if (!APP_VERSION.test(version)) {
    problems.push(`TEAMS_APP_VERSION: muss die Form 1.2.3 haben (ist „${version}“)`);
  }
  values.TEAMS_APP_VERSION = version;

  for (const name of optionalUrls) {
    const value = env[name]?.trim() || `https://${values.BOT_DOMAIN}/`;
    if (!value.startsWith('https://')) problems.push(`${name}: muss mit https:// beginnen`);
    values[name] = value;
  }

  if (problems.length > 0) throw new PackagingError(problems);
  return values;
}

/** The optional links left at their default: worth a hint, since they point at the bot itself. */
export function defaultedLinks(env: Environment): string[] {
  return optionalUrls.filter((name) => !env[name]?.trim());
}
