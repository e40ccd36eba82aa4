/**
 * Small organisations for directory tests, written as a table of people by short key.
 * Ids are `id-<key>`, UPNs `<key>@stadt.example`.
 */
import {
  FileDirectory,
  gatherRoutingInput,
  routeQuestion,
  type AutomaticRepliesSetting,
  type LotseLoad,
  validateOrgFile,
} from '../../../services/directory';

export interface Person {
  department?: string | null;
  manager?: string;
  lotse?: boolean;
  central?: boolean;
  disabled?: boolean;
  guest?: boolean;
  automaticReplies?: AutomaticRepliesSetting;
}

export const idOf = (key: string): string => `id-${key}`;
export const upnOf = (key: string): string => `${key}@stadt.example`;
export const keyOf = (upnOrId: string): string =>
  upnOrId.replace(/@stadt\.example$/, '').replace(/^id-/, '');

/** The organisation file (Graph's shape) for a table of people. */
export function orgFileOf(people: Record<string, Person>): Record<string, unknown> {
  const entries = Object.entries(people);
  const membersWhere = (test: (person: Person) => boolean) =>
    entries.filter(([, person]) => test(person)).map(([key]) => ({ id: idOf(key) }));
  return {
    tenantId: 'tenant',
    lotsenGroupId: 'group-lotsen',
    centralGroupId: 'group-central',
    users: entries.map(([key, person]) => ({
      id: idOf(key),
      displayName: key,
      userPrincipalName: upnOf(key),
      department: person.department ?? null,
      accountEnabled: !person.disabled,
      userType: person.guest ? 'Guest' : 'Member',
      manager: person.manager ? { id: idOf(person.manager) } : null,
      mailboxSettings: {
        automaticRepliesSetting: person.automaticReplies ?? { status: 'disabled' },
      },
    })),
    groups: [
      {
        id: 'group-lotsen',
        displayName: 'Digitallotsen',
        members: membersWhere((p) => !!p.lotse || !!p.central),
      },
      {
        id: 'group-central',
        displayName: 'Digitallotsen Zentrale',
        members: membersWhere((p) => !!p.central),
      },
      // Named like the lotsen but not them: groups count by id only.
      {
        id: 'group-trainees',
        displayName: 'Digitallotsen – Schulung',
        members: membersWhere(() => true),
      },
    ],
  };
}

export function directoryOf(people: Record<string, Person>): FileDirectory {
  return new FileDirectory(validateOrgFile(orgFileOf(people)));
}

export interface RouteByKey {
  rule: string;
  candidates: string[];
  pick: string | null;
  pickRule: string | null;
}

/** Routes a person and answers in keys, candidates sorted. */
export async function routeByKey(
  directory: FileDirectory,
  askerKey: string,
  options: { now?: Date; markedAbsent?: string[]; load?: LotseLoad } = {},
): Promise<RouteByKey> {
  const input = await gatherRoutingInput(directory, upnOf(askerKey), {
    markedAbsent: new Set((options.markedAbsent ?? []).map(idOf)),
  });
  const result = routeQuestion(
    input,
    options.now ?? new Date('2026-11-24T12:00:00Z'),
    options.load,
  );
  return {
    rule: result.rule,
    candidates: result.candidates.map((user) => keyOf(user.id)).sort(),
    pick: result.pick && keyOf(result.pick.id),
    pickRule: result.pickRule,
  };
}

export const AWAY: AutomaticRepliesSetting = { status: 'alwaysEnabled' };
