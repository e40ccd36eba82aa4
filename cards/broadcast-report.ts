import { renderCard, type CardAttachment } from './render';
import { strings, type Language } from './strings';
import template from './templates/broadcast-report.json';
import { formatInstant } from './ticket-views';

/** What the organiser sees of one announcement (a DeliveryReport, in card terms). */
export interface BroadcastReportView {
  broadcastId: string;
  title: string;
  status: 'draft' | 'awaiting-approval' | 'queued' | 'preparing' | 'sending' | 'completed';
  recalled: boolean;
  /** Audience size: counted before sending, known exactly once prepared. */
  recipients: number;
  /** Recipients who have the app, before sending. */
  reachable?: number;
  sent: number;
  pending: number;
  failed: number;
  blocked: number;
  notInstalled: number;
  acknowledged: number;
  ratePerSecond: number;
  secondsLeft: number | null;
  /** When a scheduled announcement goes out (ISO instant). */
  sendAt?: string;
}

/** Whose card: the author controls it; another organiser is asked to approve it. */
export type BroadcastReportRole = 'author' | 'approver';

/**
 * The organiser's card of an announcement: preview controls as a draft, the approval
 * request for a second organiser, then the live delivery report (updated in place).
 */
export function broadcastReportCard(
  language: Language,
  view: BroadcastReportView,
  role: BroadcastReportRole = 'author',
): CardAttachment {
  const t = strings[language];
  const number = (value: number) => value.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB');
  const scheduled = view.sendAt
    ? [{ title: t.reportScheduled, value: formatInstant(view.sendAt, language) }]
    : [];
  const facts =
    view.status === 'draft' || view.status === 'awaiting-approval'
      ? [
          ...scheduled,
          { title: t.reportRecipients, value: number(view.recipients) },
          { title: t.reportReachable, value: number(view.reachable ?? view.recipients) },
        ]
      : [
          ...(view.status === 'queued' ? scheduled : []),
          { title: t.reportRecipients, value: number(view.recipients) },
          { title: t.reportSent, value: number(view.sent) },
          { title: t.reportPending, value: number(view.pending) },
          { title: t.reportFailed, value: number(view.failed) },
          { title: t.reportBlocked, value: number(view.blocked) },
          { title: t.reportNotInstalled, value: number(view.notInstalled) },
          { title: t.reportRead, value: number(view.acknowledged) },
          ...(view.pending > 0
            ? [
                { title: t.reportRate, value: `${number(view.ratePerSecond)} / s` },
                { title: t.reportTimeLeft, value: timeLeft(view.secondsLeft, language) },
              ]
            : []),
        ];
  return renderCard(template, language, {
    heading: role === 'approver' ? t.reportApprovalHeading : t.reportHeading,
    title: view.title,
    state: view.recalled ? t.reportStateRecalled : t[STATE_KEYS[view.status]],
    ...(view.status === 'draft' && role === 'author' && { note: t.reportPreviewNote }),
    facts,
    actions: actionsFor(view, role, t).map(([verb, title]) => ({
      verb,
      title,
      broadcastId: view.broadcastId,
    })),
  });
}

const STATE_KEYS = {
  draft: 'reportStateDraft',
  'awaiting-approval': 'reportStateAwaiting',
  queued: 'reportStateQueued',
  preparing: 'reportStateQueued',
  sending: 'reportStateSending',
  completed: 'reportStateCompleted',
} as const;

/** The buttons: `[verb, title]`; the dialog checks every verb against the stored state. */
function actionsFor(
  view: BroadcastReportView,
  role: BroadcastReportRole,
  t: (typeof strings)[Language],
): Array<[string, string]> {
  if (role === 'approver') {
    return view.status === 'awaiting-approval'
      ? [
          ['announce.approve', t.reportApprove],
          ['announce.decline', t.reportDecline],
        ]
      : [];
  }
  if (view.status === 'draft') {
    return [
      ['announce.send', t.reportSend],
      ['announce.discard', t.reportDiscard],
    ];
  }
  const refresh: [string, string] = ['announce.report', t.reportRefresh];
  const csv: [string, string] = ['announce.csv', t.reportCsv];
  return view.recalled
    ? [refresh, csv]
    : [refresh, csv, ['announce.edit', t.reportEdit], ['announce.recall', t.reportRecall]];
}

function timeLeft(seconds: number | null, language: Language): string {
  if (seconds === null) return '–';
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return language === 'de' ? `ca. ${minutes}:${rest} min` : `about ${minutes}:${rest} min`;
}
