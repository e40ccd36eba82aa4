import { helpCard } from '../../../cards';
import { cardSample } from '../sample';

export const overview = cardSample('command overview ("hilfe")', (language) => helpCard(language));

export const forLotseAndOrganiser = cardSample(
  'command overview for a lotse who also organises',
  (language) => helpCard(language, { lotse: true, organiser: true }),
);
