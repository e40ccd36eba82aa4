import type { DirectoryUser } from './types';

/** The user properties the bot reads: the Graph adapter `$select`s exactly these. */
export const USER_FIELDS = [
  'id',
  'userPrincipalName',
  'displayName',
  'givenName',
  'jobTitle',
  'department',
  'accountEnabled',
  'userType',
  'preferredLanguage',
] as const;

/** A user as Graph (or the organisation file) returns it; anything may be missing or null. */
export interface GraphUserFields {
  id: string;
  userPrincipalName: string;
  displayName?: string | null;
  givenName?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
  preferredLanguage?: string | null;
}

export function toDirectoryUser(raw: GraphUserFields): DirectoryUser {
  return {
    id: raw.id,
    userPrincipalName: raw.userPrincipalName,
    displayName: raw.displayName ?? raw.userPrincipalName,
    givenName: raw.givenName ?? null,
    jobTitle: raw.jobTitle ?? null,
    department: raw.department ?? null,
    // Unknown means not enabled: routing must never pick an account it cannot vouch for.
    accountEnabled: raw.accountEnabled === true,
    // Older synced accounts carry no userType; guests always say "Guest".
    userType: raw.userType === 'Guest' ? 'Guest' : 'Member',
    preferredLanguage: raw.preferredLanguage ?? null,
  };
}
