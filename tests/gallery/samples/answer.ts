import { answerCard, type AnswerCardData } from '../../../cards';
import { longCompound } from '../sample-data';
import { cardSample } from '../sample';

const password: AnswerCardData = {
  title: 'Wie ändere ich mein Passwort?',
  answer:
    'Je nach Einrichtung Ihres Arbeitsplatzes:\n\n- **Am städtischen PC:** Strg + Alt + Entf → *Kennwort ändern*; altes und zweimal das neue Passwort eingeben.\n- **Im Browser:** In Microsoft 365 oben rechts auf Ihr Profilbild → *Konto anzeigen* → *Kennwort ändern*.\n\nIhr Passwort geben Sie niemals weiter – auch nicht an Lotsen oder die IT.',
  entryId: '21',
  questionId: 'q-7a91',
  prompts: [],
};

const followUps = [
  { text: 'Passwort vergessen', entryId: '22' },
  { text: 'Wie sieht ein sicheres Passwort aus?', entryId: '23' },
  { text: 'MFA und Authenticator-App', entryId: '24' },
];

export const withoutFollowUps = cardSample(
  'answer with Markdown, no follow-up questions',
  (language) => answerCard(language, password),
);

export const withFollowUps = cardSample('answer with three follow-up questions', (language) =>
  answerCard(language, { ...password, prompts: followUps }),
);

export const votedUp = cardSample('after 👍: thanks, the chosen vote named in words', (language) =>
  answerCard(language, { ...password, prompts: followUps, vote: 'up' }),
);

export const votedDown = cardSample('after 👎: points to the lotse', (language) =>
  answerCard(language, { ...password, vote: 'down' }),
);

export const longWords = cardSample(
  'long compounds in title, text, link and follow-up questions',
  (language) =>
    answerCard(language, {
      title: `Was bedeutet ${longCompound} für unsere Fachanwendungen?`,
      answer: `Vor der Einführung prüft die Stabsstelle die **${longCompound}** jeder Fachanwendung:\n\n1. Verzeichnis von Verarbeitungstätigkeiten ergänzen\n2. Datenschutzfolgenabschätzung (falls nötig)\n3. Auftragsverarbeitungsvertrag abschließen\n\nDie Checkliste steht im [Intranet: Datenschutzgrundverordnungsumsetzungsleitfaden](https://intranet.stadt.example/datenschutz/umsetzungsleitfaden-dsgvo-fachanwendungen).`,
      entryId: '57',
      questionId: 'q-c302',
      prompts: [
        { text: longCompound, entryId: '58' },
        { text: 'Datenschutzfolgenabschätzung', entryId: '59' },
      ],
    }),
);
