/**
 * Who a course is for. The list in Teams shows a person only the courses meant for them;
 * the announcement goes to exactly these people. Only enabled members count: guests and
 * disabled accounts see no courses.
 */
import {
  hasRole,
  isWithinUnit,
  membersOf,
  type DirectoryUser,
  type OrgDirectory,
} from '../directory';
import type { CourseAudience } from './model';

export function isStaff(user: DirectoryUser): boolean {
  return user.accountEnabled && user.userType === 'Member';
}

export async function isInAudience(
  directory: OrgDirectory,
  audience: CourseAudience,
  user: DirectoryUser,
): Promise<boolean> {
  if (!isStaff(user)) return false;
  switch (audience.kind) {
    case 'everyone':
      return true;
    case 'lotsen':
      return hasRole(directory, 'lotsen', user.id);
    case 'units':
      return audience.departments.some((unit) => isWithinUnit(user.department, unit));
    case 'group': {
      const id = user.id.toLowerCase();
      const members = await directory.groupMembers(audience.groupId);
      return members.some((member) => member.id.toLowerCase() === id);
    }
  }
}

/** Everyone the course is for, each once. */
export async function audienceMembers(
  directory: OrgDirectory,
  audience: CourseAudience,
): Promise<DirectoryUser[]> {
  let users: readonly DirectoryUser[];
  switch (audience.kind) {
    case 'lotsen':
      users = await membersOf(directory, 'lotsen');
      break;
    case 'group':
      users = await directory.groupMembers(audience.groupId);
      break;
    default: {
      const all: DirectoryUser[] = [];
      for await (const user of directory.users()) all.push(user);
      users = all;
    }
  }
  const unique = new Map<string, DirectoryUser>();
  for (const user of users) {
    if (!isStaff(user)) continue;
    if (audience.kind === 'units' && !(await isInAudience(directory, audience, user))) continue;
    unique.set(user.id.toLowerCase(), user);
  }
  return [...unique.values()];
}
