import { announcementCard } from '../../../cards';
import { longCompound } from '../sample-data';
import { cardSample } from '../sample';

const course = {
  broadcastId: 'b-2026-11-teams',
  title: 'Kurs: Microsoft Teams für Einsteigerinnen und Einsteiger',
  text: 'In 90 Minuten lernen Sie **Chats, Besprechungen und Dateien** in Teams kennen.\n\n- eigenes Notebook mitbringen\n- keine Vorkenntnisse nötig',
  facts: [
    { label: 'Termin', value: 'Di., 8. Dezember 2026, 9:00–10:30 Uhr' },
    { label: 'Ort', value: 'Rathaus, Raum 2.014' },
    { label: 'Plätze', value: '0 von 12 belegt' },
  ],
  link: {
    title: 'Anmelden im Intranet',
    url: 'https://intranet.stadt.example/kurse/teams-einstieg',
  },
};

export const courseAnnouncement = cardSample(
  'course announcement with facts and a link',
  (language) => announcementCard(language, course),
);

export const edited = cardSample('edited announcement without facts or link', (language) =>
  announcementCard(language, {
    broadcastId: 'b-2026-11-wartung',
    title: 'Wartung am Samstag: E-Mail kurz nicht erreichbar',
    text: 'Am **Samstag, 12. Dezember**, ist Outlook zwischen 6 und 8 Uhr nicht erreichbar.',
    edited: true,
  }),
);

export const fullyBookedLongWords = cardSample(
  'long compounds, 500 registrations, fully booked',
  (language) =>
    announcementCard(language, {
      ...course,
      broadcastId: 'b-2026-12-dsgvo',
      title: `Pflichtschulung ${longCompound}`,
      text: `Alle Beschäftigten mit Zugriff auf personenbezogene Daten nehmen an der Schulung zur **${longCompound}** teil.`,
      facts: [
        { label: 'Termin', value: 'Online, jederzeit bis 31. Januar 2027' },
        { label: 'Zielgruppe', value: 'Informationssicherheitsbeauftragte' },
        { label: 'Anmeldungen', value: '500 von 500 – ausgebucht' },
      ],
    }),
);

export const withImageNoReadButton = cardSample(
  'image, link button, no read confirmation',
  (language) =>
    announcementCard(language, {
      broadcastId: 'b-2026-12-wartung',
      title: 'Neue Drucker im Rathaus',
      text: 'Ab Montag drucken Sie mit Ihrem Dienstausweis an jedem Gerät.',
      image: {
        url: 'https://intranet.stadt.example/bilder/drucker.png',
        altText: 'Der neue Drucker im Flur',
      },
      link: { title: 'Anleitung', url: 'https://intranet.stadt.example/it/drucken' },
      acknowledge: false,
    }),
);
