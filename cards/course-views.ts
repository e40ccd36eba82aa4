/**
 * Courses as people see them: the course card for every occasion (announcement, details,
 * confirmation, reminder, change notice, move-up) and the list. Status and buttons come from
 * the stored course at render time; the server checks every submit again all the same.
 */
import { DateTime } from 'luxon';
import {
  COURSE_ZONE,
  counts,
  registrationOpen,
  seatOf,
  viewerStatus,
  type ChangeKind,
  type Course,
  type CourseCardView,
  type CourseSession,
  type CourseViews,
  type ViewerStatus,
} from '../services/courses';
import { courseCard, courseListCard, type CourseColor, type CourseListItem } from './course';
import type { CardAttachment } from './render';
import { strings, type Language, type Strings } from './strings';

export interface CoursePresenter extends CourseViews {
  /** The "Kurse" list for one person. */
  listCard(
    courses: readonly Course[],
    viewer: { userId: string; organiser: boolean },
    now: Date,
    language: Language,
  ): CardAttachment;
}

/** `publicBaseUrl` makes the calendar links, e.g. `https://digitallotse.stadt.example`. */
export function coursePresenter(publicBaseUrl: string): CoursePresenter {
  const calendarUrl = (token: string) =>
    `${publicBaseUrl.replace(/\/+$/, '')}/calendar/${token}.ics`;
  return {
    card: (view, language) => ({ card: courseCardOf(view, language, calendarUrl) }),
    listCard: (courses, viewer, now, language) =>
      courseListCard(
        language,
        courses.map((course) => listItemOf(course, viewer, now, strings[language], language)),
      ),
  };
}

function courseCardOf(
  view: CourseCardView,
  language: Language,
  calendarUrl: (token: string) => string,
): CardAttachment {
  const t = strings[language];
  const { course, kind, now } = view;
  const open = course.status === 'open';
  // The announcement is the same for everyone (the broadcast pipeline sends one card).
  const userId = kind === 'announcement' ? undefined : view.userId;
  const seat = userId === undefined ? undefined : seatOf(course, userId);
  const status = userId === undefined ? undefined : viewerStatus(course, userId, now);
  const holding = seat?.state === 'registered' || seat?.state === 'waitlisted';
  const { headline, headlineColor } = headlineOf(view, status, seat?.state, t, language);

  const facts = [{ title: t.courseMode, value: modeOf(course, t) }];
  if (open)
    facts.push({
      title: t.courseDeadline,
      value: instantOf(course.registrationDeadline, language, t),
    });
  if (status)
    facts.push({ title: t.courseYourStatus, value: personalStatus(status, seat?.state, t) });
  if (view.organiser) facts.push({ title: t.courseOccupancy, value: occupancyOf(course, t) });

  return courseCard(language, {
    courseId: course.id,
    headline,
    headlineColor,
    title: course.title,
    notice: course.status === 'cancelled' && holding ? t.courseCancelledText : undefined,
    description: course.description,
    facts,
    sessions: course.sessions.map((session) => ({
      when: sessionWhen(session, language, t),
      where: sessionWhere(session, t),
      weight: session.id === view.sessionId ? 'Bolder' : 'Default',
    })),
    actions: {
      register:
        open && (kind === 'announcement' ? registrationOpen(course, now) : status?.kind === 'free'),
      waitlist: open && status?.kind === 'full',
      unregister:
        open && holding ? (kind === 'reminder' ? t.courseCannotAttend : t.courseUnregister) : '',
      calendar: seat && seat.state !== 'waitlisted' ? calendarUrl(seat.calendarToken) : '',
      calendarTitle:
        open && seat?.state === 'registered' ? t.courseCalendar : t.courseCalendarRemove,
      attendees: view.organiser,
      announce: view.organiser && open,
      edit: view.organiser && open,
      cancelCourse: view.organiser && open,
    },
  });
}

function headlineOf(
  view: CourseCardView,
  status: ViewerStatus | undefined,
  seatState: string | undefined,
  t: Strings,
  language: Language,
): { headline?: string; headlineColor?: CourseColor } {
  if (view.course.status === 'cancelled') {
    return { headline: t.courseHeadCancelled, headlineColor: 'Attention' };
  }
  switch (view.kind) {
    case 'announcement':
      return { headline: t.courseHeadAnnouncement, headlineColor: 'Accent' };
    case 'confirmation':
      if (status?.kind === 'registered')
        return { headline: t.courseHeadRegistered, headlineColor: 'Good' };
      if (status?.kind === 'waitlisted') {
        return {
          headline: `${t.courseHeadWaitlisted} (${status.position})`,
          headlineColor: 'Warning',
        };
      }
      return seatState === 'cancelled' ? { headline: t.courseHeadLeft } : {};
    case 'reminder': {
      const session = view.course.sessions.find((s) => s.id === view.sessionId);
      const when = session ? ` ${sessionWhen(session, language, t)}` : '';
      return { headline: `${t.courseHeadReminder}${when}`, headlineColor: 'Accent' };
    }
    case 'notice':
      return {
        headline: [t.courseHeadChanged, changesOf(view.changes ?? [], t)].join(' ').trim(),
        headlineColor: 'Warning',
      };
    case 'moved-up':
      return status?.kind === 'registered'
        ? { headline: t.courseHeadMovedUp, headlineColor: 'Good' }
        : {};
    case 'details':
      return {};
  }
}

function listItemOf(
  course: Course,
  viewer: { userId: string; organiser: boolean },
  now: Date,
  t: Strings,
  language: Language,
): CourseListItem {
  const status = viewerStatus(course, viewer.userId, now);
  const first = course.sessions[0];
  const count = course.sessions.length;
  const when = [
    first ? sessionWhen(first, language, t) : '',
    count > 1 ? `(${count} ${t.courseSessions})` : '',
    `· ${modeOf(course, t)}`,
  ]
    .filter((part) => part !== '')
    .join(' ');
  const primary: Pick<CourseListItem, 'primary' | 'verb'> =
    status.kind === 'free'
      ? { primary: t.courseRegister, verb: 'course.register' }
      : status.kind === 'full'
        ? { primary: t.courseJoinWaitlist, verb: 'course.register' }
        : status.kind === 'registered' || status.kind === 'waitlisted'
          ? { primary: t.courseUnregister, verb: 'course.cancel' }
          : { primary: '', verb: '' };
  return {
    courseId: course.id,
    title: course.title,
    when,
    status: statusLabel(status, t),
    statusColor: colorOf(status),
    counts: viewer.organiser ? `${t.courseOccupancy}: ${occupancyOf(course, t)}` : '',
    ...primary,
  };
}

function statusLabel(status: ViewerStatus, t: Strings): string {
  switch (status.kind) {
    case 'registered':
      return t.courseStatusRegistered;
    case 'waitlisted':
      return `${t.courseStatusWaitlisted} ${status.position}`;
    case 'free':
      return `${t.courseStatusFree} (${status.seatsLeft} ${t.courseSeats})`;
    case 'full':
      return t.courseStatusFull;
    case 'closed':
      return t.courseStatusClosed;
    case 'cancelled':
      return t.courseStatusCancelled;
  }
}

/** After cancelling, a person's own cards say so rather than "frei". */
function personalStatus(status: ViewerStatus, seatState: string | undefined, t: Strings): string {
  const left = seatState === 'cancelled' && status.kind !== 'cancelled';
  return left ? `${t.courseStatusLeft} – ${statusLabel(status, t)}` : statusLabel(status, t);
}

function colorOf(status: ViewerStatus): CourseColor {
  const colors: Record<ViewerStatus['kind'], CourseColor> = {
    registered: 'Good',
    waitlisted: 'Warning',
    free: 'Accent',
    full: 'Attention',
    closed: 'Default',
    cancelled: 'Attention',
  };
  return colors[status.kind];
}

function occupancyOf(course: Course, t: Strings): string {
  const { capacity, registered, waitlisted } = counts(course);
  return `${registered} ${t.courseOf} ${capacity} · ${waitlisted} ${t.courseWaiting}`;
}

function modeOf(course: Course, t: Strings): string {
  const modes = {
    praesenz: t.courseModePraesenz,
    online: t.courseModeOnline,
    hybrid: t.courseModeHybrid,
  };
  return modes[course.mode];
}

function changesOf(changes: readonly ChangeKind[], t: Strings): string {
  const labels: Partial<Record<ChangeKind, string>> = {
    time: t.courseChangeTime,
    place: t.courseChangePlace,
    online: t.courseChangeOnline,
    mode: t.courseChangeMode,
    link: t.courseChangeLink,
  };
  return changes
    .map((change) => labels[change])
    .filter((label): label is string => label !== undefined)
    .join(', ');
}

/** Own weekday names: ICU builds differ ("Di" or "Di."), cards should not. */
const FORMATS: Record<Language, { weekdays: string[]; day: string; time: string }> = {
  de: { weekdays: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'], day: 'dd.MM.yyyy', time: 'HH:mm' },
  en: {
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    day: 'dd/MM/yyyy',
    time: 'HH:mm',
  },
};

function local(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: COURSE_ZONE });
}

function dayOf(at: DateTime, language: Language): string {
  const { weekdays, day } = FORMATS[language];
  return `${weekdays[at.weekday - 1]}, ${at.toFormat(day)}`;
}

function sessionWhen(session: CourseSession, language: Language, t: Strings): string {
  const { time } = FORMATS[language];
  const start = local(session.start);
  const end = local(session.end);
  const endText = start.hasSame(end, 'day')
    ? end.toFormat(time)
    : `${dayOf(end, language)}, ${end.toFormat(time)}`;
  return `${dayOf(start, language)}, ${start.toFormat(time)}–${endText}${t.courseTimeSuffix}`;
}

function instantOf(iso: string, language: Language, t: Strings): string {
  const at = local(iso);
  return `${dayOf(at, language)}, ${at.toFormat(FORMATS[language].time)}${t.courseTimeSuffix}`;
}

function sessionWhere(session: CourseSession, t: Strings): string {
  const parts: string[] = [];
  if (session.place) parts.push(session.place);
  if (session.onlineLink) {
    // Brackets would end the Markdown link early; the link itself stays the same.
    const url = session.onlineLink.replace(/\(/g, '%28').replace(/\)/g, '%29');
    parts.push(`[${t.courseJoinOnline}](${url})`);
  }
  return parts.join(' · ');
}
