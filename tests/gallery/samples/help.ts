import { helpCard } from '../../../cards';
import { cardSample } from '../sample';

export const overview = cardSample('command overview ("hilfe")', (language) => helpCard(language));
