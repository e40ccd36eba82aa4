/**
 * Bot Framework channel tokens for tests, signed with jose: the real shape (issuer
 * api.botframework.com, audience = the bot's app id, `serviceurl` claim) and every way a
 * token can be wrong.
 */
import { randomUUID } from 'node:crypto';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TokenCredentials, type ServiceClientCredentials } from 'botframework-connector';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';

/** The issuer of tokens the Bot Connector sends to bots (public cloud). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  /** The public half as published in a JWKS. */
  jwk: JWK;
}

export async function createSigningKey(kid: string = randomUUID()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' } };
}

export interface TokenOptions {
  /** The bot's app id. */
  audience: string;
  serviceUrl: string;
  issuer?: string;
  /** Seconds relative to now; negative is in the past. */
  expiresIn?: number;
  notBeforeIn?: number;
  /** Extra or replaced claims. */
  claims?: Record<string, unknown>;
  /** Header `kid`, when it should differ from the signing key's. */
  kid?: string;
}

const now = () => Math.floor(Date.now() / 1000);

/** A token as the Bot Connector would send it, signed with `key`. */
export async function channelToken(key: SigningKey, options: TokenOptions): Promise<string> {
  return new SignJWT(claimsOf(options))
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? key.kid })
    .sign(key.privateKey);
}

/** The same claims with `alg: none` and no signature; `kid` names a key the bot trusts. */
export function unsignedToken(kid: string, options: TokenOptions): string {
  const unsigned = new UnsecuredJWT(claimsOf(options)).encode();
  // UnsecuredJWT writes `{"alg":"none"}`; an attacker would add the kid of a trusted key.
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT', kid })).toString(
    'base64url',
  );
  return `${header}.${unsigned.split('.')[1]}.`;
}

function claimsOf(options: TokenOptions): Record<string, unknown> {
  return {
    iss: options.issuer ?? CHANNEL_ISSUER,
    aud: options.audience,
    serviceurl: options.serviceUrl,
    iat: now() - 60,
    nbf: now() + (options.notBeforeIn ?? -60),
    exp: now() + (options.expiresIn ?? 3600),
    ...options.claims,
  };
}

/**
 * The production credential factory with one change: the bot's own outgoing calls carry a
 * fixed token instead of one from Entra ID (tests run offline). The inbound checks — which
 * app id a token must be for — stay the production ones.
 */
export class OfflineCredentialFactory extends ConfigurationServiceClientCredentialFactory {
  constructor(appId: string, appPassword: string) {
    super({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: appPassword,
      MicrosoftAppType: 'MultiTenant',
    });
  }

  override async createCredentials(appId: string): Promise<ServiceClientCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new TokenCredentials('outbound-test-token');
  }
}
