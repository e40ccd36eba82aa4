import { errorCard } from '../../../cards';
import { cardSample } from '../sample';

export const internalWithReference = cardSample(
  'internal error with a reference for the service desk',
  (language) => errorCard(language, 'internal', '3f0c8f3e-1111-4222-8333-944455556666'),
);

export const internalWithoutReference = cardSample(
  'internal error without a reference',
  (language) => errorCard(language, 'internal'),
);

export const unavailable = cardSample('service unavailable', (language) =>
  errorCard(language, 'unavailable'),
);
