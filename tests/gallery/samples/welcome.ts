import { welcomeCard } from '../../../cards';
import { annaLena, maximiliane } from '../sample-data';
import { cardSample } from '../sample';

export const withoutLotse = cardSample('welcome when the directory knows no lotse', (language) =>
  welcomeCard(language),
);

export const withLotse = cardSample("welcome naming the lotse of the user's unit", (language) =>
  welcomeCard(language, { lotse: { name: annaLena.name, unit: annaLena.unit } }),
);

export const longNames = cardSample('welcome with a very long name and unit', (language) =>
  welcomeCard(language, { lotse: { name: maximiliane.name, unit: maximiliane.unit } }),
);
