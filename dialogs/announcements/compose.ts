/**
 * An organiser composes an announcement, sees it as recipients will and how many it reaches,
 * and sends it — now or at a time; large ones wait for a second organiser (approval.ts).
 */
import {
  announcementCard,
  announcementComposeCard,
  broadcastReportCard,
  formatInstant,
  strings,
  type AnnouncementComposeData,
} from '../../cards';
import type { Audience } from '../../services/broadcast';
import { interestedUserIds } from '../../services/courses';
import type { DialogServices } from '../services';
import { replaceSubmittedCard, sendCard, sendText, type Turn } from '../turn';
import { actorOf, isOrganiser, ownDraft, refuse, type Value } from './access';
import {
  checkNewAnnouncement,
  messagesOf,
  readAnnouncementForm,
  type AudienceChoice,
} from './form';
import { viewOf } from './report-view';
import { reportSubmitted } from './submitted';

/** "mitteilung": the compose form, for organisers. */
export async function composeAnnouncement(turn: Turn, services: DialogServices): Promise<void> {
  if (!(await isOrganiser(turn, services))) return refuse(turn);
  await sendCard(turn, await composeCard(turn, services));
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
  const audience = check.ok ? await resolvedAudience(services, check.audience) : undefined;
  const problems = check.ok ? await audienceProblems(turn, services, audience) : check.problems;
  if (!check.ok || !audience || problems.length > 0) {
    await replaceSubmittedCard(turn, await composeCard(turn, services, { form, problems }));
    return;
  }
  const { broadcasts } = services.announcements;
  const id = broadcasts.newId();
  const draft = await broadcasts.create({
    id,
    title: form.title,
    createdBy: actorOf(turn),
    audience,
    messages: messagesOf(id, check.content),
    content: { ...form },
  });
  const count = await broadcasts.countAudience(audience);
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
  await reportSubmitted(turn, services, submitted, 'in-place');
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

/** The compose form, offering the upcoming courses and the organisation's units as audiences. */
async function composeCard(
  turn: Turn,
  services: DialogServices,
  data: Omit<AnnouncementComposeData, 'courses' | 'units'> = {},
) {
  const courses = (await services.courses.upcoming()).map((course) => ({
    title: course.sessions[0]
      ? `${course.title} (${formatInstant(course.sessions[0].start, turn.language)})`
      : course.title,
    value: course.id,
  }));
  const units = await services.units.units();
  return announcementComposeCard(turn.language, { ...data, courses, units });
}

/** A course that is gone, or units the directory does not know (they would reach nobody). */
async function audienceProblems(
  turn: Turn,
  services: DialogServices,
  audience: Audience | undefined,
): Promise<string[]> {
  const t = strings[turn.language];
  if (!audience) return [t.composeCourseMissing];
  if (audience.kind !== 'units') return [];
  const unknown = await services.units.unknown(audience.departments);
  return unknown.length > 0 ? [t.composeUnitsUnknown.replace('{units}', unknown.join(', '))] : [];
}

/** A course stands for the people registered for it and on its waitlist, as they are now. */
async function resolvedAudience(
  services: DialogServices,
  choice: AudienceChoice,
): Promise<Audience | undefined> {
  if (choice.kind !== 'course') return choice;
  const course = await services.courses.get(choice.courseId);
  return course ? { kind: 'users', userIds: interestedUserIds(course) } : undefined;
}
