import { broadcastReportCard, type BroadcastReportView } from '../../../cards';
import { cardSample } from '../sample';

const base: BroadcastReportView = {
  broadcastId: 'b-2026-11-teams',
  title: 'Kurs: Microsoft Teams für Einsteigerinnen und Einsteiger',
  status: 'sending',
  recalled: false,
  recipients: 1312,
  sent: 640,
  pending: 652,
  failed: 2,
  blocked: 3,
  notInstalled: 15,
  acknowledged: 211,
  ratePerSecond: 48.6,
  secondsLeft: 14,
};

export const draft = cardSample('draft preview with the number of recipients', (language) =>
  broadcastReportCard(language, { ...base, status: 'draft', sent: 0, pending: 0, reachable: 1297 }),
);

export const approvalRequest = cardSample('approval request to a second organiser', (language) =>
  broadcastReportCard(
    language,
    { ...base, status: 'awaiting-approval', sent: 0, pending: 0, reachable: 1297 },
    'approver',
  ),
);

export const scheduled = cardSample('queued for a time, with edit and recall', (language) =>
  broadcastReportCard(language, {
    ...base,
    status: 'queued',
    sent: 0,
    pending: 0,
    sendAt: '2026-12-14T08:00:00.000Z',
  }),
);

export const sending = cardSample('live report while sending', (language) =>
  broadcastReportCard(language, base),
);

export const recalled = cardSample('completed, then recalled', (language) =>
  broadcastReportCard(language, {
    ...base,
    status: 'completed',
    recalled: true,
    sent: 0,
    pending: 0,
    secondsLeft: null,
  }),
);
