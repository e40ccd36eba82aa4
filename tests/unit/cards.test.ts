import {
  answerCard,
  errorCard,
  faqProposalCard,
  privacyCard,
  helpCard,
  lotseCard,
  noAnswerCard,
  suggestionsCard,
  welcomeCard,
  type CardAttachment,
  type Language,
  type LotsePerson,
} from '../../cards';
import { cardProblems, visibleText } from '../support/card-validation';

const languages: Language[] = ['de', 'en'];

const answer = {
  title: 'Wie ändere ich mein Passwort?',
  answer: '**Strg+Alt+Entf** drücken und *Kennwort ändern* wählen.\n\n- Mindestens 12 Zeichen',
  entryId: '12',
  questionId: 'q-1',
  prompts: [],
};
const prompts = [
  { text: 'Passwort vergessen?', entryId: '13' },
  { text: 'Authenticator-App auf neuem Handy einrichten', entryId: '14' },
];
const anna: LotsePerson = {
  name: 'Anna-Lena Müller-Schmidt',
  unit: 'Fachbereich 2 Bürgerservice und Ordnung',
  chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=anna-lena.mueller-schmidt%40stadt.example',
  absent: false,
};
const jan: LotsePerson = {
  name: 'Jan Öztürk',
  unit: 'Fachbereich 2',
  chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=jan.oeztuerk%40stadt.example',
  absent: true,
  absentUntil: '2026-12-01T00:00:00Z',
};
const central: LotsePerson = {
  name: 'Zentrale Lotsin',
  unit: 'Fachbereich Digitalisierung und IT',
  chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=zentrale%40stadt.example',
  absent: false,
};

const cards: Array<[string, (language: Language) => CardAttachment]> = [
  ['welcome', (l) => welcomeCard(l)],
  [
    'welcome with lotse',
    (l) =>
      welcomeCard(l, {
        lotse: {
          name: 'Dr. Anna-Lena Müller-Schmidt',
          unit: 'Fachbereich 2 Bürgerservice und Ordnung',
        },
      }),
  ],
  ['help', helpCard],
  ['error', (l) => errorCard(l, 'internal', '3f0c8f3e-1111-4222-8333-944455556666')],
  ['unavailable', (l) => errorCard(l, 'unavailable')],
  ['no answer', (l) => noAnswerCard(l, { questionId: 'q1' })],
  ['answer', (l) => answerCard(l, answer)],
  ['answer with follow-ups and a vote', (l) => answerCard(l, { ...answer, prompts, vote: 'down' })],
  ['suggestions', (l) => suggestionsCard(l, { questionId: 'q1', suggestions: prompts })],
  [
    'lotse of the own unit',
    (l) =>
      lotseCard(l, { situation: 'own-unit', primary: anna, others: [jan], central: [central] }),
  ],
  [
    'lotse via manager chain',
    (l) => lotseCard(l, { situation: 'via-manager', primary: jan, others: [], central: [] }),
  ],
  ['faq proposal', (l) => faqProposalCard(l, proposal)],
  [
    'privacy overview',
    (l) => privacyCard(l, { state: 'overview', stored: [{ name: 'Profil', count: 1 }] }),
  ],
  [
    'privacy export',
    (l) =>
      privacyCard(l, {
        state: 'exported',
        stored: [],
        url: 'https://bot.example/privacy/x.json',
        expiresAt: '2026-11-24T12:00:00Z',
      }),
  ],
  ['privacy confirm', (l) => privacyCard(l, { state: 'confirm', stored: [] })],
  [
    'privacy erased',
    (l) => privacyCard(l, { state: 'erased', stored: [{ name: 'Profil', count: 1 }] }),
  ],
  ['faq proposal decided', (l) => faqProposalCard(l, { ...proposal, outcome: '✓ Übernommen' })],
  [
    'lotse not routable',
    (l) => lotseCard(l, { situation: 'not-routable', others: [], central: [central] }),
  ],
];

const proposal = {
  proposalId: 'p1',
  question: 'Wie buche ich einen Raum?',
  answer: 'Über Outlook.',
  proposedBy: 'Megan Bowen',
  nearest: { id: '7', title: 'Raum buchen' },
};

describe.each(languages)('cards in %s', (language) => {
  it.each(cards)('%s parses without problems', (_name, render) => {
    const card = render(language);
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(card.content)).toEqual([]);
    expect(card.content.lang).toBe(language);
  });

  it.each(cards)('%s leaves no template expression unexpanded', (_name, render) => {
    expect(JSON.stringify(render(language).content)).not.toContain('${');
  });
});

describe('card content', () => {
  it('offers the hand-off and both votes on the answer card, naming the chosen vote in words', () => {
    const card = answerCard('de', { ...answer, vote: 'up' });
    const text = visibleText(card.content);
    expect(text).toContain('An meine Digitallotsin / meinen Digitallotsen weitergeben');
    expect(text).toContain('👍 Ja ✓');
    expect(text).toContain('Schön, dass es geholfen hat');
    const data = JSON.stringify(card.content.body);
    expect(data).toContain('"vote":"down"');
  });

  it('shows at most three suggestions', () => {
    const many = [...prompts, ...prompts, ...prompts];
    const card = suggestionsCard('de', { questionId: 'q', suggestions: many });
    expect(JSON.stringify(card.content).match(/"verb":"pick"/g)).toHaveLength(3);
  });

  it('offers the chat with the lotse and names who is absent until when', () => {
    const card = lotseCard('de', {
      situation: 'own-unit',
      primary: anna,
      others: [jan],
      central: [],
    });
    expect(JSON.stringify(card.content.actions)).toContain(
      'https://teams.microsoft.com/l/chat/0/0?users=anna-lena.mueller-schmidt%40stadt.example',
    );
    expect(visibleText(card.content)).toContain('abwesend bis 1.12.2026');
  });

  it('gives guests no chat link, only the polite refusal', () => {
    const card = lotseCard('de', {
      situation: 'not-routable',
      primary: anna,
      others: [],
      central: [central],
    });
    expect(card.content.actions ?? []).toEqual([]);
    expect(visibleText(card.content)).toContain('Gastkonten');
  });

  it('names the lotse on the welcome card when one is known', () => {
    const text = visibleText(
      welcomeCard('de', { lotse: { name: 'Jörg Weiß', unit: 'Kita Sonnenblume' } }).content,
    );
    expect(text).toContain('Jörg Weiß · Kita Sonnenblume');
  });

  it('shows the correlation id on the error card but no technical detail', () => {
    const text = visibleText(errorCard('de', 'internal', 'abc-123').content);
    expect(text).toContain('abc-123');
    expect(text).not.toMatch(/Error:|stack|\bat \w+ \(/);
  });

  it('inserts user-provided text literally, never as a template expression', () => {
    const text = visibleText(
      welcomeCard('de', { lotse: { name: '${t.helpTitle}', unit: '${1+1}' } }).content,
    );
    expect(text).toContain('${t.helpTitle} · ${1+1}');
  });
});
