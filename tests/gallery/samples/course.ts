import {
  courseCard,
  courseDownloadCard,
  courseListCard,
  strings,
  type CourseCardData,
  type CourseListItem,
  type Language,
} from '../../../cards';
import { longCompound } from '../sample-data';
import { cardSample } from '../sample';

/** A session time as the course presenter writes it in each language. */
function dateOf(language: Language, day: number, month: number): string {
  const date = `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.2026`;
  return language === 'de' ? `${date}, 09:00–10:30 Uhr` : `${date}, 9:00–10:30 am`;
}

const noActions: CourseCardData['actions'] = {
  register: false,
  waitlist: false,
  unregister: '',
  calendar: '',
  calendarTitle: '',
  attendees: false,
  announce: false,
  edit: false,
  cancelCourse: false,
};

function teamsCourse(language: Language, taken: number, seats: number): CourseCardData {
  const t = strings[language];
  return {
    courseId: 'c-teams-1',
    title: 'Microsoft Teams für Einsteigerinnen und Einsteiger',
    description:
      'Chats, Besprechungen und Dateien in Teams – **ohne Vorkenntnisse**. Bitte eigenes Notebook mitbringen.',
    facts: [
      { title: t.courseMode, value: t.courseModePraesenz },
      { title: t.courseDeadline, value: 'Mo., 07.12.2026' },
      { title: t.courseOccupancy, value: `${taken} ${t.courseOf} ${seats} ${t.courseSeats}` },
      {
        title: t.courseYourStatus,
        value: taken >= seats ? t.courseStatusFull : t.courseStatusFree,
      },
    ],
    sessions: [
      { when: dateOf(language, 8, 12), where: 'Rathaus, Raum 2.014', weight: 'Default' },
      { when: dateOf(language, 15, 12), where: 'Rathaus, Raum 2.014', weight: 'Default' },
    ],
    actions: { ...noActions, register: taken < seats, waitlist: taken >= seats },
  };
}

export const newCourseNoRegistrations = cardSample('new course, 0 registrations', (language) =>
  courseCard(language, {
    ...teamsCourse(language, 0, 12),
    headline: strings[language].courseHeadAnnouncement,
    headlineColor: 'Accent',
  }),
);

export const registered = cardSample('registration confirmed, with calendar file', (language) => {
  const t = strings[language];
  const course = teamsCourse(language, 7, 12);
  return courseCard(language, {
    ...course,
    headline: t.courseHeadRegistered,
    headlineColor: 'Good',
    facts: [
      ...course.facts.slice(0, 3),
      { title: t.courseYourStatus, value: t.courseStatusRegistered },
    ],
    actions: {
      ...noActions,
      unregister: t.courseUnregister,
      calendar: 'https://digitallotse.stadt.example/kurse/c-teams-1/kalender.ics',
      calendarTitle: t.courseCalendar,
    },
  });
});

export const fullyBookedOrganiser = cardSample(
  'organiser view: 500 of 500 registered, waiting list, every organiser button',
  (language) => {
    const t = strings[language];
    const course = teamsCourse(language, 500, 500);
    return courseCard(language, {
      ...course,
      title: `Pflichtschulung ${longCompound}`,
      facts: [
        { title: t.courseMode, value: t.courseModeOnline },
        { title: t.courseOccupancy, value: `500 ${t.courseOf} 500 · 37 ${t.courseWaiting}` },
        { title: t.courseYourStatus, value: t.courseStatusFull },
      ],
      sessions: [{ when: dateOf(language, 13, 1), where: '', weight: 'Default' }],
      actions: {
        ...noActions,
        waitlist: true,
        attendees: true,
        announce: true,
        edit: true,
        cancelCourse: true,
      },
    });
  },
);

export const reminder = cardSample('reminder: the session it is about in bold', (language) => {
  const t = strings[language];
  const course = teamsCourse(language, 12, 12);
  return courseCard(language, {
    ...course,
    headline: t.courseHeadReminder,
    headlineColor: 'Accent',
    sessions: [{ ...course.sessions[0]!, weight: 'Bolder' }, ...course.sessions.slice(1)],
    actions: { ...noActions, unregister: t.courseCannotAttend },
  });
});

export const cancelled = cardSample('course cancelled, calendar entry to remove', (language) => {
  const t = strings[language];
  return courseCard(language, {
    ...teamsCourse(language, 7, 12),
    headline: t.courseHeadCancelled,
    headlineColor: 'Attention',
    notice: t.courseCancelledText,
    actions: {
      ...noActions,
      calendar: 'https://digitallotse.stadt.example/kurse/c-teams-1/absage.ics',
      calendarTitle: t.courseCalendarRemove,
    },
  });
});

function listItem(language: Language, n: number): CourseListItem {
  const t = strings[language];
  return {
    courseId: `c-${n}`,
    title: n % 2 ? 'Outlook-Kalender im Team teilen' : `Grundlagen der ${longCompound}`,
    when: `${dateOf(language, n, 3)} · ${t.courseModePraesenz}`,
    status: t.courseStatusFree,
    statusColor: 'Default',
    counts: '',
    primary: t.courseRegister,
    verb: 'course.register',
  };
}

export const courseList = cardSample('the list: free, registered, full, closed', (language) => {
  const t = strings[language];
  return courseListCard(language, [
    listItem(language, 1),
    {
      ...listItem(language, 2),
      status: `✓ ${t.courseStatusRegistered}`,
      statusColor: 'Good',
      primary: t.courseUnregister,
      verb: 'course.cancel',
    },
    {
      ...listItem(language, 3),
      status: t.courseStatusFull,
      statusColor: 'Warning',
      counts: `500 ${t.courseOf} 500 · 37 ${t.courseWaiting}`,
      primary: t.courseJoinWaitlist,
    },
    { ...listItem(language, 4), status: t.courseStatusClosed, primary: '', verb: '' },
  ]);
});

export const noCourses = cardSample('no courses announced', (language) =>
  courseListCard(language, []),
);

export const manyCourses = cardSample('25 courses: the card shows the first 20', (language) =>
  courseListCard(
    language,
    Array.from({ length: 25 }, (_, i) => listItem(language, i + 1)),
  ),
);

export const attendeeDownload = cardSample('download link for the attendee list', (language) =>
  courseDownloadCard(language, {
    title: strings[language].courseAttendees,
    text: 'Microsoft Teams für Einsteigerinnen und Einsteiger – 12 Angemeldete, 3 auf der Warteliste.',
    linkTitle: 'Liste herunterladen (CSV)',
    url: 'https://digitallotse.stadt.example/kurse/c-teams-1/teilnehmende.csv?token=3b9f',
  }),
);
