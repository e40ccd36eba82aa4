/** The bot's own Teams app: installing it for users who have not (proactive installation). */
export type { AppInstallFailure, AppInstallResult, AppInstaller } from './app-installer';
export { GraphAppInstaller } from './graph-app-installer';
export { appInstallerFromConfig } from './installer-from-config';
