import { EMPTY_ANNOUNCEMENT_FORM, announcementComposeCard, unitValue } from '../../../cards';
import { cardSample } from '../sample';

const filled = {
  ...EMPTY_ANNOUNCEMENT_FORM,
  title: 'Wartung am Samstag',
  text: 'Am **Samstag** ist Outlook zwischen 6 und 8 Uhr nicht erreichbar.',
  imageUrl: 'https://intranet.stadt.example/bilder/wartung.png',
  imageAlt: 'Symbolbild Wartung',
  linkTitle: 'Mehr im Intranet',
  linkUrl: 'https://intranet.stadt.example/it/wartung',
};

export const empty = cardSample('empty form for a new announcement', (language) =>
  announcementComposeCard(language),
);

export const refused = cardSample('form filled again with every problem named', (language) =>
  announcementComposeCard(language, {
    form: { ...filled, audience: 'units', linkUrl: 'http://intranet', sendDate: '2026-01-02' },
    problems:
      language === 'de'
        ? [
            'Die Adresse des Links muss mit https:// beginnen.',
            'Bitte mindestens einen Bereich angeben.',
            'Der Sendezeitpunkt liegt in der Vergangenheit.',
          ]
        : [
            'The link address must start with https://.',
            'Please name at least one unit.',
            'The time to send is in the past.',
          ],
  }),
);

const picked = ['Amt für Umwelt, Klima und Energie', 'Kämmerei'];
const units = [...picked, 'Bürgerbüro', 'Feuerwehr'].sort();

export const unitPicker = cardSample('units picked from the directory', (language) =>
  announcementComposeCard(language, {
    form: { ...filled, audience: 'units', units: picked.map(unitValue).join(',') },
    units,
  }),
);

export const editing = cardSample('editing a sent announcement (content only)', (language) =>
  announcementComposeCard(language, { form: { ...filled, acknowledge: false }, editOf: 'b-1' }),
);
