/** After sending: new content for every delivered card (audience and time stay). */
import { announcementComposeCard, strings } from '../../cards';
import type { DialogServices } from '../services';
import { replaceSubmittedCard, sendCard, sendText, type Turn } from '../turn';
import { actorOf, attempt, organisersBroadcast, type Value } from './access';
import { checkEditedContent, messagesOf, readAnnouncementForm } from './form';
import { reportCardOf } from './report-view';

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

/** The content inputs of a submitted edit form (the audience inputs are not on it). */
function contentFieldsOf(value: Value) {
  const { title, text, imageUrl, imageAlt, linkTitle, linkUrl, acknowledge } =
    readAnnouncementForm(value);
  return { title, text, imageUrl, imageAlt, linkTitle, linkUrl, acknowledge };
}
