import type { DirectoryUser } from '../types';
import { departmentKey } from './department';

/** The lotsen group prepared for R2: who is a lotse, and the enabled lotsen per unit. */
export interface LotsenIndex {
  ids: ReadonlySet<string>;
  byDepartment: ReadonlyMap<string, readonly DirectoryUser[]>;
}

// Directories hand out the same member list until it changes, so the index is built
// once per list instead of once per question.
const built = new WeakMap<readonly DirectoryUser[], LotsenIndex>();

export function lotsenIndexOf(lotsen: readonly DirectoryUser[]): LotsenIndex {
  let index = built.get(lotsen);
  if (!index) {
    index = buildIndex(lotsen);
    built.set(lotsen, index);
  }
  return index;
}

function buildIndex(lotsen: readonly DirectoryUser[]): LotsenIndex {
  const byDepartment = new Map<string, DirectoryUser[]>();
  for (const lotse of lotsen) {
    const key = departmentKey(lotse.department);
    if (!lotse.accountEnabled || key === null) continue;
    const unit = byDepartment.get(key);
    if (unit) unit.push(lotse);
    else byDepartment.set(key, [lotse]);
  }
  return { ids: new Set(lotsen.map((lotse) => lotse.id)), byDepartment };
}
