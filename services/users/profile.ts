import type { Doc } from '../storage/store';

export type PreferredLanguage = 'de' | 'en';

/** Who is talking to the bot, as Teams identifies them. */
export interface UserIdentity {
  /** Teams user id (`29:…`). */
  teamsUserId: string;
  /** Entra object id: the key into the organisation directory. */
  aadObjectId?: string;
  tenantId?: string;
}

/**
 * The bot's own record of a user. The conversation reference is kept as the JSON the
 * Bot Framework gave us: services treat it as opaque, only bot/ reads it.
 */
export interface UserProfile extends Doc {
  teamsUserId: string;
  aadObjectId?: string;
  tenantId?: string;
  language?: PreferredLanguage;
  conversation?: Record<string, unknown>;
  installedAt?: string;
  updatedAt: string;
}

export const USERS_CONTAINER = 'users';

/** Profiles are keyed by the Entra object id when Teams sends one, so the directory can find them. */
export function profileIdOf(identity: UserIdentity): string {
  return identity.aadObjectId
    ? `aad:${identity.aadObjectId.toLowerCase()}`
    : `teams:${identity.teamsUserId}`;
}
