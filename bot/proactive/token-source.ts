import {
  JwtTokenProviderFactory,
  ManagedIdentityAppCredentials,
  MicrosoftAppCredentials,
} from 'botframework-connector';
import type { BotCredentials } from '../../services/config';

/** Yields a bearer token for the Bot Connector, or undefined in local mode. */
export type TokenSource = () => Promise<string | undefined>;

const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';

export function tokenSourceFor(credentials: BotCredentials | undefined): TokenSource {
  if (!credentials) return async () => undefined;
  const appCredentials =
    credentials.appType === 'UserAssignedMSI'
      ? new ManagedIdentityAppCredentials(
          credentials.appId,
          BOT_FRAMEWORK_SCOPE,
          new JwtTokenProviderFactory(),
        )
      : new MicrosoftAppCredentials(
          credentials.appId,
          credentials.appPassword ?? '',
          credentials.appType === 'SingleTenant' ? credentials.tenantId : undefined,
        );
  // The credentials cache the token and refresh it before it expires.
  return () => appCredentials.getToken();
}
