import { strings, ticketCard, type Language, type TicketCardData } from '../../../cards';
import { chatUrl, longCompound, maximiliane } from '../sample-data';
import { cardSample } from '../sample';

function openTicket(language: Language): TicketCardData {
  const t = strings[language];
  return {
    ticketId: 't-81c2',
    version: 1,
    title: `${t.ticketTitle} F2C93B`,
    facts: [
      { title: t.ticketFrom, value: 'Alex Wilber' },
      { title: t.ticketUnit, value: 'Fachbereich 2 Bürgerservice und Ordnung' },
      { title: t.ticketAsked, value: '24.11.2026, 09:12' },
      { title: t.ticketDeadline, value: '25.11.2026, 09:12' },
    ],
    status: `${t.ticketStateWaitingFor} Megan Bowen`,
    statusColor: 'Warning',
    note: '',
    question: 'Wie ändere ich mein Passwort, wenn ich im Homeoffice bin?',
    additions: [],
    suggested: [{ title: 'Wie ändere ich mein Passwort?' }],
    answers: [],
    chatUrl: chatUrl('alex.wilber@stadt.example'),
    actions: { claim: true, answer: true, forward: true, proposeFaq: false, close: true },
    forwardChoices: [
      { title: 'Jörg Müller', value: 'u-joerg' },
      { title: t.ticketForwardCentral, value: 'central' },
    ],
  };
}

export const waitingForClaim = cardSample('new request offered to a lotse', (language) =>
  ticketCard(language, openTicket(language)),
);

export const answered = cardSample('answered, with additions and the answer', (language) => {
  const t = strings[language];
  return ticketCard(language, {
    ...openTicket(language),
    status: `${t.ticketStateAnsweredBy} Megan Bowen`,
    statusColor: 'Good',
    additions: [{ at: '24.11.2026, 09:30', text: 'Es geht um den Zugang über VPN.' }],
    answers: [
      {
        heading: `${t.ticketAnswerFrom} Megan Bowen, 24.11.2026, 10:05`,
        text: 'Verbinden Sie zuerst das VPN, dann **Strg + Alt + Entf** → *Kennwort ändern*.',
      },
    ],
    actions: { claim: false, answer: true, forward: false, proposeFaq: true, close: true },
  });
});

export const overdueForwardedLongTexts = cardSample(
  'overdue, forwarded, long names and compounds',
  (language) => {
    const t = strings[language];
    return ticketCard(language, {
      ...openTicket(language),
      facts: [
        { title: t.ticketFrom, value: maximiliane.name },
        { title: t.ticketUnit, value: maximiliane.unit },
        { title: t.ticketDeadline, value: `23.11.2026, 17:00 (${t.ticketOverdue})` },
      ],
      note: `${t.ticketForwardedBy} Jörg Müller: ${longCompound} betrifft die Stabsstelle.`,
      question: `Muss die ${longCompound} für jede Fachanwendung einzeln nachgewiesen werden, auch wenn der Hersteller ein Zertifikat vorlegt?`,
      suggested: [],
    });
  },
);

export const closedNoActions = cardSample('closed: nothing left to do', (language) =>
  ticketCard(language, {
    ...openTicket(language),
    status: `${strings[language].ticketStateClosedBy} Megan Bowen`,
    statusColor: 'Default',
    chatUrl: '',
    actions: { claim: false, answer: false, forward: false, proposeFaq: false, close: false },
  }),
);
