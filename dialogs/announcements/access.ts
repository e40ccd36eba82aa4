/**
 * Who may act on an announcement: every button carries only the broadcast id; what the
 * actor may do is decided from the stored broadcast and the directory's organisers group.
 */
import { TurnContext } from 'botbuilder';
import { strings } from '../../cards';
import { BroadcastError, type Broadcast } from '../../services/broadcast';
import { hasRole } from '../../services/directory';
import type { DialogServices } from '../services';
import { sendText, type Turn } from '../turn';

export type Value = Record<string, unknown>;

/** The broadcast of the button, for an organiser; otherwise tells why not. */
export async function organisersBroadcast(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<Broadcast | undefined> {
  if (!(await isOrganiser(turn, services))) {
    await refuse(turn);
    return undefined;
  }
  const id = typeof value.broadcastId === 'string' ? value.broadcastId : '';
  const broadcast = id ? await services.announcements.broadcasts.get(id) : undefined;
  if (!broadcast) await sendText(turn, strings[turn.language].announceStale);
  return broadcast;
}

/** The author's own draft; send and discard are theirs alone. */
export async function ownDraft(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<Broadcast | undefined> {
  const broadcast = await organisersBroadcast(turn, services, value);
  if (!broadcast) return undefined;
  if (broadcast.status !== 'draft' || !sameUser(broadcast.createdBy, actorOf(turn))) {
    await sendText(turn, strings[turn.language].announceStale);
    return undefined;
  }
  return broadcast;
}

/** Runs a state change; a refused one (moved on meanwhile) is told, not thrown. */
export async function attempt<T>(turn: Turn, change: () => Promise<T>): Promise<T | undefined> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof BroadcastError)) throw error;
    const t = strings[turn.language];
    await sendText(turn, error.code === 'same-approver' ? t.announceOwnApproval : t.announceStale);
    return undefined;
  }
}

export async function isOrganiser(turn: Turn, services: DialogServices): Promise<boolean> {
  const id = turn.identity.aadObjectId;
  return id !== undefined && hasRole(services.directory, 'organisers', id);
}

export function refuse(turn: Turn): Promise<void> {
  return sendText(turn, strings[turn.language].announceNotOrganiser);
}

export function actorOf(turn: Turn): string {
  return (turn.identity.aadObjectId ?? turn.identity.teamsUserId).toLowerCase();
}

export function sameUser(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function referenceOf(turn: Turn): Record<string, unknown> {
  const reference = TurnContext.getConversationReference(turn.context.activity);
  return JSON.parse(JSON.stringify(reference)) as Record<string, unknown>;
}
