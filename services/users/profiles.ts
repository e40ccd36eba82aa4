import type { Clock } from '../clock';
import { createIfMissing, updateDocument, type Store, type Stored } from '../storage';
import {
  USERS_CONTAINER,
  profileIdOf,
  type PreferredLanguage,
  type UserIdentity,
  type UserProfile,
} from './profile';

/** The users the bot knows: their conversation reference and their language choice. */
export class UserProfiles {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  get(identity: UserIdentity): Promise<Stored<UserProfile> | undefined> {
    return this.store.get<UserProfile>(USERS_CONTAINER, profileIdOf(identity));
  }

  /** Remembers where to reach the user later (proactive messages). */
  recordInstallation(
    identity: UserIdentity,
    conversation: Record<string, unknown>,
  ): Promise<Stored<UserProfile>> {
    const now = this.clock.now().toISOString();
    return this.change(identity, (profile) => ({
      ...profile,
      conversation,
      installedAt: profile.installedAt ?? now,
    }));
  }

  setLanguage(identity: UserIdentity, language: PreferredLanguage): Promise<Stored<UserProfile>> {
    return this.change(identity, (profile) => ({ ...profile, language }));
  }

  private async change(
    identity: UserIdentity,
    apply: (profile: UserProfile) => UserProfile,
  ): Promise<Stored<UserProfile>> {
    const id = profileIdOf(identity);
    const now = this.clock.now().toISOString();
    const known = {
      teamsUserId: identity.teamsUserId,
      aadObjectId: identity.aadObjectId,
      tenantId: identity.tenantId,
    };
    await createIfMissing<UserProfile>(this.store, USERS_CONTAINER, {
      id,
      ...known,
      updatedAt: now,
    });
    const updated = await updateDocument<UserProfile>(this.store, USERS_CONTAINER, id, (current) =>
      apply({ ...current, ...known, updatedAt: now }),
    );
    if (!updated) throw new Error(`profile ${id} vanished while it was updated`);
    return updated.doc;
  }
}
