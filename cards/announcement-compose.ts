import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import template from './templates/announcement-compose.json';

export interface AnnouncementComposeData {
  title?: string;
  text?: string;
  audience?: 'installed' | 'lotsen' | 'units' | 'group';
  /** Comma-separated unit names. */
  units?: string;
  groupId?: string;
  /** Why the last attempt was refused. */
  problem?: string;
}

/** The organiser's form for a general announcement (filled again after a refusal). */
export function announcementComposeCard(
  language: Language,
  data: AnnouncementComposeData = {},
): CardAttachment {
  return renderCard(template, language, {
    title: '',
    text: '',
    audience: 'installed',
    units: '',
    groupId: '',
    ...data,
  });
}
