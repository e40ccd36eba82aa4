import {
  AuthenticationHandler,
  Client,
  RedirectHandler,
  RedirectHandlerOptions,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';

export const GRAPH_BASE_URL = 'https://graph.microsoft.com';

export interface GraphClientOptions {
  credential: TokenCredential;
  /** Graph's root without version, e.g. a national cloud or a local test server. */
  baseUrl?: string;
  /** Replaces the global fetch, e.g. to trust a test server's certificate. */
  fetch?: typeof fetch;
  /** Retries of 429/503/504; the wait is Retry-After when given, else this delay. */
  retry?: { delaySeconds: number; maxRetries: number };
  requestTimeoutMs?: number;
}

/**
 * The Graph client with the SDK's default pipeline (token, retry honouring Retry-After,
 * redirects, telemetry) and our own last step, which adds a timeout and lets tests swap fetch.
 */
export function createGraphClient(options: GraphClientOptions): Client {
  const baseUrl = new URL(options.baseUrl ?? GRAPH_BASE_URL);
  const authProvider = new TokenCredentialAuthenticationProvider(options.credential, {
    scopes: [`${baseUrl.origin}/.default`],
  });
  const retry = options.retry ?? { delaySeconds: 3, maxRetries: 3 };
  const middleware: Middleware[] = [
    new AuthenticationHandler(authProvider),
    new RetryHandler(new RetryHandlerOptions(retry.delaySeconds, retry.maxRetries)),
    new RedirectHandler(new RedirectHandlerOptions()),
    new TelemetryHandler(),
    new FetchStep(options.fetch ?? fetch, options.requestTimeoutMs ?? 10_000),
  ];
  return Client.initWithMiddleware({
    middleware,
    baseUrl: baseUrl.origin,
    // The SDK only sends the token to hosts it knows as Graph; a custom base URL is one too.
    customHosts: new Set([baseUrl.hostname]),
  });
}

class FetchStep implements Middleware {
  constructor(
    private readonly send: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.send(context.request, {
      ...context.options,
      signal: context.options?.signal ?? AbortSignal.timeout(this.timeoutMs),
    });
  }
}
