import { isWithinUnit, membersOf, type DirectoryUser, type OrgDirectory } from '../directory';
import type { ConversationReference } from '../messaging';
import { queryAll, type Store } from '../storage';
import { USERS_CONTAINER, profileIdOf, type UserProfile } from '../users';
import { forEachConcurrently } from './concurrency';
import type { Audience, Language } from './model';

/** One person an announcement is for; without a conversation the bot cannot reach them. */
export interface Recipient {
  /** The profile id (`aad:<object id>` or `teams:<user id>`). */
  recipientId: string;
  aadObjectId?: string;
  conversation?: ConversationReference;
  language: Language;
}

export interface AudienceCount {
  recipients: number;
  /** Have the app installed (a stored conversation). */
  reachable: number;
  notInstalled: number;
}

/** Resolves an audience into recipients; the send pipeline's first step. */
export type AudienceResolver = (audience: Audience) => Promise<Recipient[]>;

export class AudienceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AudienceError';
  }
}

/**
 * Audiences from the installed profiles (store) and the organisation directory. Only
 * enabled members count: guests and disabled accounts get no announcements.
 */
export class Audiences {
  constructor(
    private readonly store: Store,
    private readonly directory?: OrgDirectory,
  ) {}

  /** Sorted by recipient id, each recipient once. */
  readonly resolve: AudienceResolver = async (audience) => {
    if (audience.kind === 'installed') return this.installed();
    const members = (await this.members(audience)).filter(
      (user) => user.accountEnabled && user.userType === 'Member',
    );
    return this.withProfiles(members);
  };

  async count(audience: Audience): Promise<AudienceCount> {
    const recipients = await this.resolve(audience);
    const reachable = recipients.filter((recipient) => recipient.conversation).length;
    return {
      recipients: recipients.length,
      reachable,
      notInstalled: recipients.length - reachable,
    };
  }

  private async installed(): Promise<Recipient[]> {
    const recipients: Recipient[] = [];
    for await (const profile of queryAll<UserProfile>(this.store, USERS_CONTAINER, {
      where: [{ field: 'conversation', op: '!=', value: null }],
      limit: 1000,
    })) {
      recipients.push(recipientOf(profile.id, profile));
    }
    return sorted(recipients);
  }

  private async members(audience: Exclude<Audience, { kind: 'installed' }>) {
    const directory = this.directory;
    if (!directory) throw new AudienceError(`audience "${audience.kind}" needs the directory`);
    switch (audience.kind) {
      case 'lotsen':
        return membersOf(directory, 'lotsen');
      case 'group':
        return directory.groupMembers(audience.groupId);
      case 'units': {
        // A unit includes the units below it, as for courses.
        const found: DirectoryUser[] = [];
        for await (const user of directory.users()) {
          if (audience.departments.some((unit) => isWithinUnit(user.department, unit))) {
            found.push(user);
          }
        }
        return found;
      }
      case 'users': {
        const users = await Promise.all(audience.userIds.map((id) => directory.findUser(id)));
        return users.filter((user): user is DirectoryUser => user !== null);
      }
    }
  }

  private async withProfiles(users: readonly DirectoryUser[]): Promise<Recipient[]> {
    const unique = [...new Map(users.map((user) => [user.id.toLowerCase(), user])).values()];
    const recipients: Recipient[] = [];
    await forEachConcurrently(unique, 16, async (user) => {
      const id = profileIdOf({ teamsUserId: '', aadObjectId: user.id });
      const profile = await this.store.get<UserProfile>(USERS_CONTAINER, id);
      recipients.push(recipientOf(id, profile, user));
    });
    return sorted(recipients);
  }
}

function recipientOf(
  recipientId: string,
  profile: UserProfile | undefined,
  user?: DirectoryUser,
): Recipient {
  const aadObjectId = profile?.aadObjectId ?? user?.id;
  return {
    recipientId,
    ...(aadObjectId && { aadObjectId }),
    ...(profile?.conversation && { conversation: profile.conversation }),
    language: profile?.language ?? (user?.preferredLanguage?.startsWith('en') ? 'en' : 'de'),
  };
}

function sorted(recipients: Recipient[]): Recipient[] {
  return recipients.sort((a, b) =>
    a.recipientId < b.recipientId ? -1 : a.recipientId > b.recipientId ? 1 : 0,
  );
}
