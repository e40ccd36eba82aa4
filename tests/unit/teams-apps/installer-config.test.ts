import { ConfigError, loadConfig } from '../../../services/config';
import { silentLogger } from '../../../services/logging';
import { GraphAppInstaller, appInstallerFromConfig } from '../../../services/teams-apps';

const GRAPH = {
  GRAPH_TENANT_ID: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e40',
  GRAPH_CLIENT_ID: '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e41',
  GRAPH_CLIENT_SECRET: 'secret',
  LOTSEN_GROUP_ID: 'l',
  CENTRAL_GROUP_ID: 'c',
  ORGANISERS_GROUP_ID: 'o',
  ADMINS_GROUP_ID: 'a',
};
const CATALOG_ID = 'c5a1b3f0-0000-4000-8000-00000000a991';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const installerOf = (env: Record<string, string>) => {
  const config = loadConfig(env);
  return appInstallerFromConfig(config.teamsAppInstall, config.directory, silentLogger);
};

describe('installing the Teams app for lotsen without it (configuration)', () => {
  it('installs through Graph when it is switched on with a catalog id', () => {
    const env = { ...GRAPH, TEAMS_APP_AUTO_INSTALL: 'true', TEAMS_APP_CATALOG_ID: CATALOG_ID };
    expect(loadConfig(env).teamsAppInstall).toEqual({ catalogId: CATALOG_ID });
    expect(installerOf(env)).toBeInstanceOf(GraphAppInstaller);
  });

  it('does not install when it is off, even with a catalog id', () => {
    expect(installerOf({ ...GRAPH, TEAMS_APP_CATALOG_ID: CATALOG_ID })).toBeUndefined();
    expect(installerOf({ ...GRAPH, TEAMS_APP_AUTO_INSTALL: 'false' })).toBeUndefined();
  });

  it('refuses to start switched on without a catalog id or without Graph', () => {
    expect(problemsOf({ ...GRAPH, TEAMS_APP_AUTO_INSTALL: 'true' }).join()).toMatch(
      /TEAMS_APP_CATALOG_ID/,
    );
    expect(
      problemsOf({ TEAMS_APP_AUTO_INSTALL: 'true', TEAMS_APP_CATALOG_ID: CATALOG_ID }).join(),
    ).toMatch(/TEAMS_APP_AUTO_INSTALL: braucht Microsoft Graph/);
  });
});
