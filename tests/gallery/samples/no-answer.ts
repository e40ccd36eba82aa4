import { noAnswerCard } from '../../../cards';
import { cardSample } from '../sample';

export const honestNoAnswer = cardSample('no confident answer: offers the hand-off', (language) =>
  noAnswerCard(language, { questionId: 'q-2f1c' }),
);
