import { join } from 'node:path';
import {
  DirectoryFileError,
  FileDirectory,
  MAX_MANAGER_STEPS,
  createDirectory,
  parseOrgFile,
  validateOrgFile,
} from '../../../services/directory';
import { directoryOf, orgFileOf } from './org-builder';

const FIXTURES = join(__dirname, '../../fixtures/directory');

type Org = ReturnType<typeof validOrg>;
const validOrg = () =>
  orgFileOf({
    boss: { department: 'Amt' },
    lotse: { department: 'Amt', lotse: true, manager: 'boss' },
    staff: { department: 'Amt', manager: 'boss' },
  }) as {
    users: Record<string, unknown>[];
    groups: Record<string, unknown>[];
    [key: string]: unknown;
  };

function problemOf(change: (org: Org) => void): string {
  const org = validOrg();
  change(org);
  try {
    new FileDirectory(validateOrgFile(org));
  } catch (error) {
    if (error instanceof DirectoryFileError) return error.message;
    throw error;
  }
  throw new Error('the organisation was accepted');
}

describe('FileDirectory: malformed organisation files', () => {
  it.each<[string, (org: Org) => void, string]>([
    [
      'a string for a boolean',
      (org) => ((org.users[1] as Record<string, unknown>).accountEnabled = 'yes'),
      'users[1].accountEnabled: expected boolean, received string',
    ],
    [
      'an unknown userType',
      (org) => ((org.users[0] as Record<string, unknown>).userType = 'Admin'),
      'users[0].userType: expected one of Member, Guest',
    ],
    [
      'a missing id',
      (org) => delete (org.users[2] as Record<string, unknown>).id,
      'users[2].id: missing (expected string)',
    ],
    [
      'a number for a member id',
      (org) => ((org.groups[0] as { members: unknown[] }).members[0] = { id: 5 }),
      'groups[0].members[0].id: expected string, received number',
    ],
    [
      'no users array',
      (org) => delete (org as Record<string, unknown>).users,
      'users: missing (expected array)',
    ],
    [
      'a scheduled absence without an end',
      (org) =>
        ((org.users[1] as Record<string, unknown>).mailboxSettings = {
          automaticRepliesSetting: {
            status: 'scheduled',
            scheduledStartDateTime: { dateTime: '2026-11-23T07:00:00', timeZone: 'UTC' },
          },
        }),
      'users[1].mailboxSettings.automaticRepliesSetting.scheduledEndDateTime: required',
    ],
    [
      'a UPN twice (in another case)',
      (org) => ((org.users[2] as Record<string, unknown>).userPrincipalName = 'BOSS@stadt.example'),
      'users[2].userPrincipalName: duplicate userPrincipalName BOSS@stadt.example',
    ],
    [
      'an id twice',
      (org) => ((org.users[2] as Record<string, unknown>).id = 'id-boss'),
      'users[2].id: duplicate id id-boss',
    ],
    [
      'a lotsen group id that names no group',
      (org) => (org.lotsenGroupId = 'group-missing'),
      'lotsenGroupId: no group with id group-missing in groups',
    ],
    [
      'no central group id',
      (org) => delete org.centralGroupId,
      'centralGroupId: missing (expected string)',
    ],
  ])('names the JSON path for %s', (_case, change, message) => {
    expect(problemOf(change)).toBe(message);
  });

  it('says when a file is not JSON at all', () => {
    expect(() => parseOrgFile('{"users": [', 'org.json')).toThrow(/^org\.json: kein gültiges JSON/);
  });

  it('names the file and the path when loading from disk', () => {
    const load = () =>
      createDirectory({ kind: 'file', path: join(FIXTURES, 'malformed-org.json') });
    expect(load).toThrow(DirectoryFileError);
    expect(load).toThrow(/malformed-org\.json: users\[3\]\.accountEnabled: expected boolean/);
  });

  it('reports a file that cannot be read', () => {
    expect(() => createDirectory({ kind: 'file', path: join(FIXTURES, 'missing.json') })).toThrow(
      /missing\.json: nicht lesbar \(ENOENT\)/,
    );
  });
});

describe('FileDirectory: lookups', () => {
  const directory = createDirectory({ kind: 'file', path: join(FIXTURES, 'small-org.json') });

  it('finds users by object id or UPN regardless of case and surrounding spaces', async () => {
    for (const key of ['id-anna', 'ID-ANNA', 'Anna@Stadt.Example', ' anna@stadt.example ']) {
      expect((await directory.findUser(key))?.displayName).toBe('Anna');
    }
    expect(await directory.findUser('nobody@stadt.example')).toBeNull();
  });

  it('lists every user in file order', async () => {
    const keys: string[] = [];
    for await (const user of directory.users()) keys.push(user.id);
    expect(keys).toEqual(
      ['leitung', 'anna', 'ben', 'carla', 'dora', 'emil', 'fiona', 'gast', 'ida'].map(
        (k) => `id-${k}`,
      ),
    );
  });

  it('gives the group members by group id, skipping ids that are not users', async () => {
    const members = await directory.groupMembers('group-central');
    expect(members.map((m) => m.id)).toEqual(['id-emil', 'id-fiona']);
    expect(await directory.groupMembers('group-unknown')).toEqual([]);
  });

  it('returns the automatic replies per user, null without a mailbox', async () => {
    const replies = await directory.automaticReplies(['id-ben', 'id-anna', 'id-gast']);
    expect(replies.get('id-ben')).toEqual({ status: 'alwaysEnabled' });
    expect(replies.get('id-anna')).toEqual({ status: 'disabled' });
    expect(replies.get('id-gast')).toBeNull();
  });

  it('reports itself healthy', async () => {
    expect((await directory.health()).state).toBe('ok');
  });

  it('takes group ids from options over those in the file', async () => {
    const swapped = FileDirectory.load(join(FIXTURES, 'small-org.json'), {
      groups: { central: 'group-lotsen' },
    });
    expect(swapped.groups).toEqual({ lotsen: 'group-lotsen', central: 'group-lotsen' });
  });
});

describe('FileDirectory: manager chain', () => {
  it('walks up to ten managers, nearest first', async () => {
    const people = Object.fromEntries(
      Array.from({ length: 13 }, (_, i) => [`m${i}`, { department: 'Amt', manager: `m${i + 1}` }]),
    );
    const chain = await directoryOf(people).managerChain('id-m0');
    expect(chain.map((m) => m.id)).toEqual(
      Array.from({ length: MAX_MANAGER_STEPS }, (_, i) => `id-m${i + 1}`),
    );
  });

  it('stops before a manager already visited', async () => {
    const directory = directoryOf({
      a: { manager: 'b' },
      b: { manager: 'c' },
      c: { manager: 'b' },
    });
    expect((await directory.managerChain('id-a')).map((m) => m.id)).toEqual(['id-b', 'id-c']);
    expect((await directory.managerChain('id-b')).map((m) => m.id)).toEqual(['id-c']);
  });

  it('includes disabled managers and stops at an unknown one', async () => {
    const directory = directoryOf({
      a: { manager: 'b' },
      b: { manager: 'c', disabled: true },
      c: { manager: 'ghost' },
    });
    expect((await directory.managerChain('id-a')).map((m) => m.id)).toEqual(['id-b', 'id-c']);
  });
});
