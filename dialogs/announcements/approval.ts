/** Announcements above the threshold: a second organiser approves or declines (never the author). */
import { broadcastReportCard, strings, type BroadcastReportView, type Language } from '../../cards';
import type { Broadcast } from '../../services/broadcast';
import { membersOf } from '../../services/directory';
import type { DialogServices } from '../services';
import { replaceSubmittedCard, sendText, type Turn } from '../turn';
import { actorOf, attempt, organisersBroadcast, sameUser, type Value } from './access';
import { reportCardOf, viewOf } from './report-view';

/** A second organiser approves (never the author). */
export async function approveAnnouncement(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  await decide(turn, services, value, 'approve');
}

export async function declineAnnouncement(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  await decide(turn, services, value, 'decline');
}

async function decide(
  turn: Turn,
  services: DialogServices,
  value: Value,
  decision: 'approve' | 'decline',
): Promise<void> {
  const broadcast = await organisersBroadcast(turn, services, value);
  if (!broadcast) return;
  const t = strings[turn.language];
  if (sameUser(broadcast.createdBy, actorOf(turn))) return sendText(turn, t.announceOwnApproval);
  const { broadcasts, sender } = services.announcements;
  const decided = await attempt(turn, () =>
    decision === 'approve'
      ? broadcasts.approve(broadcast.id, actorOf(turn))
      : broadcasts.decline(broadcast.id),
  );
  if (!decided) return;
  await services.announcements.audit.record(
    { id: actorOf(turn) },
    `broadcast.${decision}`,
    decided.id,
  );
  await replaceSubmittedCard(
    turn,
    await reportCardOf(services, decided, turn.language, 'approver'),
  );
  await sendText(turn, decision === 'approve' ? t.announceApproved : t.announceDeclined);
  const author = decided.reportCard;
  if (author?.activityId) {
    const card = await reportCardOf(services, decided, author.language);
    await sender.update(author.conversation, author.activityId, { card });
  }
}

type ApprovalServices = Pick<DialogServices, 'directory' | 'profiles' | 'logger'> & {
  announcements: Pick<DialogServices['announcements'], 'broadcasts' | 'sender'>;
};

/**
 * Asks every other organiser who has the app to approve — once per broadcast, by whichever
 * turn or instance claims it first. `view` carries the counts the submit just made.
 */
export async function requestApproval(
  services: ApprovalServices,
  broadcast: Broadcast,
  view: BroadcastReportView = viewOf(broadcast),
): Promise<void> {
  const claimed = await services.announcements.broadcasts.claimApprovalRequest(broadcast.id);
  if (!claimed) return;
  const organisers = await membersOf(services.directory, 'organisers');
  for (const organiser of organisers) {
    if (!organiser.accountEnabled || sameUser(organiser.id, claimed.createdBy)) continue;
    const profile = await services.profiles.get({ teamsUserId: '', aadObjectId: organiser.id });
    if (!profile?.conversation) continue;
    const language: Language = profile.language ?? 'de';
    const card = broadcastReportCard(language, view, 'approver');
    const sent = await services.announcements.sender.send(profile.conversation, { card });
    if (!sent.ok) {
      services.logger.warn(
        { broadcastId: claimed.id, kind: sent.kind },
        'approval request not delivered',
      );
    }
  }
}

/**
 * Asks for the approvals nobody has asked for yet (called on a timer): broadcasts submitted
 * outside a Teams turn (the API, the CLI), or by a turn that failed before it asked.
 */
export async function requestPendingApprovals(services: ApprovalServices): Promise<void> {
  for (const broadcast of await services.announcements.broadcasts.unrequestedApprovals()) {
    await requestApproval(services, broadcast);
  }
}
