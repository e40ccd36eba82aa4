/** Why the app could not be installed for someone. */
export type AppInstallFailure =
  /** 403: the permission `TeamsAppInstallation.ReadWriteForUser.All` is not granted. */
  | 'forbidden'
  /** 404: the catalog id is not an app of the tenant's app catalog (or the user is unknown). */
  | 'not-in-catalog'
  /** Timeouts, throttling, 5xx: Graph could not be asked now. */
  | 'unavailable';

export type AppInstallResult =
  { ok: true; chatId: string } | { ok: false; reason: AppInstallFailure };

/**
 * Installs the bot's Teams app for a user who has not installed it, so the bot can write
 * to them; answers the id of the 1:1 chat between the user and the bot.
 */
export interface AppInstaller {
  installFor(userId: string): Promise<AppInstallResult>;
}
