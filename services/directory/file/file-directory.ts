import { walkManagerChain } from '../manager-chain';
import { toDirectoryUser } from '../graph-user';
import type {
  AutomaticRepliesSetting,
  DirectoryGroupIds,
  DirectoryHealth,
  DirectoryUser,
  OrgDirectory,
} from '../types';
import { DirectoryFileError, readOrgFile, type OrgFile } from './org-file';

export interface FileDirectoryOptions {
  /** Overrides the group ids named in the file (`lotsenGroupId`, `centralGroupId`, ...). */
  groups?: Partial<DirectoryGroupIds>;
  /** Where the data came from, for messages. */
  source?: string;
}

interface Entry {
  user: DirectoryUser;
  managerId: string | null;
  automaticReplies: AutomaticRepliesSetting | null;
}

/**
 * The directory from an organisation file, held in memory with its lookups indexed once:
 * by lower-cased id and UPN, and group members resolved to users.
 */
export class FileDirectory implements OrgDirectory {
  readonly groups: DirectoryGroupIds;
  private readonly entries: Entry[];
  private readonly byKey = new Map<string, Entry>();
  private readonly members = new Map<string, readonly DirectoryUser[]>();
  private readonly source: string | undefined;

  static load(file: string, options: Omit<FileDirectoryOptions, 'source'> = {}): FileDirectory {
    return new FileDirectory(readOrgFile(file), { ...options, source: file });
  }

  constructor(org: OrgFile, options: FileDirectoryOptions = {}) {
    this.source = options.source;
    this.entries = org.users.map((raw) => ({
      user: toDirectoryUser(raw),
      managerId: raw.manager?.id ?? null,
      automaticReplies: raw.mailboxSettings?.automaticRepliesSetting ?? null,
    }));
    for (const entry of this.entries) {
      this.byKey.set(entry.user.id.toLowerCase(), entry);
      this.byKey.set(entry.user.userPrincipalName.toLowerCase(), entry);
    }
    for (const group of org.groups) {
      const users = new Map<string, DirectoryUser>();
      for (const member of group.members) {
        const user = this.entry(member.id)?.user;
        if (user) users.set(user.id, user);
      }
      this.members.set(group.id, [...users.values()]);
    }
    this.groups = this.resolveGroups(org, options);
  }

  async findUser(idOrUpn: string): Promise<DirectoryUser | null> {
    return this.entry(idOrUpn)?.user ?? null;
  }

  async managerChain(userId: string): Promise<readonly DirectoryUser[]> {
    return walkManagerChain(userId, (id) => this.managerOf(id));
  }

  async groupMembers(groupId: string): Promise<readonly DirectoryUser[]> {
    return this.members.get(groupId) ?? [];
  }

  async automaticReplies(
    userIds: readonly string[],
  ): Promise<ReadonlyMap<string, AutomaticRepliesSetting | null>> {
    return new Map(userIds.map((id) => [id, this.entry(id)?.automaticReplies ?? null]));
  }

  async *users(): AsyncIterable<DirectoryUser> {
    for (const entry of this.entries) yield entry.user;
  }

  async health(): Promise<DirectoryHealth> {
    return { state: 'ok', detail: `${this.entries.length} Nutzer aus ${this.source ?? 'Datei'}` };
  }

  private entry(key: string): Entry | undefined {
    return this.byKey.get(key.trim().toLowerCase());
  }

  private managerOf(userId: string): DirectoryUser | null {
    const managerId = this.entry(userId)?.managerId;
    return (managerId && this.entry(managerId)?.user) || null;
  }

  private resolveGroups(org: OrgFile, options: FileDirectoryOptions): DirectoryGroupIds {
    const lotsen = this.groupId('lotsenGroupId', options.groups?.lotsen ?? org.lotsenGroupId);
    const central = this.groupId('centralGroupId', options.groups?.central ?? org.centralGroupId);
    const organisers = options.groups?.organisers ?? org.organisersGroupId;
    const admins = options.groups?.admins ?? org.adminsGroupId;
    return {
      lotsen,
      central,
      ...(organisers !== undefined && {
        organisers: this.groupId('organisersGroupId', organisers),
      }),
      ...(admins !== undefined && { admins: this.groupId('adminsGroupId', admins) }),
    };
  }

  /** A configured group must exist in the file: a typo would silently empty a role. */
  private groupId(field: string, id: string | undefined): string {
    if (id === undefined) {
      throw new DirectoryFileError(field, 'missing (expected string)', this.source);
    }
    if (!this.members.has(id)) {
      throw new DirectoryFileError(field, `no group with id ${id} in groups`, this.source);
    }
    return id;
  }
}
