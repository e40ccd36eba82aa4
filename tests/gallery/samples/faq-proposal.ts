import { faqProposalCard, strings } from '../../../cards';
import { longCompound } from '../sample-data';
import { cardSample } from '../sample';

const proposal = {
  proposalId: 'p-0193',
  question: 'Wie buche ich einen Besprechungsraum in Outlook?',
  answer:
    'Im Kalender **Neue Besprechung** → *Raumsuche* wählen, Gebäude auswählen und einen freien Raum anklicken.',
  proposedBy: 'Megan Bowen',
};

export const withSimilarEntry = cardSample(
  'open proposal with a similar existing entry',
  (language) =>
    faqProposalCard(language, {
      ...proposal,
      nearest: { id: '44', title: 'Wie lade ich einen Raum zu einer Besprechung ein?' },
    }),
);

export const withoutSimilarEntry = cardSample('open proposal, nothing similar', (language) =>
  faqProposalCard(language, proposal),
);

export const longTexts = cardSample('open proposal with long compounds', (language) =>
  faqProposalCard(language, {
    proposalId: 'p-0194',
    question: `Wer bestätigt die ${longCompound} einer neuen Fachanwendung?`,
    answer: `Die Stabsstelle Informationssicherheitsmanagement prüft die ${longCompound} vor der Einführung und dokumentiert sie im Verzeichnis von Verarbeitungstätigkeiten.`,
    proposedBy: 'Maximiliane Theodora Freifrau von Hohenzollern-Sigmaringen',
    nearest: { id: '57', title: `Was bedeutet ${longCompound} für unsere Fachanwendungen?` },
  }),
);

export const accepted = cardSample('accepted: shows the outcome instead of the form', (language) =>
  faqProposalCard(language, { ...proposal, outcome: `${strings[language].faqAcceptedEntry} 112` }),
);

export const rejected = cardSample('rejected: shows the outcome instead of the form', (language) =>
  faqProposalCard(language, { ...proposal, outcome: strings[language].faqRejected }),
);
