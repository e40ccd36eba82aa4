/**
 * Channel authentication as botbuilder does it, with three gaps closed:
 * - only Bot Connector channel tokens are accepted. botbuilder would also take Emulator
 *   and skill tokens, and on the way records every unseen `tid` claim of an *unverified*
 *   token in a process-wide list — unbounded memory for anyone who can reach the endpoint;
 * - only RSA signatures (what the Bot Connector uses); `alg: none` never reaches a verifier;
 * - jsonwebtoken's own errors (bad signature, not yet valid, malformed) are a 401, not the
 *   500 botbuilder makes of them.
 */
import {
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type AuthenticateRequestResult,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';

const UNAUTHORIZED = 401;
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

export class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly issuer: string;

  constructor(
    private readonly enabled: boolean,
    settings: ConfigurationBotFrameworkAuthenticationOptions,
    credentialsFactory?: ServiceClientCredentialsFactory,
  ) {
    super(settings, credentialsFactory);
    this.issuer =
      settings.ToBotFromChannelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer;
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    if (this.enabled) {
      const problem = tokenProblem(authHeader, this.issuer);
      if (problem) throw new AuthenticationError(`Unauthorized. ${problem}`, UNAUTHORIZED);
    }
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) {
        throw new AuthenticationError(`Unauthorized. ${error.message}`, UNAUTHORIZED);
      }
      throw error;
    }
  }
}

/** What is wrong with the header on its face (before any key is looked at), if anything. */
function tokenProblem(authHeader: string, issuer: string): string | undefined {
  const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authHeader.trim());
  if (!match) return 'A Bearer token is required.';
  const header = jsonOf(match[1] ?? '');
  const payload = jsonOf(match[2] ?? '');
  if (!header || !payload) return 'The token is malformed.';
  if (!AuthenticationConstants.AllowedSigningAlgorithms.includes(String(header.alg))) {
    return 'The token signing algorithm is not allowed.';
  }
  if (payload.iss !== issuer) return 'The token was not issued by the Bot Connector.';
  return undefined;
}

function jsonOf(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
