/**
 * The organisation file: Graph-shaped users and groups in one JSON object (the format of
 * the synthetic org data, see the org README). Validation stops at the first problem and
 * names it by JSON path, e.g. `users[12].accountEnabled: expected boolean, received string`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const dateTimeTimeZone = z.object({ dateTime: z.string().min(1), timeZone: z.string() });

const automaticRepliesSetting = z
  .object({
    status: z.enum(['disabled', 'alwaysEnabled', 'scheduled']),
    scheduledStartDateTime: dateTimeTimeZone.nullish(),
    scheduledEndDateTime: dateTimeTimeZone.nullish(),
  })
  .superRefine((setting, context) => {
    if (setting.status !== 'scheduled') return;
    for (const key of ['scheduledStartDateTime', 'scheduledEndDateTime'] as const) {
      if (!setting[key]) context.addIssue({ code: 'custom', path: [key], message: 'required' });
    }
  });

const orgUser = z.object({
  id: z.string().min(1),
  userPrincipalName: z.string().min(1),
  displayName: z.string(),
  givenName: z.string().nullish(),
  jobTitle: z.string().nullish(),
  department: z.string().nullish(),
  accountEnabled: z.boolean(),
  userType: z.enum(['Member', 'Guest']),
  preferredLanguage: z.string().nullish(),
  manager: z.object({ id: z.string().min(1) }).nullish(),
  mailboxSettings: z
    .object({ automaticRepliesSetting: automaticRepliesSetting.nullish() })
    .nullish(),
});

const orgGroup = z.object({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  members: z.array(z.object({ id: z.string().min(1) })),
});

const groupId = z.string().min(1).optional();

const orgFile = z.object({
  tenantId: z.string().nullish(),
  lotsenGroupId: groupId,
  centralGroupId: groupId,
  // Not in Graph: the demo organisation names its organiser and admin groups here too.
  organisersGroupId: groupId,
  adminsGroupId: groupId,
  users: z.array(orgUser),
  groups: z.array(orgGroup),
});

export type OrgFileUser = z.infer<typeof orgUser>;
export type OrgFileGroup = z.infer<typeof orgGroup>;
export type OrgFile = z.infer<typeof orgFile>;

/** A malformed organisation file; `path` is the JSON path of the first problem. */
export class DirectoryFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly source?: string,
  ) {
    super(`${source ? `${source}: ` : ''}${path ? `${path}: ` : ''}${problem}`);
    this.name = 'DirectoryFileError';
  }
}

export function readOrgFile(file: string): OrgFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DirectoryFileError(
      '',
      `nicht lesbar (${(error as NodeJS.ErrnoException).code})`,
      file,
    );
  }
  return parseOrgFile(text, file);
}

export function parseOrgFile(text: string, source?: string): OrgFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DirectoryFileError('', `kein gültiges JSON (${(error as Error).message})`, source);
  }
  return validateOrgFile(data, source);
}

export function validateOrgFile(data: unknown, source?: string): OrgFile {
  const result = orgFile.safeParse(data, { error: describeIssue });
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DirectoryFileError(jsonPath(issue?.path ?? []), issue?.message ?? 'ungültig', source);
  }
  checkUniqueness(result.data, source);
  return result.data;
}

/** Short, English problem texts (they follow a JSON path, like a schema validator's). */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined
      ? `missing (expected ${issue.expected})`
      : `expected ${issue.expected}, received ${issue.input === null ? 'null' : typeof issue.input}`;
  }
  if (issue.code === 'invalid_value') return `expected one of ${issue.values.join(', ')}`;
  if (issue.code === 'too_small') return 'must not be empty';
  return undefined;
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function checkUniqueness(org: OrgFile, source: string | undefined): void {
  const ids = new Set<string>();
  const upns = new Set<string>();
  org.users.forEach((user, i) => {
    const id = user.id.toLowerCase();
    const upn = user.userPrincipalName.toLowerCase();
    if (ids.has(id)) {
      throw new DirectoryFileError(`users[${i}].id`, `duplicate id ${user.id}`, source);
    }
    if (upns.has(upn)) {
      throw new DirectoryFileError(
        `users[${i}].userPrincipalName`,
        `duplicate userPrincipalName ${user.userPrincipalName}`,
        source,
      );
    }
    ids.add(id);
    upns.add(upn);
  });
  const groupIds = new Set<string>();
  org.groups.forEach((group, i) => {
    if (groupIds.has(group.id)) {
      throw new DirectoryFileError(`groups[${i}].id`, `duplicate id ${group.id}`, source);
    }
    groupIds.add(group.id);
  });
}
