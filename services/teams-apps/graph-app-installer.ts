import type { Client } from '@microsoft/microsoft-graph-client';
import { silentLogger, type Logger } from '../logging';
import type { AppInstallFailure, AppInstallResult, AppInstaller } from './app-installer';

interface Installation {
  id: string;
}

/**
 * Installs the app from the tenant's app catalog through Microsoft Graph
 * (`TeamsAppInstallation.ReadWriteForUser.All`): install (409: already there), find the
 * installation, read its 1:1 chat with the bot.
 */
export class GraphAppInstaller implements AppInstaller {
  private readonly logger: Logger;

  constructor(
    private readonly options: {
      client: Client;
      /** The app's id in the tenant's app catalog (not the manifest id). */
      catalogId: string;
      logger?: Logger;
    },
  ) {
    this.logger = options.logger ?? silentLogger;
  }

  async installFor(userId: string): Promise<AppInstallResult> {
    const { client, catalogId } = this.options;
    const user = encodeURIComponent(userId);
    try {
      try {
        await client.api(`/users/${user}/teamwork/installedApps`).post({
          'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${encodeURIComponent(catalogId)}`,
        });
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const found = (await client
        .api(`/users/${user}/teamwork/installedApps`)
        .expand('teamsApp')
        .filter(`teamsApp/id eq '${catalogId.replace(/'/g, "''")}'`)
        .get()) as { value?: Installation[] };
      const installation = found.value?.[0];
      if (!installation) return { ok: false, reason: 'not-in-catalog' };
      const chat = (await client
        .api(`/users/${user}/teamwork/installedApps/${encodeURIComponent(installation.id)}/chat`)
        .get()) as { id?: string };
      if (!chat.id) return { ok: false, reason: 'unavailable' };
      return { ok: true, chatId: chat.id };
    } catch (error) {
      const reason = failureOf(statusOf(error));
      // No user id in the log: it identifies a person.
      this.logger.warn({ reason, status: statusOf(error) }, 'Teams app could not be installed');
      return { ok: false, reason };
    }
  }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

function failureOf(status: number | undefined): AppInstallFailure {
  if (status === 403 || status === 401) return 'forbidden';
  if (status === 404) return 'not-in-catalog';
  return 'unavailable';
}
