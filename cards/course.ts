import { renderCard, type CardAttachment } from './render';
import type { Language } from './strings';
import downloadTemplate from './templates/course-download.json';
import listTemplate from './templates/course-list.json';
import template from './templates/course.json';

export type CourseColor = 'Default' | 'Good' | 'Attention' | 'Warning' | 'Accent';

export interface CourseCardData {
  courseId: string;
  headline?: string;
  headlineColor?: CourseColor;
  title: string;
  /** What changed, or why the card came (reminder, move-up). */
  notice?: string;
  description: string;
  facts: Array<{ title: string; value: string }>;
  /** `weight` marks the session a reminder is about. */
  sessions: Array<{ when: string; where: string; weight: 'Default' | 'Bolder' }>;
  actions: {
    register: boolean;
    waitlist: boolean;
    /** Title of the cancel button ("Abmelden" / "Kann nicht teilnehmen"), '' for none. */
    unregister: string;
    /** Calendar download link, '' for none. */
    calendar: string;
    calendarTitle: string;
    attendees: boolean;
    announce: boolean;
    /** Organisers: "Bearbeiten" (in the body: the card already has five actions) opens the form. */
    edit: boolean;
    cancelCourse: boolean;
  };
}

/** A course as one person sees it, with the buttons they may use. */
export function courseCard(language: Language, data: CourseCardData): CardAttachment {
  return renderCard(template, language, { ...data });
}

export interface CourseListItem {
  courseId: string;
  title: string;
  /** First session and form, e.g. "Di., 02.03.2027, 09:00 Uhr · in Präsenz (3 Termine)". */
  when: string;
  status: string;
  statusColor: CourseColor;
  /** Organisers only: seats taken and waiting; '' otherwise. */
  counts: string;
  /** The one-click button (Anmelden / Warteliste / Abmelden), '' for none. */
  primary: string;
  verb: 'course.register' | 'course.cancel' | '';
}

/** "Kurse": the upcoming courses with the person's status and a one-click button each. */
export function courseListCard(language: Language, items: CourseListItem[]): CardAttachment {
  return renderCard(listTemplate, language, { items: items.slice(0, 20) });
}

export interface CourseDownloadCardData {
  title: string;
  text: string;
  linkTitle: string;
  url: string;
}

/** A download link (the attendee list) for an organiser. */
export function courseDownloadCard(
  language: Language,
  data: CourseDownloadCardData,
): CardAttachment {
  return renderCard(downloadTemplate, language, { ...data });
}
