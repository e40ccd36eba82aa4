import { lotseCard } from '../../../cards';
import { annaLena, centralTeam, jan, maximiliane } from '../sample-data';
import { cardSample } from '../sample';

export const ownUnit = cardSample(
  'lotse of the own unit with colleagues and the central team',
  (language) =>
    lotseCard(language, {
      situation: 'own-unit',
      primary: annaLena,
      others: [jan],
      central: centralTeam,
    }),
);

export const ownUnitAlone = cardSample('lotse of the own unit, empty lists', (language) =>
  lotseCard(language, { situation: 'own-unit', primary: annaLena, others: [], central: [] }),
);

export const absentUntil = cardSample('primary lotse absent until a known date', (language) =>
  lotseCard(language, { situation: 'own-unit', primary: jan, others: [annaLena], central: [] }),
);

export const viaManager = cardSample(
  'no lotse in the unit: found along the manager chain',
  (language) =>
    lotseCard(language, { situation: 'via-manager', primary: annaLena, others: [], central: [] }),
);

export const centralOnly = cardSample('no lotse anywhere: the central team', (language) =>
  lotseCard(language, { situation: 'central', others: [], central: centralTeam }),
);

export const askerIsLotse = cardSample('the asker is a lotse: names the own contact', (language) =>
  lotseCard(language, { situation: 'self', primary: jan, others: [], central: centralTeam }),
);

export const notRoutable = cardSample('guest account: polite refusal, no chat link', (language) =>
  lotseCard(language, {
    situation: 'not-routable',
    primary: annaLena,
    others: [],
    central: centralTeam,
  }),
);

export const longNames = cardSample('very long names and unit paths', (language) =>
  lotseCard(language, {
    situation: 'own-unit',
    primary: maximiliane,
    others: [{ ...annaLena, name: 'Dr. Karl-Heinz Schmidt-Wittgenstein-Oberkirchner' }],
    central: [],
  }),
);
