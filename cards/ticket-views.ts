/**
 * Tickets as people see them: the lotse's card, the asker's status and answer cards, the
 * inboxes and the short notices. Which buttons a card offers comes from the domain
 * (`allowedVerbs`); the server checks every submit again all the same.
 */
import { teamsChatUrl } from '../services/directory';
import {
  allowedVerbs,
  type CardRecipient,
  type HistoryEntry,
  type Ticket,
  type TicketNotice,
  type TicketViews,
} from '../services/tickets';
import type { CardAttachment } from './render';
import { strings, type Language, type Strings } from './strings';
import { ticketCard, type StatusColor } from './ticket';
import { ticketListCard, type TicketListItem } from './ticket-list';
import { ticketAnswerCard, ticketStatusCard } from './ticket-status';

const ZONE = 'Europe/Berlin';
const LOCALES: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

export const ticketViews: TicketViews = {
  card(ticket, recipient, now) {
    return { card: cardFor(ticket, recipient, now) };
  },
  notice(ticket, notice, language) {
    return { text: noticeText(ticket, notice, strings[language]) };
  },
};

function cardFor(ticket: Ticket, recipient: CardRecipient, now: Date): CardAttachment {
  const language = recipient.language;
  const t = strings[language];
  const allowed = new Set(allowedVerbs(ticket, recipient.recipientId));
  const { status, statusColor, note } = statusOf(ticket, t, recipient.role);
  const base = { ticketId: ticket.id, version: ticket.version, status, statusColor };

  if (recipient.role === 'asker' && recipient.kind === 'answer') {
    const index = recipient.answerIndex ?? ticket.answers.length - 1;
    const answer = ticket.answers[index];
    const latest = index === ticket.answers.length - 1;
    return ticketAnswerCard(language, {
      ...base,
      title: `${t.ticketAnswerFrom} ${answer?.by.displayName ?? ''}`,
      question: ticket.question,
      answer: answer?.text ?? '',
      actions: {
        solved: latest && allowed.has('solved'),
        reopen: latest && ticket.state === 'answered' && allowed.has('reopen'),
      },
    });
  }
  const additions = ticket.additions.map((a) => ({
    at: formatInstant(a.at, language),
    text: a.text,
  }));
  if (recipient.role === 'asker') {
    return ticketStatusCard(language, {
      ...base,
      title: `${t.ticketYourRequest} ${ticket.reference}`,
      question: ticket.question,
      note,
      additions,
      actions: {
        addInfo: allowed.has('addInfo'),
        withdraw: allowed.has('withdraw'),
        // An answered request is reopened from the answer card ("Noch nicht gelöst").
        reopen: allowed.has('reopen') && ticket.state !== 'answered',
      },
    });
  }

  const facts = [
    { title: t.ticketFrom, value: ticket.asker.displayName },
    { title: t.ticketUnit, value: ticket.unit ?? t.ticketUnitUnknown },
    { title: t.ticketAsked, value: formatInstant(ticket.createdAt, language) },
  ];
  if (ticket.deadline) {
    const overdue = Date.parse(ticket.deadline.dueAt) <= now.getTime();
    const due = formatInstant(ticket.deadline.dueAt, language);
    facts.push({ title: t.ticketDeadline, value: overdue ? `${due} (${t.ticketOverdue})` : due });
  }
  const canWork = allowed.size > 0;
  return ticketCard(language, {
    ...base,
    title: `${t.ticketTitle} ${ticket.reference}`,
    facts,
    note,
    question: ticket.question,
    additions,
    suggested: ticket.suggested.map((s) => ({ title: s.title })),
    answers: ticket.answers.map((a) => ({
      heading: `${t.ticketAnswerFrom} ${a.by.displayName}, ${formatInstant(a.at, language)}`,
      text: a.text,
    })),
    chatUrl:
      canWork && ticket.asker.userPrincipalName ? teamsChatUrl(ticket.asker.userPrincipalName) : '',
    actions: {
      claim: allowed.has('claim'),
      answer: allowed.has('answer'),
      forward: allowed.has('forward'),
      proposeFaq: allowed.has('proposeFaq'),
      close: allowed.has('close'),
    },
    forwardChoices: [
      ...ticket.routing.candidates
        .filter((c) => c.id !== recipient.recipientId && c.id !== ticket.asker.id)
        .map((c) => ({ title: c.displayName, value: c.id })),
      { title: t.ticketForwardCentral, value: 'central' },
    ],
  });
}

function statusOf(
  ticket: Ticket,
  t: Strings,
  role: CardRecipient['role'],
): { status: string; statusColor: StatusColor; note: string } {
  switch (ticket.state) {
    case 'open':
    case 'forwarded': {
      const forwarded = ticket.state === 'forwarded' ? lastOf(ticket, 'forwarded') : undefined;
      const status =
        ticket.stage === 'team'
          ? t.ticketStateWaitingTeam
          : ticket.assignee
            ? `${t.ticketStateWaitingFor} ${ticket.assignee.displayName}`
            : t.ticketStateNobody;
      // Why a lotse passed the ticket on is for the lotsen, not for the asker.
      const note =
        role === 'lotse' && forwarded?.note
          ? `${t.ticketForwardedBy} ${forwarded.actor?.displayName ?? ''}: ${forwarded.note}`
          : '';
      return { status, statusColor: 'Warning', note };
    }
    case 'claimed':
      return {
        status: `${t.ticketStateClaimedBy} ${ticket.assignee?.displayName ?? ''}`,
        statusColor: 'Accent',
        note: '',
      };
    case 'answered': {
      const answer = ticket.answers[ticket.answers.length - 1];
      return {
        status: `${t.ticketStateAnsweredBy} ${answer?.by.displayName ?? ''}`,
        statusColor: 'Good',
        note: '',
      };
    }
    case 'solved':
      return {
        status:
          role === 'asker'
            ? t.ticketStateSolved
            : `${t.ticketStateSolvedBy} ${ticket.asker.displayName}`,
        statusColor: 'Good',
        note: '',
      };
    case 'withdrawn':
      return {
        status:
          role === 'asker'
            ? t.ticketStateWithdrawn
            : `${t.ticketStateWithdrawnBy} ${ticket.asker.displayName}`,
        statusColor: 'Default',
        note: '',
      };
    case 'closed': {
      const closed = lastOf(ticket, 'closed');
      return {
        status: `${t.ticketStateClosedBy} ${closed?.actor?.displayName ?? ''}`,
        statusColor: 'Default',
        note: closed?.note ?? '',
      };
    }
  }
}

function noticeText(ticket: Ticket, notice: TicketNotice, t: Strings): string {
  const ref = ticket.reference;
  switch (notice) {
    case 'new-holder':
      return ticket.stage === 'team' || !ticket.assignee
        ? fill(t.ticketNoticeNewHolderTeam, { ref })
        : fill(t.ticketNoticeNewHolder, { ref, name: ticket.assignee.displayName });
    case 'closed': {
      const closed = lastOf(ticket, 'closed');
      const text = fill(t.ticketNoticeClosed, { ref, name: closed?.actor?.displayName ?? '' });
      return closed?.note ? `${text} ${closed.note}` : text;
    }
    case 'withdrawn':
      return fill(t.ticketNoticeWithdrawn, { ref, name: ticket.asker.displayName });
    case 'info-added':
      return fill(t.ticketNoticeInfoAdded, { ref, name: ticket.asker.displayName });
    case 'reopened':
      return fill(t.ticketNoticeReopened, { ref, name: ticket.asker.displayName });
    case 'reminder':
      return fill(t.ticketNoticeReminder, { ref, name: ticket.asker.displayName });
  }
}

/** "Meine Anfragen": the asker's requests with their state and who has them. */
export function myRequestsCard(language: Language, tickets: readonly Ticket[]): CardAttachment {
  const t = strings[language];
  return ticketListCard(language, {
    title: t.myRequestsTitle,
    empty: t.myRequestsEmpty,
    items: tickets.map((ticket) => ({
      ...listItem(ticket, language),
      detail: statusOf(ticket, t, 'asker').status,
    })),
  });
}

/** "Meine Tickets": the lotse's open and claimed tickets, overdue ones first. */
export function myTicketsCard(
  language: Language,
  tickets: readonly Ticket[],
  now: Date,
): CardAttachment {
  const t = strings[language];
  const overdue = (ticket: Ticket) =>
    ticket.deadline !== null && Date.parse(ticket.deadline.dueAt) <= now.getTime();
  const ordered = [...tickets.filter(overdue), ...tickets.filter((x) => !overdue(x))];
  return ticketListCard(language, {
    title: t.myTicketsTitle,
    empty: t.myTicketsEmpty,
    items: ordered.map((ticket) => {
      const item = listItem(ticket, language);
      return {
        ...item,
        heading: overdue(ticket) ? `${item.heading} · ⚠ ${t.ticketOverdue}` : item.heading,
        detail: [ticket.asker.displayName, ticket.unit].filter(Boolean).join(' · '),
      };
    }),
  });
}

function listItem(ticket: Ticket, language: Language): TicketListItem {
  const t = strings[language];
  const state = t[STATE_LABELS[ticket.state]];
  return {
    ticketId: ticket.id,
    heading: `${ticket.reference} · ${state} · ${formatInstant(ticket.createdAt, language)}`,
    detail: '',
    question: ticket.question.length > 140 ? `${ticket.question.slice(0, 139)}…` : ticket.question,
  };
}

const STATE_LABELS = {
  open: 'ticketLabelOpen',
  forwarded: 'ticketLabelForwarded',
  claimed: 'ticketLabelClaimed',
  answered: 'ticketLabelAnswered',
  solved: 'ticketLabelSolved',
  withdrawn: 'ticketLabelWithdrawn',
  closed: 'ticketLabelClosed',
} as const satisfies Record<Ticket['state'], keyof Strings>;

function lastOf(ticket: Ticket, action: HistoryEntry['action']): HistoryEntry | undefined {
  for (let i = ticket.history.length - 1; i >= 0; i--) {
    if (ticket.history[i]?.action === action) return ticket.history[i];
  }
  return undefined;
}

export function formatInstant(iso: string, language: Language): string {
  return new Date(iso).toLocaleString(LOCALES[language], {
    timeZone: ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** A calendar day (`YYYY-MM-DD`) as people write it, e.g. 31.12.2026 / 31 Dec 2026. */
export function formatDay(isoDate: string, language: Language): string {
  return new Date(`${isoDate}T12:00:00Z`).toLocaleDateString(LOCALES[language], {
    timeZone: ZONE,
    dateStyle: 'medium',
  });
}

/** Fills `{name}` placeholders of a string from `cards/strings.ts`. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
