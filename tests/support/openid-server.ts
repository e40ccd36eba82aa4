/**
 * A local stand-in for login.botframework.com: the OpenID metadata document and the JWKS
 * the bot fetches to check channel tokens, on 127.0.0.1. Keys carry `endorsements` (the
 * channels they may sign for), as Microsoft's do.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { CHANNEL_ISSUER, type SigningKey } from './tokens';

export interface PublishedKey {
  key: SigningKey;
  /** Channel ids the key may sign for; Teams keys list `msteams`. */
  endorsements?: string[];
}

export class OpenIdServer {
  private server?: Server;
  url = '';
  /** How often each document was fetched (the bot caches them). */
  readonly fetches = { metadata: 0, keys: 0 };

  constructor(private readonly keys: PublishedKey[]) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/v1/.well-known/openidconfiguration') {
        this.fetches.metadata += 1;
        return json(res, {
          issuer: CHANNEL_ISSUER,
          jwks_uri: `${this.url}/v1/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      }
      if (path === '/v1/keys') {
        this.fetches.keys += 1;
        return json(res, {
          keys: this.keys.map(({ key, endorsements }) => ({ ...key.jwk, endorsements })),
        });
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /**
   * The authentication settings that point the bot at this server instead of Microsoft's
   * endpoints; everything else keeps the public-cloud values.
   */
  authOverrides(): ConfigurationBotFrameworkAuthenticationOptions {
    const metadata = `${this.url}/v1/.well-known/openidconfiguration`;
    return {
      ToBotFromChannelOpenIdMetadataUrl: metadata,
      // Emulator and skill tokens are refused before any key is fetched; should that
      // ever change, the lookup stays on this machine.
      ToBotFromEmulatorOpenIdMetadataUrl: metadata,
      ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: 'https://api.botframework.com',
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: true,
    };
  }
}

function json(res: import('node:http').ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
