import { splitUnits, type Strings } from '../cards';

/** What an audience picker holds, whatever its form calls the fields. */
export interface AudiencePick {
  kind: string;
  /** The units field (see `splitUnits`). */
  units: string;
  groupId: string;
}

/** Units or a group chosen as the audience, but none named. */
export function audiencePickProblems(pick: AudiencePick, t: Strings): string[] {
  if (pick.kind === 'units' && splitUnits(pick.units).length === 0) return [t.composeUnitsMissing];
  if (pick.kind === 'group' && !pick.groupId) return [t.composeGroupMissing];
  return [];
}
