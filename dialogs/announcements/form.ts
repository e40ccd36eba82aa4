/**
 * The organiser's announcement form: what its inputs carry, and whether it can be sent.
 * Every problem is named at once, in the organiser's language; nothing is kept until the
 * whole form is right.
 */
import {
  EMPTY_ANNOUNCEMENT_FORM,
  announcementCard,
  splitUnits,
  strings,
  type AnnouncementCardData,
  type AnnouncementForm,
  type Language,
} from '../../cards';
import type { Audience, BroadcastMessages } from '../../services/broadcast';
import { readLocalTime } from '../../services/courses';
import { audiencePickProblems } from '../audience-pick';

/** The card's content, without the ids the dialog adds. */
export type AnnouncementContent = Omit<AnnouncementCardData, 'broadcastId' | 'edited'>;

/** Who gets it: an audience of the engine, or a course whose people the dialog looks up. */
export type AudienceChoice = Audience | { kind: 'course'; courseId: string };

export type FormCheck =
  | { ok: true; content: AnnouncementContent; audience: AudienceChoice; sendAt?: Date }
  | { ok: false; problems: string[] };

const AUDIENCES: ReadonlyArray<AnnouncementForm['audience']> = [
  'installed',
  'lotsen',
  'units',
  'group',
  'course',
];
const YEAR_MS = 366 * 24 * 60 * 60 * 1000;

/** The form as submitted (or as stored for an edit); anything odd reads as empty. */
export function readAnnouncementForm(value: Record<string, unknown>): AnnouncementForm {
  const text = (key: keyof AnnouncementForm) =>
    typeof value[key] === 'string' ? (value[key] as string).trim() : '';
  const audience = AUDIENCES.find((kind) => kind === text('audience'));
  return {
    ...EMPTY_ANNOUNCEMENT_FORM,
    title: text('title'),
    text: text('text'),
    imageUrl: text('imageUrl'),
    imageAlt: text('imageAlt'),
    linkTitle: text('linkTitle'),
    linkUrl: text('linkUrl'),
    // A toggle submits "true"/"false"; a stored form keeps the boolean.
    acknowledge: value.acknowledge !== 'false' && value.acknowledge !== false,
    audience: audience ?? 'installed',
    units: text('units'),
    groupId: text('groupId'),
    courseId: text('courseId'),
    sendDate: text('sendDate'),
    sendTime: text('sendTime'),
  };
}

/** Checks a new announcement: content, audience and the time to send it. */
export function checkNewAnnouncement(
  form: AnnouncementForm,
  now: Date,
  language: Language,
): FormCheck {
  const t = strings[language];
  const sendAt = sendTimeOf(form, now, t);
  const problems = [
    ...contentProblems(form, t),
    ...audienceProblems(form, t),
    ...(typeof sendAt === 'string' ? [sendAt] : []),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    content: contentOf(form),
    audience: audienceOf(form),
    ...(sendAt instanceof Date && { sendAt }),
  };
}

/** Checks an edit: only the content changes; audience and time stay as they were. */
export function checkEditedContent(
  form: AnnouncementForm,
  language: Language,
): { ok: true; content: AnnouncementContent } | { ok: false; problems: string[] } {
  const problems = contentProblems(form, strings[language]);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, content: contentOf(form) };
}

type Texts = (typeof strings)[Language];

function contentProblems(form: AnnouncementForm, t: Texts): string[] {
  const problems: string[] = [];
  if (!form.title) problems.push(t.composeTitleMissing);
  if (!form.text) problems.push(t.composeTextMissing);
  if (form.imageUrl && !isHttps(form.imageUrl)) problems.push(t.composeImageInvalid);
  if (Boolean(form.linkTitle) !== Boolean(form.linkUrl)) problems.push(t.composeLinkIncomplete);
  else if (form.linkUrl && !isHttps(form.linkUrl)) problems.push(t.composeLinkInvalid);
  return problems;
}

function audienceProblems(form: AnnouncementForm, t: Texts): string[] {
  if (form.audience === 'course' && !form.courseId) return [t.composeCourseMissing];
  return audiencePickProblems({ kind: form.audience, units: form.units, groupId: form.groupId }, t);
}

/** The Berlin time to send at, undefined for "now", or why it cannot be used. */
function sendTimeOf(form: AnnouncementForm, now: Date, t: Texts): Date | string | undefined {
  if (!form.sendDate && !form.sendTime) return undefined;
  if (!form.sendDate) return t.composeSendTimeInvalid;
  const read = readLocalTime(`${form.sendDate}T${form.sendTime || '09:00'}`);
  if (!read.ok) return t.composeSendTimeInvalid;
  if (read.instant.getTime() <= now.getTime()) return t.composeSendTimePast;
  if (read.instant.getTime() - now.getTime() > YEAR_MS) return t.composeSendTimeFar;
  return read.instant;
}

function contentOf(form: AnnouncementForm): AnnouncementContent {
  return {
    title: form.title,
    text: form.text,
    acknowledge: form.acknowledge,
    ...(form.imageUrl && {
      image: { url: form.imageUrl, altText: form.imageAlt || form.title },
    }),
    ...(form.linkUrl && { link: { title: form.linkTitle, url: form.linkUrl } }),
  };
}

function audienceOf(form: AnnouncementForm): AudienceChoice {
  switch (form.audience) {
    case 'course':
      return { kind: 'course', courseId: form.courseId };
    case 'lotsen':
      return { kind: 'lotsen' };
    case 'units':
      return { kind: 'units', departments: splitUnits(form.units) };
    case 'group':
      return { kind: 'group', groupId: form.groupId };
    case 'installed':
      return { kind: 'installed' };
  }
}

function isHttps(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The recipients' card in both languages. */
export function messagesOf(
  broadcastId: string,
  content: AnnouncementContent,
  edited = false,
): BroadcastMessages {
  const data = { broadcastId, ...content, edited };
  return { de: { card: announcementCard('de', data) }, en: { card: announcementCard('en', data) } };
}
