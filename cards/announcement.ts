import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import template from './templates/announcement.json';

export interface AnnouncementCardData {
  /** Carried by the "Gelesen" button; the dialog checks it against the store. */
  broadcastId: string;
  title: string;
  /** Markdown subset as Teams renders it (bold, italic, lists, links). */
  text: string;
  /** e.g. date, place, mode of a course. */
  facts?: Array<{ label: string; value: string }>;
  image?: { url: string; altText: string };
  link?: { title: string; url: string };
  /** Shows the "Gelesen" button (read confirmation); on unless switched off. */
  acknowledge?: boolean;
  /** Shows "Aktualisiert" after an edit. */
  edited?: boolean;
}

/** The card every recipient of an announcement gets, usually with a "Gelesen" button. */
export function announcementCard(language: Language, data: AnnouncementCardData): CardAttachment {
  return renderCard(template, language, { facts: [], edited: false, acknowledge: true, ...data });
}
