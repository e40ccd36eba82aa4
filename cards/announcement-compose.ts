import { renderCard, type CardAttachment } from './render';
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

/**
 * A unit name as one value of the `units` field. Teams joins the picks of a multi-select
 * with commas, and unit names may hold commas ("Amt für Umwelt, Klima und Energie").
 */
export function unitValue(name: string): string {
  return name.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
}

/** The unit names of the `units` field, picked or typed. */
export function splitUnits(units: string): string[] {
  const names: string[] = [];
  let current = '';
  for (let i = 0; i < units.length; i++) {
    const char = units[i] as string;
    if (char === '\\' && i + 1 < units.length) current += units[++i];
    else if (char === ',') {
      names.push(current);
      current = '';
    } else current += char;
  }
  names.push(current);
  return names.map((name) => name.trim()).filter((name) => name !== '');
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
