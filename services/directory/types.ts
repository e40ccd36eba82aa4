/**
 * The organisation directory as the domain sees it: the few user fields the bot needs,
 * in the shape of Microsoft Graph's v1.0 `user` resource, so the file-based directory,
 * the Graph adapter and the tests agree.
 */

export type UserType = 'Member' | 'Guest';

export interface DirectoryUser {
  /** Entra object id (Teams' `aadObjectId`). */
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  jobTitle: string | null;
  /** The unit, as maintained in Entra ID; compared only after normalisation. */
  department: string | null;
  accountEnabled: boolean;
  userType: UserType;
  /** e.g. `de-DE`, `en-US`; null when not maintained. */
  preferredLanguage: string | null;
}

/** Graph's `dateTimeTimeZone`: a wall-clock time without offset plus the zone it is in. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** Graph's `automaticRepliesSetting` (Outlook out-of-office), reduced to what absence needs. */
export interface AutomaticRepliesSetting {
  status: 'disabled' | 'alwaysEnabled' | 'scheduled';
  scheduledStartDateTime?: DateTimeTimeZone | null;
  scheduledEndDateTime?: DateTimeTimeZone | null;
}

/** The configured groups, always by object id: group names are not unique and change. */
export interface DirectoryGroupIds {
  lotsen: string;
  central: string;
  organisers?: string;
  admins?: string;
}

export type DirectoryRole = keyof DirectoryGroupIds;

export interface DirectoryHealth {
  state: 'ok' | 'degraded';
  detail?: string;
}

/**
 * The directory port. Lookups that find nothing resolve to null / empty; a directory that
 * cannot be reached rejects with {@link DirectoryUnavailableError}.
 */
export interface OrgDirectory {
  readonly groups: DirectoryGroupIds;
  /** By object id or user principal name, both case-insensitive. */
  findUser(idOrUpn: string): Promise<DirectoryUser | null>;
  /**
   * The managers above a user, nearest first: at most {@link MAX_MANAGER_STEPS}, ending
   * before a missing or unknown manager or one already visited (the user counts as visited).
   * Disabled managers are included.
   */
  managerChain(userId: string): Promise<readonly DirectoryUser[]>;
  /** Direct user members of a group, disabled ones included; [] for an unknown group. */
  groupMembers(groupId: string): Promise<readonly DirectoryUser[]>;
  /** Out-of-office settings by user id; null when the user has no (readable) mailbox. */
  automaticReplies(
    userIds: readonly string[],
  ): Promise<ReadonlyMap<string, AutomaticRepliesSetting | null>>;
  /** Every user of the tenant, page by page. */
  users(): AsyncIterable<DirectoryUser>;
  health(): Promise<DirectoryHealth>;
}

/** R3: how far up the manager chain routing looks. */
export const MAX_MANAGER_STEPS = 10;

/** The directory (Microsoft Graph) could not be reached or refused the request. */
export class DirectoryUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DirectoryUnavailableError';
  }
}
