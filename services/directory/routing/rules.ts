import { MAX_MANAGER_STEPS, type DirectoryUser } from '../types';
import { departmentKey } from './department';
import type { LotsenIndex } from './lotsen-index';

export type RoutingRule = 'unit' | 'self-unit' | 'manager-chain' | 'central' | 'not-routable';

export interface RuleOutcome {
  rule: RoutingRule;
  candidates: DirectoryUser[];
}

/** What R1–R5 look at. */
export interface RuleInput {
  /** null: not in the directory, so the central team serves the question. */
  asker: DirectoryUser | null;
  /** The asker's managers, nearest first, as the directory walked them. */
  managerChain: readonly DirectoryUser[];
  central: readonly DirectoryUser[];
}

/** R1: only enabled members can be routed; guests and disabled accounts cannot. */
export function isRoutable(user: DirectoryUser): boolean {
  return user.accountEnabled && user.userType === 'Member';
}

/**
 * R1–R5 over the lotsen that `eligible` admits. With every lotse eligible this is the
 * routing contract; with only the present ones it is where the pick comes from, because an
 * absent lotse counts as no lotse and the next rule takes over.
 */
export function applyRules(
  input: RuleInput,
  lotsen: LotsenIndex,
  eligible: (lotse: DirectoryUser) => boolean,
): RuleOutcome {
  const { asker } = input;
  if (asker === null) return { rule: 'central', candidates: centralTeam(input.central, eligible) };
  if (!isRoutable(asker)) return { rule: 'not-routable', candidates: [] };

  // R5: a lotse asking is never their own candidate.
  const others = (lotse: DirectoryUser): boolean => lotse.id !== asker.id && eligible(lotse);
  const unit = lotsenOfUnit(lotsen, asker.department, others);
  if (unit.length > 0) {
    return { rule: lotsen.ids.has(asker.id) ? 'self-unit' : 'unit', candidates: unit };
  }

  for (const manager of input.managerChain.slice(0, MAX_MANAGER_STEPS)) {
    const found = lotsenOfUnit(lotsen, manager.department, others);
    if (found.length > 0) return { rule: 'manager-chain', candidates: found };
  }
  return { rule: 'central', candidates: centralTeam(input.central, others) };
}

function lotsenOfUnit(
  lotsen: LotsenIndex,
  department: string | null,
  eligible: (lotse: DirectoryUser) => boolean,
): DirectoryUser[] {
  const key = departmentKey(department);
  return key === null ? [] : (lotsen.byDepartment.get(key) ?? []).filter(eligible);
}

function centralTeam(
  central: readonly DirectoryUser[],
  eligible: (lotse: DirectoryUser) => boolean,
): DirectoryUser[] {
  return central.filter((member) => member.accountEnabled && eligible(member));
}

/** Every lotse R2–R4 could name for this input: whose absence routing needs to know. */
export function lotsenInReach(input: RuleInput, lotsen: LotsenIndex): DirectoryUser[] {
  const all = () => true;
  const departments = [
    input.asker?.department ?? null,
    ...input.managerChain.map((m) => m.department),
  ];
  return [
    ...departments.flatMap((department) => lotsenOfUnit(lotsen, department, all)),
    ...centralTeam(input.central, all),
  ];
}
