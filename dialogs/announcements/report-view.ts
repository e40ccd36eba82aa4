/** The organiser's report card of a broadcast, from its stored state and delivery counts. */
import {
  broadcastReportCard,
  type BroadcastReportRole,
  type BroadcastReportView,
  type Language,
} from '../../cards';
import type { Broadcast } from '../../services/broadcast';
import type { DialogServices } from '../services';

export async function reportCardOf(
  services: Pick<DialogServices, 'announcements'>,
  broadcast: Broadcast,
  language: Language,
  role: BroadcastReportRole = 'author',
) {
  const report = await services.announcements.reports.report(broadcast.id);
  const view: BroadcastReportView = report
    ? { ...report, status: broadcast.status, recalled: broadcast.recalledAt !== undefined }
    : viewOf(broadcast);
  if (!report?.recipients && broadcast.approval) view.recipients = broadcast.approval.recipients;
  return broadcastReportCard(language, view, role);
}

export function viewOf(broadcast: Broadcast): BroadcastReportView {
  return {
    broadcastId: broadcast.id,
    title: broadcast.title,
    status: broadcast.status,
    recalled: broadcast.recalledAt !== undefined,
    recipients: broadcast.recipients ?? broadcast.approval?.recipients ?? 0,
    sent: 0,
    pending: 0,
    failed: 0,
    blocked: 0,
    notInstalled: 0,
    acknowledged: 0,
    ratePerSecond: 0,
    secondsLeft: null,
    ...(broadcast.sendAt > 0 && { sendAt: new Date(broadcast.sendAt).toISOString() }),
  };
}
