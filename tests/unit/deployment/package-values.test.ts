import {
  PackagingError,
  defaultedLinks,
  packageValuesFrom,
  type Environment,
} from '../../../deployment/app-package/package-values';

const complete: Environment = {
  MicrosoftAppId: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  BOT_DOMAIN: 'digitallotse.azurewebsites.net',
  TEAMS_APP_ID: '0d7c8a51-5a8e-4b0a-9b6f-3c2e1d0f9a87',
};

function problemsOf(env: Environment): string[] {
  try {
    packageValuesFrom(env, '0.1.0');
  } catch (error) {
    if (error instanceof PackagingError) return error.problems;
    throw error;
  }
  return [];
}

describe('packaging variables', () => {
  it.each(['MicrosoftAppId', 'BOT_DOMAIN', 'TEAMS_APP_ID'])(
    'stops with a German message naming %s when it is missing',
    (name) => {
      const problems = problemsOf({ ...complete, [name]: undefined });
      expect(problems).toEqual([
        expect.stringMatching(new RegExp(`^Umgebungsvariable ${name} fehlt – `)),
      ]);
    },
  );

  it('names every missing variable at once and says the package cannot be built', () => {
    expect(() => packageValuesFrom({}, '0.1.0')).toThrow(
      /Teams-App-Paket kann nicht gebaut werden/,
    );
    const problems = problemsOf({ BOT_DOMAIN: '  ' });
    expect(problems.map((p) => p.split(' ')[1])).toEqual([
      'MicrosoftAppId',
      'BOT_DOMAIN',
      'TEAMS_APP_ID',
    ]);
  });

  it.each([
    [{ MicrosoftAppId: 'bot-42' }, /^MicrosoftAppId: muss eine GUID sein/],
    [{ TEAMS_APP_ID: '1234' }, /^TEAMS_APP_ID: muss eine GUID sein/],
    [{ BOT_DOMAIN: 'https://digitallotse.azurewebsites.net/' }, /^BOT_DOMAIN: nur der Hostname/],
    [
      { BOT_DOMAIN: 'digitallotse.azurewebsites.net/api/messages' },
      /^BOT_DOMAIN: nur der Hostname/,
    ],
    [{ TEAMS_APP_VERSION: '2' }, /^TEAMS_APP_VERSION: muss die Form 1\.2\.3 haben/],
    [
      { TEAMS_APP_PRIVACY_URL: 'http://intranet/datenschutz' },
      /^TEAMS_APP_PRIVACY_URL: muss mit https/,
    ],
  ])('rejects a malformed value: %o', (override, message) => {
    expect(problemsOf({ ...complete, ...override })).toEqual([expect.stringMatching(message)]);
  });

  it('takes the project version unless TEAMS_APP_VERSION raises it', () => {
    expect(packageValuesFrom(complete, '0.1.0').TEAMS_APP_VERSION).toBe('0.1.0');
    expect(
      packageValuesFrom({ ...complete, TEAMS_APP_VERSION: '0.1.7' }, '0.1.0').TEAMS_APP_VERSION,
    ).toBe('0.1.7');
  });

  it('points the developer links at the bot domain until the city sets its own', () => {
    const values = packageValuesFrom(
      { ...complete, TEAMS_APP_PRIVACY_URL: 'https://www.stadt.example/datenschutz' },
      '0.1.0',
    );
    expect(values.TEAMS_APP_PRIVACY_URL).toBe('https://www.stadt.example/datenschutz');
    expect(values.TEAMS_APP_WEBSITE_URL).toBe('https://digitallotse.azurewebsites.net/');
    expect(defaultedLinks({ ...complete, TEAMS_APP_PRIVACY_URL: 'https://x.example/' })).toEqual([
      'TEAMS_APP_WEBSITE_URL',
      'TEAMS_APP_TERMS_URL',
    ]);
  });

  it('trims surrounding blanks, as copied from a portal', () => {
    const values = packageValuesFrom(
      { ...complete, BOT_DOMAIN: ' digitallotse.azurewebsites.net\n' },
      '0.1.0',
    );
    expect(values.BOT_DOMAIN).toBe('digitallotse.azurewebsites.net');
  });
});
