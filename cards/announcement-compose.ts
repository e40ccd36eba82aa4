import { renderCard, type CardAttachment } from './render';
import { unitValue } from './unit-field';
import type { Language } from './strings';
import template from './templates/announcement-compose.json';

/** What the organiser typed, as the form's inputs carry it. */
export interface AnnouncementForm {
  title: string;
  text: string;
  imageUrl: string;
  imageAlt: string;
  linkTitle: string;
  linkUrl: string;
  /** Show the "Gelesen" button. */
  acknowledge: boolean;
  audience: 'installed' | 'lotsen' | 'units' | 'group' | 'course';
  /** Unit names separated by commas; a comma inside a name is written `\,` (see `unitValue`). */
  units: string;
  groupId: string;
  /** Everyone registered for this course (and on its waitlist). */
  courseId: string;
  /** `YYYY-MM-DD` and `HH:mm` in Berlin; empty: send at once. */
  sendDate: string;
  sendTime: string;
}

export const EMPTY_ANNOUNCEMENT_FORM: AnnouncementForm = {
  title: '',
  text: '',
  imageUrl: '',
  imageAlt: '',
  linkTitle: '',
  linkUrl: '',
  acknowledge: true,
  audience: 'installed',
  units: '',
  groupId: '',
  courseId: '',
  sendDate: '',
  sendTime: '',
};

export interface AnnouncementComposeData {
  form?: AnnouncementForm;
  /** Editing a sent announcement: content only; audience and time stay. */
  editOf?: string;
  /** Why the last attempt was refused, one line each. */
  problems?: string[];
  /** Upcoming courses to choose as the audience. */
  courses?: Array<{ title: string; value: string }>;
  /** The organisation's units to pick from; none: the units are typed. */
  units?: readonly string[];
}

/** The organiser's form for a general announcement (filled again after a refusal). */
export function announcementComposeCard(
  language: Language,
  data: AnnouncementComposeData = {},
): CardAttachment {
  const form = data.form ?? EMPTY_ANNOUNCEMENT_FORM;
  return renderCard(template, language, {
    ...form,
    acknowledge: String(form.acknowledge),
    editing: data.editOf !== undefined,
    broadcastId: data.editOf ?? '',
    courses: data.courses ?? [],
    unitChoices: (data.units ?? []).map((unit) => ({ title: unit, value: unitValue(unit) })),
    problems: (data.problems ?? []).map((problem) => `- ${problem}`).join('\n'),
  });
}
