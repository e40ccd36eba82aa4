import { suggestionsCard } from '../../../cards';
import { longCompound } from '../sample-data';
import { cardSample } from '../sample';

export const threeSuggestions = cardSample('three candidate questions', (language) =>
  suggestionsCard(language, {
    questionId: 'q-41d0',
    suggestions: [
      { text: 'Wie ändere ich mein Passwort?', entryId: '21' },
      { text: 'Passwort vergessen', entryId: '22' },
      { text: 'Wie richte ich die Authenticator-App ein?', entryId: '24' },
    ],
  }),
);

export const oneSuggestion = cardSample('a single candidate question', (language) =>
  suggestionsCard(language, {
    questionId: 'q-41d1',
    suggestions: [{ text: 'Wie teile ich eine Datei aus OneDrive?', entryId: '31' }],
  }),
);

export const longQuestions = cardSample('candidate questions with long compounds', (language) =>
  suggestionsCard(language, {
    questionId: 'q-41d2',
    suggestions: [
      { text: `Wie prüfe ich die ${longCompound}?`, entryId: '58' },
      { text: 'Kann ich Besprechungsaufzeichnungen in Microsoft Teams freigeben?', entryId: '61' },
      { text: 'Informationssicherheitsbeauftragte', entryId: '62' },
    ],
  }),
);

export const noSuggestions = cardSample('empty list of candidates', (language) =>
  suggestionsCard(language, { questionId: 'q-41d3', suggestions: [] }),
);
