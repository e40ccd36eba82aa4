import type { DirectoryRole, DirectoryUser, OrgDirectory } from './types';

/** Members of a configured group; [] when that group is not configured. */
export async function membersOf(
  directory: OrgDirectory,
  role: DirectoryRole,
): Promise<readonly DirectoryUser[]> {
  const groupId = directory.groups[role];
  return groupId === undefined ? [] : directory.groupMembers(groupId);
}

/** Whether an enabled account is in the group of a role, e.g. may organise courses. */
export async function hasRole(
  directory: OrgDirectory,
  role: DirectoryRole,
  userId: string,
): Promise<boolean> {
  const id = userId.toLowerCase();
  return (await membersOf(directory, role)).some(
    (member) => member.accountEnabled && member.id.toLowerCase() === id,
  );
}
