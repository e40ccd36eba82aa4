/** The organiser's report: live counts in place, CSV download, recall. */
import { courseDownloadCard, strings } from '../../cards';
import type { DialogServices } from '../services';
import { replaceSubmittedCard, sendCard, sendText, type Turn } from '../turn';
import { actorOf, attempt, organisersBroadcast, type Value } from './access';
import { reportCardOf } from './report-view';

const REPORT_LINK_VALID_MS = 15 * 60 * 1000;

/** "Aktualisieren": the live report, in place of the card. */
export async function showAnnouncementReport(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  const broadcast = await organisersBroadcast(turn, services, value);
  if (!broadcast) return;
  await replaceSubmittedCard(turn, await reportCardOf(services, broadcast, turn.language));
}

/** "Zurückrufen": every delivered card is deleted, what is not sent yet is cancelled. */
export async function recallAnnouncement(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  const broadcast = await organisersBroadcast(turn, services, value);
  if (!broadcast) return;
  const recalled = await attempt(turn, () =>
    services.announcements.broadcasts.recall(broadcast.id),
  );
  if (!recalled) return;
  await services.announcements.audit.record({ id: actorOf(turn) }, 'broadcast.recall', recalled.id);
  await replaceSubmittedCard(turn, await reportCardOf(services, recalled, turn.language));
  await sendText(turn, strings[turn.language].announceRecalled);
}

/** "CSV": a one-time link to the delivery report with names; each export is audited. */
export async function downloadAnnouncementReport(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  const broadcast = await organisersBroadcast(turn, services, value);
  if (!broadcast) return;
  const { links, audit } = services.announcements;
  const { token } = await links.create(
    'broadcast-report',
    { broadcastId: broadcast.id },
    REPORT_LINK_VALID_MS,
  );
  await audit.record({ id: actorOf(turn) }, 'broadcast.report-export', broadcast.id);
  const t = strings[turn.language];
  await sendCard(
    turn,
    courseDownloadCard(turn.language, {
      title: `${t.reportCsvTitle}: ${broadcast.title}`,
      text: t.reportCsvReady,
      linkTitle: t.reportCsvDownload,
      url: `${services.publicBaseUrl}/announcements/report/${token}.csv`,
    }),
  );
}

/**
 * Brings the report cards of broadcasts under way up to date, in place (called on a timer):
 * the organiser watches the counts without pressing anything.
 */
export async function refreshReportCards(
  services: Pick<DialogServices, 'announcements'>,
): Promise<void> {
  const { broadcasts, sender } = services.announcements;
  for (const broadcast of await broadcasts.inProgress()) {
    const card = broadcast.reportCard;
    if (!card?.activityId) continue;
    const attachment = await reportCardOf(services, broadcast, card.language);
    await sender.update(card.conversation, card.activityId, { card: attachment });
  }
}
