import { courseFormCard } from '../../../cards';
import { cardSample } from '../sample';

export const empty = cardSample('empty form for a new course', (language) =>
  courseFormCard(language, { sessionCount: 3 }),
);

export const refused = cardSample('course form again with the import rules’ problems', (language) =>
  courseFormCard(language, {
    sessionCount: 3,
    form: {
      title: 'Teams für Einsteigerinnen und Einsteiger',
      description: 'Chats, Kanäle und Besprechungen.',
      sessions: [
        {
          date: '2027-03-02',
          start: '10:00',
          end: '09:00',
          place: 'Rathaus, Raum 2.014',
          link: '',
        },
        {
          date: '2027-03-03',
          start: '10:00',
          end: '11:30',
          place: 'Rathaus, Raum 2.014',
          link: '',
        },
      ],
      mode: 'praesenz',
      capacity: '0',
      deadlineDate: '2027-03-01',
      deadlineTime: '12:00',
      audienceKind: 'alle',
      audienceUnits: '',
      audienceGroup: '',
      reminders: 'P7D,P1D,PT1H',
    },
    problems: [
      'Termin 1, Feld „Ende“: liegt vor dem Beginn.',
      'Feld „Plaetze“: muss mindestens 1 sein.',
    ],
  }),
);

export const edit = cardSample('course form filled from a stored course, to edit it', (language) =>
  courseFormCard(language, {
    sessionCount: 3,
    edit: { courseId: 'K-1a2b3c4d5e', version: 'Zq3xK1vT0bW9aE2c' },
    form: {
      title: 'Outlook-Kalender im Team',
      description: 'Gemeinsame Kalender, Freigaben und Besprechungsräume.',
      sessions: [
        {
          date: '2027-03-09',
          start: '13:00',
          end: '15:00',
          place: '',
          link: 'https://teams.microsoft.com/l/meetup-join/beispiel-1',
        },
        {
          date: '2027-03-16',
          start: '13:00',
          end: '15:00',
          place: '',
          link: 'https://teams.microsoft.com/l/meetup-join/beispiel-2',
        },
      ],
      mode: 'online',
      capacity: '8',
      deadlineDate: '2027-03-05',
      deadlineTime: '12:00',
      audienceKind: 'units',
      audienceUnits: 'Bürgeramt,Ordnungsamt',
      audienceGroup: '',
      reminders: 'P2D,PT1H',
    },
    units: ['Bürgeramt', 'Ordnungsamt', 'Amt für Umwelt, Klima und Energie', 'Kämmerei'],
  }),
);
