import { strings, ticketListCard, type Language, type TicketListItem } from '../../../cards';
import { longCompound, maximiliane } from '../sample-data';
import { cardSample } from '../sample';

function item(n: number, language: Language): TicketListItem {
  const t = strings[language];
  return {
    ticketId: `t-${n}`,
    heading: `${(0xa000 + n).toString(16).toUpperCase()} · ${t.ticketLabelOpen} · 24.11.2026, 09:${String(n % 60).padStart(2, '0')}`,
    detail: 'Alex Wilber · Fachbereich 2 Bürgerservice und Ordnung',
    question: 'Wie teile ich einen Kalender mit meinem Team?',
  };
}

export const myTickets = cardSample("a lotse's tickets, one overdue", (language) => {
  const t = strings[language];
  return ticketListCard(language, {
    title: t.myTicketsTitle,
    empty: t.myTicketsEmpty,
    items: [
      { ...item(1, language), heading: `${item(1, language).heading} · ⚠ ${t.ticketOverdue}` },
      {
        ...item(2, language),
        detail: `${maximiliane.name} · ${maximiliane.unit}`,
        question: `Muss die ${longCompound} für jede Fachanwendung einzeln nachgewiesen werden?`,
      },
      item(3, language),
    ],
  });
});

export const noRequests = cardSample('no requests yet', (language) => {
  const t = strings[language];
  return ticketListCard(language, {
    title: t.myRequestsTitle,
    empty: t.myRequestsEmpty,
    items: [],
  });
});

export const manyTickets = cardSample('20 tickets: the card shows the first 15', (language) => {
  const t = strings[language];
  return ticketListCard(language, {
    title: t.myTicketsTitle,
    empty: t.myTicketsEmpty,
    items: Array.from({ length: 20 }, (_, i) => item(i + 1, language)),
  });
});
