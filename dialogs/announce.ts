/**
 * General announcements in Teams: an organiser composes one, sees a preview and the number
 * of recipients, sends it (a second organiser approves large ones), watches the delivery
 * report that updates in place, and can recall it. Recipients answer "Gelesen".
 *
 * Every button carries only the broadcast id; who may do what is decided here from the
 * stored broadcast and the directory's organisers group.
 */
import { TurnContext } from 'botbuilder';
import {
  announcementCard,
  announcementComposeCard,
  broadcastReportCard,
  courseDownloadCard,
  formatInstant,
  strings,
  type BroadcastReportRole,
  type BroadcastReportView,
  type Language,
} from '../cards';
import { BroadcastError, type Broadcast, type BroadcastMessages } from '../services/broadcast';
import { hasRole, membersOf } from '../services/directory';
import { profileIdOf } from '../services/users';
import {
  checkEditedContent,
  checkNewAnnouncement,
  readAnnouncementForm,
  type AnnouncementContent,
} from './announcement-form';
import type { DialogServices } from './services';
import { replaceSubmittedCard, sendCard, sendText, type Turn } from './turn';

type Value = Record<string, unknown>;

const REPORT_LINK_VALID_MS = 15 * 60 * 1000;

/** "mitteilung": the compose form, for organisers. */
export async function composeAnnouncement(turn: Turn, services: DialogServices): Promise<void> {
  if (!(await isOrganiser(turn, services))) return refuse(turn);
  await sendCard(turn, announcementComposeCard(turn.language));
}

/** The form was submitted: create the draft, show it as recipients will see it, and count them. */
export async function previewAnnouncement(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  if (!(await isOrganiser(turn, services))) return refuse(turn);
  const form = readAnnouncementForm(value);
  const check = checkNewAnnouncement(form, services.clock.now(), turn.language);
  if (!check.ok) {
    await replaceSubmittedCard(
      turn,
      announcementComposeCard(turn.language, { form, problems: check.problems }),
    );
    return;
  }
  const { broadcasts } = services.announcements;
  const id = broadcasts.newId();
  const draft = await broadcasts.create({
    id,
    title: form.title,
    createdBy: actorOf(turn),
    audience: check.audience,
    messages: messagesOf(id, check.content),
    content: { ...form },
  });
  const count = await broadcasts.countAudience(check.audience);
  await sendCard(turn, announcementCard(turn.language, { broadcastId: id, ...check.content }));
  await sendCard(
    turn,
    broadcastReportCard(turn.language, {
      ...viewOf(draft),
      recipients: count.recipients,
      reachable: count.reachable,
      ...(check.sendAt && { sendAt: check.sendAt.toISOString() }),
    }),
  );
}

/** "Senden" on the draft: submit it (now or at its time) — or ask for a second organiser's approval. */
export async function sendAnnouncement(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  const draft = await ownDraft(turn, services, value);
  if (!draft) return;
  // The time to send is checked again: it may have passed since the preview.
  const check = checkNewAnnouncement(
    readAnnouncementForm(draft.content ?? {}),
    services.clock.now(),
    turn.language,
  );
  if (!check.ok) return sendText(turn, check.problems.join(' '));
  const { broadcasts, audit } = services.announcements;
  const submitted = await broadcasts.submit(draft.id, { sendAt: check.sendAt });
  await audit.record({ id: actorOf(turn) }, 'broadcast.send', draft.id, {
    recipients: submitted.count.recipients,
    needsApproval: submitted.needsApproval,
  });
  const reportCard = {
    conversation: referenceOf(turn),
    activityId: turn.context.activity.replyToId ?? '',
    language: turn.language,
  };
  const broadcast = reportCard.activityId
    ? await broadcasts.setReportCard(draft.id, reportCard)
    : submitted.broadcast;
  const view = {
    ...viewOf(broadcast),
    recipients: submitted.count.recipients,
    reachable: submitted.count.reachable,
  };
  await replaceSubmittedCard(turn, broadcastReportCard(turn.language, view));
  const t = strings[turn.language];
  if (submitted.needsApproval) {
    await askForApproval(services, broadcast, view);
    return sendText(
      turn,
      t.announceAwaiting.replace('{threshold}', String(broadcasts.approvalThreshold)),
    );
  }
  if (check.sendAt) {
    return sendText(
      turn,
      t.announceScheduled.replace(
        '{time}',
        formatInstant(check.sendAt.toISOString(), turn.language),
      ),
    );
  }
  await sendText(turn, t.announceSent);
}

/** "Bearbeiten" on the report: the form again, with what was sent. */
export async function editAnnouncement(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  const broadcast = await organisersBroadcast(turn, services, value);
  if (!broadcast) return;
  const t = strings[turn.language];
  if (broadcast.recalledAt) return sendText(turn, t.announceStale);
  if (!broadcast.content) return sendText(turn, t.announceNotEditable);
  await sendCard(
    turn,
    announcementComposeCard(turn.language, {
      form: readAnnouncementForm(broadcast.content),
      editOf: broadcast.id,
    }),
  );
}

/** "Änderungen senden": every delivered card shows the new version. */
export async function updateAnnouncement(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  const broadcast = await organisersBroadcast(turn, services, value);
  if (!broadcast) return;
  const t = strings[turn.language];
  if (!broadcast.content) return sendText(turn, t.announceNotEditable);
  // Audience and time are not part of an edit: they stay as sent.
  const form = { ...readAnnouncementForm(broadcast.content), ...contentFieldsOf(value) };
  const check = checkEditedContent(form, turn.language);
  if (!check.ok) {
    await replaceSubmittedCard(
      turn,
      announcementComposeCard(turn.language, {
        form,
        editOf: broadcast.id,
        problems: check.problems,
      }),
    );
    return;
  }
  const { broadcasts, audit } = services.announcements;
  const edited = await attempt(turn, () =>
    broadcasts.edit(broadcast.id, messagesOf(broadcast.id, check.content, true), { ...form }),
  );
  if (!edited) return;
  await audit.record({ id: actorOf(turn) }, 'broadcast.edit', broadcast.id, {
    revision: edited.revision,
  });
  await replaceSubmittedCard(turn, await reportCardOf(services, edited, turn.language));
  await sendText(turn, t.announceEdited);
}

export async function discardAnnouncement(
  turn: Turn,
  services: DialogServices,
  value: Value,
): Promise<void> {
  const draft = await ownDraft(turn, services, value);
  if (!draft) return;
  await services.announcements.broadcasts.discard(draft.id);
  await services.announcements.audit.record({ id: actorOf(turn) }, 'broadcast.discard', draft.id);
  await sendText(turn, strings[turn.language].announceDiscarded);
}

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

// --- helpers ----------------------------------------------------------------------------

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

/** Sends the approval request to every other organiser who has the app. */
async function askForApproval(
  services: DialogServices,
  broadcast: Broadcast,
  view: BroadcastReportView,
): Promise<void> {
  const organisers = await membersOf(services.directory, 'organisers');
  for (const organiser of organisers) {
    if (!organiser.accountEnabled || sameUser(organiser.id, broadcast.createdBy)) continue;
    const profile = await services.profiles.get({ teamsUserId: '', aadObjectId: organiser.id });
    if (!profile?.conversation) continue;
    const language: Language = profile.language ?? 'de';
    const card = broadcastReportCard(language, view, 'approver');
    const sent = await services.announcements.sender.send(profile.conversation, { card });
    if (!sent.ok) {
      services.logger.warn(
        { broadcastId: broadcast.id, kind: sent.kind },
        'approval request not delivered',
      );
    }
  }
}

async function reportCardOf(
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

function viewOf(broadcast: Broadcast): BroadcastReportView {
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

/** The broadcast of the button, for an organiser; otherwise tells why not. */
async function organisersBroadcast(
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
async function ownDraft(
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
async function attempt<T>(turn: Turn, change: () => Promise<T>): Promise<T | undefined> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof BroadcastError)) throw error;
    const t = strings[turn.language];
    await sendText(turn, error.code === 'same-approver' ? t.announceOwnApproval : t.announceStale);
    return undefined;
  }
}

async function isOrganiser(turn: Turn, services: DialogServices): Promise<boolean> {
  const id = turn.identity.aadObjectId;
  return id !== undefined && hasRole(services.directory, 'organisers', id);
}

function refuse(turn: Turn): Promise<void> {
  return sendText(turn, strings[turn.language].announceNotOrganiser);
}

function actorOf(turn: Turn): string {
  return (turn.identity.aadObjectId ?? turn.identity.teamsUserId).toLowerCase();
}

function sameUser(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function referenceOf(turn: Turn): Record<string, unknown> {
  const reference = TurnContext.getConversationReference(turn.context.activity);
  return JSON.parse(JSON.stringify(reference)) as Record<string, unknown>;
}

/** The content inputs of a submitted edit form (the audience inputs are not on it). */
function contentFieldsOf(value: Value) {
  const { title, text, imageUrl, imageAlt, linkTitle, linkUrl, acknowledge } =
    readAnnouncementForm(value);
  return { title, text, imageUrl, imageAlt, linkTitle, linkUrl, acknowledge };
}

/** The recipients' card in both languages. */
function messagesOf(
  broadcastId: string,
  content: AnnouncementContent,
  edited = false,
): BroadcastMessages {
  const data = { broadcastId, ...content, edited };
  return { de: { card: announcementCard('de', data) }, en: { card: announcementCard('en', data) } };
}
