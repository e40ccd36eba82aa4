import type { DirectoryUser, OrgDirectory } from '../types';
import { gatherRoutingInput, type GatheredRouting } from './gather';
import { NO_LOAD, type LotseLoad } from './pick';
import { absenceOf, routeQuestion, type RoutingResult } from './route-question';

/** A lotse as "Wer ist mein Digitallotse?" shows them. */
export interface LotseContact {
  id: string;
  displayName: string;
  userPrincipalName: string;
  department: string | null;
  /** Opens a 1:1 Teams chat with the lotse. */
  chatUrl: string;
  absent: boolean;
  /** End of a scheduled absence; null when present or when the end is not known. */
  absentUntil: Date | null;
}

export interface LotseLookup {
  /** `unknown-user`: not in the directory, served by the central team. */
  status: 'found' | 'unknown-user' | 'not-routable';
  asker: DirectoryUser | null;
  routing: RoutingResult;
  /** Who would get a question now. */
  lotse: LotseContact | null;
  /** The rule's other candidates: usually the unit's other lotsen. */
  otherLotsen: LotseContact[];
  /** The central team, without the asker and anyone listed above. */
  centralTeam: LotseContact[];
  /** False when the directory was unreachable and the answer rests on what was last known. */
  directoryAvailable: boolean;
}

export interface LotseLookupOptions {
  now: Date;
  markedAbsent?: ReadonlySet<string>;
  load?: LotseLoad;
}

/** "Wer ist mein Digitallotse?" for one asker. */
export async function findMyLotse(
  directory: OrgDirectory,
  askerKey: string,
  options: LotseLookupOptions,
): Promise<LotseLookup> {
  const input = await gatherRoutingInput(directory, askerKey, options);
  return describeLotsen(input, options.now, options.load);
}

/** The pure half of {@link findMyLotse}. */
export function describeLotsen(
  input: GatheredRouting,
  now: Date,
  load: LotseLoad = NO_LOAD,
): LotseLookup {
  const routing = routeQuestion(input, now, load);
  const contact = (user: DirectoryUser): LotseContact => contactOf(input, user, now);
  const status = !input.asker
    ? 'unknown-user'
    : routing.rule === 'not-routable'
      ? 'not-routable'
      : 'found';
  const shown = new Set([input.asker?.id, routing.pick?.id]);
  const otherLotsen =
    routing.rule === 'central' ? [] : routing.candidates.filter((u) => !shown.has(u.id));
  for (const lotse of otherLotsen) shown.add(lotse.id);
  const centralTeam =
    status === 'not-routable'
      ? []
      : input.central.filter((u) => u.accountEnabled && !shown.has(u.id));
  return {
    status,
    asker: input.asker,
    routing,
    lotse: routing.pick && contact(routing.pick),
    otherLotsen: otherLotsen.map(contact),
    centralTeam: centralTeam.map(contact),
    directoryAvailable: input.directoryAvailable,
  };
}

/** Teams deep link to a chat; `@` stays readable, `#` (guest UPNs) must be escaped. */
export function teamsChatUrl(userPrincipalName: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(userPrincipalName).replace(/%40/g, '@')}`;
}

function contactOf(input: GatheredRouting, user: DirectoryUser, now: Date): LotseContact {
  const absence = absenceOf(input, user, now);
  return {
    id: user.id,
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    department: user.department,
    chatUrl: teamsChatUrl(user.userPrincipalName),
    absent: absence.absent,
    absentUntil: absence.until,
  };
}
