/**
 * Bearer tokens for the announcements API: Microsoft Entra access tokens for this API
 * (audience), from the configured tenant (issuer), carrying the app role that allows sending.
 * Only RS256 signatures from the tenant's published keys count.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export const SEND_ROLE = 'Announcements.Send';

export interface ApiTokenOptions {
  /** The API's application id URI or client id, as the token's `aud`. */
  audience: string;
  tenantId: string;
  /** The tenant's signing keys; defaults to Entra's published JWKS of the tenant. */
  keys?: JWTVerifyGetKey;
}

/** Who called, once the token checked out. */
export interface ApiCaller {
  /** `app:<client id>` for an application, the object id for a user (delegated token). */
  id: string;
  roles: string[];
}

export type TokenCheck =
  { ok: true; caller: ApiCaller } | { ok: false; status: 401 | 403; reason: string };

export type ApiTokenVerifier = (authorization: string | undefined) => Promise<TokenCheck>;

export function apiTokenVerifier(options: ApiTokenOptions): ApiTokenVerifier {
  const keys =
    options.keys ??
    createRemoteJWKSet(
      new URL(`https://login.microsoftonline.com/${options.tenantId}/discovery/v2.0/keys`),
    );
  // v2.0 and v1.0 access tokens name the tenant differently.
  const issuer = [
    `https://login.microsoftonline.com/${options.tenantId}/v2.0`,
    `https://sts.windows.net/${options.tenantId}/`,
  ];
  return async (authorization) => {
    const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(authorization?.trim() ?? '')?.[1];
    if (!token) return { ok: false, status: 401, reason: 'Bearer-Token fehlt' };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        audience: options.audience,
        issuer,
        algorithms: ['RS256'],
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError) {
        return { ok: false, status: 401, reason: 'Token ungültig' };
      }
      throw error;
    }
    const roles = Array.isArray(payload.roles) ? payload.roles.filter(isText) : [];
    if (!roles.includes(SEND_ROLE)) {
      return { ok: false, status: 403, reason: `App-Rolle ${SEND_ROLE} fehlt` };
    }
    const appId = textClaim(payload, 'azp') ?? textClaim(payload, 'appid');
    const objectId = textClaim(payload, 'oid');
    const delegated = textClaim(payload, 'scp') !== undefined;
    const id = delegated && objectId ? objectId.toLowerCase() : `app:${appId ?? 'unknown'}`;
    return { ok: true, caller: { id, roles } };
  };
}

function textClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}
