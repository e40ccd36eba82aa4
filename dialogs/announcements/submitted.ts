/**
 * What the organiser sees after a submit, whatever was submitted (an announcement, a course's
 * announcement): the live report card, remembered so that it updates in place; above the
 * threshold the other organisers are asked to approve; a line on what happens next.
 */
import { broadcastReportCard, formatInstant, strings } from '../../cards';
import type { Submitted } from '../../services/broadcast';
import type { DialogServices } from '../services';
import { replaceSubmittedCard, sendCard, sendText, type Turn } from '../turn';
import { referenceOf } from './access';
import { requestApproval } from './approval';
import { viewOf } from './report-view';

/** `in-place`: the report replaces the card whose button submitted; `new`: it comes below. */
export async function reportSubmitted(
  turn: Turn,
  services: DialogServices,
  submitted: Submitted,
  placement: 'in-place' | 'new',
): Promise<void> {
  const { broadcasts } = services.announcements;
  const view = {
    ...viewOf(submitted.broadcast),
    recipients: submitted.count.recipients,
    reachable: submitted.count.reachable,
  };
  const card = broadcastReportCard(turn.language, view);
  const clicked = turn.context.activity.replyToId;
  let activityId: string | undefined;
  if (placement === 'in-place' && clicked) {
    await replaceSubmittedCard(turn, card);
    activityId = clicked;
  } else {
    activityId = await sendCard(turn, card);
  }
  const broadcast = activityId
    ? await broadcasts.setReportCard(submitted.broadcast.id, {
        conversation: referenceOf(turn),
        activityId,
        language: turn.language,
      })
    : submitted.broadcast;

  const t = strings[turn.language];
  if (submitted.needsApproval) {
    await requestApproval(services, broadcast, view);
    return sendText(
      turn,
      t.announceAwaiting.replace('{threshold}', String(broadcasts.approvalThreshold)),
    );
  }
  if (broadcast.sendAt > 0) {
    const time = new Date(broadcast.sendAt).toISOString();
    return sendText(
      turn,
      t.announceScheduled.replace('{time}', formatInstant(time, turn.language)),
    );
  }
  await sendText(turn, t.announceSent);
}
