import { strings, ticketAnswerCard, ticketStatusCard } from '../../../cards';
import { longCompound } from '../sample-data';
import { cardSample } from '../sample';

const question = 'Wie ändere ich mein Passwort, wenn ich im Homeoffice bin?';

export const waitingForTeam = cardSample('request waiting for the central team', (language) => {
  const t = strings[language];
  return ticketStatusCard(language, {
    ticketId: 't-81c2',
    version: 1,
    title: `${t.ticketYourRequest} F2C93B`,
    question,
    status: t.ticketStateWaitingTeam,
    statusColor: 'Warning',
    note: '',
    additions: [],
    actions: { addInfo: true, withdraw: true, reopen: false },
  });
});

export const claimedWithAdditions = cardSample(
  "claimed, with the asker's additions",
  (language) => {
    const t = strings[language];
    return ticketStatusCard(language, {
      ticketId: 't-81c2',
      version: 3,
      title: `${t.ticketYourRequest} F2C93B`,
      question: `${question} Es geht um die ${longCompound}.`,
      status: `${t.ticketStateClaimedBy} Megan Bowen`,
      statusColor: 'Accent',
      note: '',
      additions: [
        { at: '24.11.2026, 09:30', text: 'Es geht um den Zugang über VPN.' },
        {
          at: '24.11.2026, 09:41',
          text: 'Fehlermeldung: „Kennwort entspricht nicht den Richtlinien“.',
        },
      ],
      actions: { addInfo: true, withdraw: true, reopen: false },
    });
  },
);

export const closedWithNote = cardSample('closed with a note, can be reopened', (language) => {
  const t = strings[language];
  return ticketStatusCard(language, {
    ticketId: 't-81c2',
    version: 5,
    title: `${t.ticketYourRequest} F2C93B`,
    question,
    status: `${t.ticketStateClosedBy} Megan Bowen`,
    statusColor: 'Default',
    note: 'Bitte wenden Sie sich an den IT-Servicedesk, Tel. 1234.',
    additions: [],
    actions: { addInfo: false, withdraw: false, reopen: true },
  });
});

export const answer = cardSample('the lotse\'s answer with "solved" / "not yet"', (language) => {
  const t = strings[language];
  return ticketAnswerCard(language, {
    ticketId: 't-81c2',
    version: 4,
    title: `${t.ticketAnswerFrom} Megan Bowen`,
    question,
    answer:
      'Verbinden Sie zuerst das **VPN**, dann:\n\n1. Strg + Alt + Entf\n2. *Kennwort ändern*\n3. altes und zweimal das neue Passwort eingeben',
    status: `${t.ticketStateAnsweredBy} Megan Bowen`,
    statusColor: 'Good',
    actions: { solved: true, reopen: true },
  });
});

export const answerSolved = cardSample('answer after "solved": no buttons left', (language) => {
  const t = strings[language];
  return ticketAnswerCard(language, {
    ticketId: 't-81c2',
    version: 6,
    title: `${t.ticketAnswerFrom} Megan Bowen`,
    question,
    answer: 'Verbinden Sie zuerst das VPN, dann Strg + Alt + Entf → *Kennwort ändern*.',
    status: t.ticketStateSolved,
    statusColor: 'Good',
    actions: { solved: false, reopen: false },
  });
});
