import { announcementComposeCard } from '../../../cards';
import { cardSample } from '../sample';

export const empty = cardSample('empty form for a new announcement', (language) =>
  announcementComposeCard(language),
);

export const refused = cardSample('form filled again after a missing unit', (language) =>
  announcementComposeCard(language, {
    title: 'Wartung am Samstag',
    text: 'Am **Samstag** ist Outlook zwischen 6 und 8 Uhr nicht erreichbar.',
    audience: 'units',
    problem:
      language === 'de'
        ? 'Bitte mindestens einen Bereich angeben.'
        : 'Please name at least one unit.',
  }),
);
