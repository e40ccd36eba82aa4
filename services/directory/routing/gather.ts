import { DirectoryUnavailableError, type DirectoryUser, type OrgDirectory } from '../types';
import { lotsenIndexOf } from './lotsen-index';
import type { RoutingInput } from './route-question';
import { isRoutable, lotsenInReach } from './rules';

export interface GatheredRouting extends RoutingInput {
  /**
   * False when the directory could not be reached: what is missing counts as unknown,
   * so the asker is served by the central team (as last known to the directory).
   */
  directoryAvailable: boolean;
}

/** The I/O half of routing: reads from the directory what {@link routeQuestion} needs. */
export async function gatherRoutingInput(
  directory: OrgDirectory,
  askerKey: string,
  options: { markedAbsent?: ReadonlySet<string> } = {},
): Promise<GatheredRouting> {
  let directoryAvailable = true;
  const orElse = async <T>(read: Promise<T>, fallback: T): Promise<T> => {
    try {
      return await read;
    } catch (error) {
      if (!(error instanceof DirectoryUnavailableError)) throw error;
      directoryAvailable = false;
      return fallback;
    }
  };
  const none: readonly DirectoryUser[] = [];
  const [asker, lotsen, central] = await Promise.all([
    orElse(directory.findUser(askerKey), null),
    orElse(directory.groupMembers(directory.groups.lotsen), none),
    orElse(directory.groupMembers(directory.groups.central), none),
  ]);
  const routable = asker === null || isRoutable(asker);
  const managerChain =
    asker && routable ? await orElse(directory.managerChain(asker.id), none) : none;
  const inReach = routable
    ? lotsenInReach({ asker, managerChain, central }, lotsenIndexOf(lotsen))
    : [];
  const ids = [...new Set(inReach.map((lotse) => lotse.id))];
  const automaticReplies =
    ids.length > 0 ? await orElse(directory.automaticReplies(ids), new Map()) : new Map();
  return {
    asker,
    managerChain,
    lotsen,
    central,
    automaticReplies,
    markedAbsent: options.markedAbsent ?? new Set(),
    directoryAvailable,
  };
}
