import { privacyCard } from '../../../cards';
import { cardSample } from '../sample';

const stored = [
  { name: 'Fragen', count: 12 },
  { name: 'Rückmeldungen', count: 3 },
  { name: 'Anfragen', count: 0 },
];

export const overview = cardSample('what is stored, with export and erase', (language) =>
  privacyCard(language, { state: 'overview', stored }),
);

export const nothingStored = cardSample('overview when nothing is stored', (language) =>
  privacyCard(language, { state: 'overview', stored: [] }),
);

export const exported = cardSample('export ready: download link and expiry', (language) =>
  privacyCard(language, {
    state: 'exported',
    stored: [],
    url: 'https://digitallotse.stadt.example/privacy/export/7f3a2c',
    expiresAt: '2026-11-24T15:45:00Z',
  }),
);

export const confirmErase = cardSample('asks before erasing', (language) =>
  privacyCard(language, { state: 'confirm', stored: [] }),
);

export const erased = cardSample('erased: what was deleted', (language) =>
  privacyCard(language, { state: 'erased', stored }),
);
