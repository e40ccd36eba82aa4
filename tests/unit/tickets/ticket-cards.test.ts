import { myRequestsCard, myTicketsCard, ticketViews, type Language } from '../../../cards';
import type {
  CardRecipient,
  Person,
  Ticket,
  TicketNotice,
  TicketState,
} from '../../../services/tickets';
import { cardProblems, visibleText } from '../../support/card-validation';

const person = (id: string, displayName: string): Person => ({
  id,
  displayName,
  userPrincipalName: `${id}@stadt.example`,
  language: 'de',
});
const asker = person('asker', 'Ayşe Demir');
const lotse = person('lotse', 'Megan Bowen');
const NOW = new Date('2026-03-02T09:00:00Z');

function ticket(state: TicketState, fields: Partial<Ticket> = {}): Ticket {
  return {
    id: 'ticket-1',
    reference: '3F2A9C',
    tenantId: 't1',
    version: 7,
    state,
    active: ['open', 'forwarded', 'claimed', 'answered'].includes(state),
    asker: { ...asker, profileId: 'aad:asker', conversation: {} },
    question: 'Wie teile ich meinen Kalender mit der Vertretung? <b>Danke</b> ${t.ticketClaim}',
    suggested: [{ id: '12', title: 'Kalender freigeben' }],
    unit: 'Bürgerbüro',
    routing: {
      rule: 'unit',
      pickRule: 'unit',
      candidates: [
        { id: 'lotse', displayName: 'Megan Bowen' },
        { id: 'other', displayName: 'Jörg Müller' },
      ],
      pickId: 'lotse',
    },
    stage: 'routed',
    candidates: [lotse],
    offeredTo: ['lotse'],
    assignee: lotse,
    assignedAt: NOW.toISOString(),
    answers: ['answered', 'solved', 'closed'].includes(state)
      ? [{ text: 'Rechtsklick auf den Kalender → *Freigeben*.', by: lotse, at: NOW.toISOString() }]
      : [],
    additions: [{ text: 'Es geht um Outlook im Browser.', at: NOW.toISOString() }],
    faqProposed: false,
    deadline:
      state === 'open' ? { kind: 'claim', dueAt: '2026-03-02T08:00:00.000Z', seq: 1 } : null,
    deadlineSeq: 1,
    history: [
      {
        at: NOW.toISOString(),
        action: 'closed',
        actor: { id: 'lotse', displayName: 'Megan Bowen' },
        note: 'Telefonisch geklärt.',
      },
    ],
    cards: [],
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...fields,
  };
}

const states: TicketState[] = [
  'open',
  'forwarded',
  'claimed',
  'answered',
  'solved',
  'withdrawn',
  'closed',
];
const recipients: CardRecipient[] = [
  { recipientId: 'lotse', role: 'lotse', kind: 'offer', language: 'de' },
  { recipientId: 'asker', role: 'asker', kind: 'status', language: 'de' },
  { recipientId: 'asker', role: 'asker', kind: 'answer', language: 'de', answerIndex: 0 },
];
const languages: Language[] = ['de', 'en'];

function render(t: Ticket, recipient: CardRecipient): Record<string, unknown> {
  const card = ticketViews.card(t, recipient, NOW).card;
  if (!card) throw new Error('no card');
  return card.content;
}

describe('ticket cards', () => {
  for (const language of languages) {
    for (const state of states) {
      for (const recipient of recipients) {
        if (recipient.kind === 'answer' && ticket(state).answers.length === 0) continue;
        it(`renders a valid ${language} ${recipient.kind} card of a ${state} ticket`, () => {
          const content = render(ticket(state), { ...recipient, language });
          expect(cardProblems(content)).toEqual([]);
          expect(content.lang).toBe(language);
        });
      }
    }
  }

  it('offers the offered lotse claim, answer, chat, forward and close, with the question', () => {
    const text = visibleText(render(ticket('open'), recipients[0]!));
    for (const expected of [
      'Anfrage 3F2A9C',
      'Ayşe Demir',
      'Bürgerbüro',
      'Wie teile ich meinen Kalender',
      'Kalender freigeben',
      'Es geht um Outlook im Browser.',
      'überfällig',
      'Übernehmen',
      'Antworten',
      'Chat öffnen',
      'Weiterleiten',
      'Jörg Müller',
      'Zentrales Digitallotsen-Team',
      'Schließen',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Als FAQ vorschlagen');
  });

  it('shows user text as text, never as a template expression', () => {
    expect(visibleText(render(ticket('open'), recipients[0]!))).toContain('${t.ticketClaim}');
  });

  it('shows someone who may no longer act the state without any button', () => {
    const content = render(ticket('claimed'), { ...recipients[0]!, recipientId: 'other' });
    expect(content.actions).toEqual([]);
    expect(visibleText(content)).toContain('In Bearbeitung bei Megan Bowen');
  });

  it('names who has the request on the asker’s status card, in English for English askers', () => {
    const text = visibleText(render(ticket('open'), { ...recipients[1]!, language: 'en' }));
    expect(text).toContain('Waiting to be claimed by Megan Bowen');
    expect(text).toContain('Withdraw');
    expect(text).toContain('Add information');
  });

  it('gives the answer card "Gelöst" and "Noch nicht gelöst" while the answer is open', () => {
    const text = visibleText(render(ticket('answered'), recipients[2]!));
    expect(text).toContain('Antwort von Megan Bowen');
    expect(text).toContain('Freigeben');
    expect(text).toContain('Gelöst');
    expect(text).toContain('Noch nicht gelöst');
    const solved = render(ticket('solved'), recipients[2]!);
    expect(solved.actions).toEqual([]);
  });

  it('tells the asker the closing note', () => {
    expect(visibleText(render(ticket('closed'), recipients[1]!))).toContain('Telefonisch geklärt.');
  });

  it.each<TicketNotice>([
    'new-holder',
    'closed',
    'withdrawn',
    'info-added',
    'reopened',
    'reminder',
  ])('words the %s notice in both languages with the reference', (notice) => {
    for (const language of languages) {
      const text = ticketViews.notice(ticket('claimed'), notice, language).text ?? '';
      expect(text).toContain('3F2A9C');
      expect(text).not.toMatch(/\{\w+\}/);
    }
  });

  it('lists requests and tickets as valid cards, overdue tickets first', () => {
    const late = ticket('open', { id: 'late', reference: 'LATE01' });
    const fresh = ticket('claimed', { id: 'fresh', reference: 'FRESH1' });
    for (const language of languages) {
      const requests = myRequestsCard(language, [fresh, late]).content;
      const inbox = myTicketsCard(language, [fresh, late], NOW).content;
      expect(cardProblems(requests)).toEqual([]);
      expect(cardProblems(inbox)).toEqual([]);
      const text = visibleText(inbox);
      expect(text.indexOf('LATE01')).toBeLessThan(text.indexOf('FRESH1'));
    }
    expect(visibleText(myTicketsCard('de', [], NOW).content)).toContain('keine Anfrage');
  });
});
