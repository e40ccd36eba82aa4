/** A recipient presses "Gelesen": counted once per person, for the organiser's report. */
import { strings } from '../../cards';
import { profileIdOf } from '../../services/users';
import type { DialogServices } from '../services';
import { sendText, type Turn } from '../turn';
import type { Value } from './access';

/** "Gelesen" on an announcement. */
export async function acknowledgeAnnouncement(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  const t = strings[turn.language];
  const broadcastId = typeof value.broadcastId === 'string' ? value.broadcastId : '';
  const result = broadcastId
    ? await services.announcements.broadcasts.acknowledge(broadcastId, profileIdOf(turn.identity))
    : 'not-a-recipient';
  await sendText(
    turn,
    result === 'not-a-recipient' ? t.announcementGone : t.announcementReadThanks,
  );
}
