import { createGraphClient, createGraphCredential, type DirectoryOptions } from '../directory';
import type { Logger } from '../logging';
import type { AppInstaller } from './app-installer';
import { GraphAppInstaller } from './graph-app-installer';

/**
 * The installer when TEAMS_APP_AUTO_INSTALL is on, with the directory's Graph credential;
 * undefined otherwise. Short timeout and one retry: a ticket waits for it.
 */
export function appInstallerFromConfig(
  install: { catalogId: string } | undefined,
  directory: DirectoryOptions,
  logger: Logger,
): AppInstaller | undefined {
  if (!install || directory.kind !== 'graph') return undefined;
  const { credential, baseUrl, fetch } = directory;
  const client = createGraphClient({
    credential: 'getToken' in credential ? credential : createGraphCredential(credential),
    baseUrl,
    fetch,
    retry: { delaySeconds: 1, maxRetries: 1 },
    requestTimeoutMs: 5000,
  });
  return new GraphAppInstaller({ client, catalogId: install.catalogId, logger });
}
