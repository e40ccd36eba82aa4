/**
 * Text from people (questions, names, units) on rendered cards: Markdown in it shows as
 * typed, and `${...}` in it stays literal — the templating engine binds data, it never
 * evaluates it.
 */
import {
  faqProposalCard,
  lotseCard,
  strings,
  ticketAnswerCard,
  ticketCard,
  ticketStatusCard,
  welcomeCard,
  type CardAttachment,
} from '../../../cards';

// markdown-it ships no types; only `render` is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => {
  render(source: string): string;
};
const markdown = new MarkdownIt({ html: true });

const EXPRESSION = '${t.errorText} ${json($root)} ${lang}';
const MARKUP = '**Eva** [Chat](https://evil.example) <b>x</b>';

/** Every object on the card that has the given key. */
function nodesWith(card: CardAttachment, key: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (key in record) found.push(record);
    Object.values(record).forEach(walk);
  };
  walk(card.content);
  return found;
}

/** The Markdown texts (TextBlocks and facts) of a card, as a renderer would show them. */
function renderedTexts(card: CardAttachment): string[] {
  const blocks = nodesWith(card, 'text')
    .filter((node) => node.type === 'TextBlock')
    .map((node) => String(node.text));
  const facts = nodesWith(card, 'facts').flatMap((node) =>
    (node.facts as Array<{ title: string; value: string }>).flatMap((f) => [f.title, f.value]),
  );
  return [...blocks, ...facts].map((text) => markdown.render(text));
}

function markupTags(html: string): string[] {
  return [...html.matchAll(/<([a-z0-9]+)/g)].map((m) => m[1] ?? '').filter((tag) => tag !== 'p');
}

const person = (name: string, unit: string) => ({
  name,
  unit,
  chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=eva@example.org',
  absent: false,
});

describe('user text on cards', () => {
  it('keeps ${...} in a proposed question and answer literal in the inputs', () => {
    const card = faqProposalCard('de', {
      proposalId: 'p1',
      question: EXPRESSION,
      answer: `${EXPRESSION}\n${MARKUP}`,
      proposedBy: EXPRESSION,
    });
    const inputs = nodesWith(card, 'value').filter((node) => node.type === 'Input.Text');
    expect(inputs.map((input) => input.value)).toEqual([EXPRESSION, `${EXPRESSION}\n${MARKUP}`]);
    expect(JSON.stringify(card.content)).not.toContain(strings.de.errorText);
  });

  it('shows a decided question and the proposer as typed, without markup', () => {
    const card = faqProposalCard('de', {
      proposalId: 'p1',
      question: `${MARKUP} ${EXPRESSION}`,
      answer: 'egal',
      proposedBy: MARKUP,
      outcome: strings.de.faqRejected,
    });
    const rendered = renderedTexts(card);
    expect(rendered.flatMap(markupTags)).toEqual([]);
    expect(rendered.join()).toContain('**Eva** [Chat](https://evil.example) &lt;b&gt;x&lt;/b&gt;');
    expect(rendered.join()).toContain('${t.errorText}');
  });

  it('shows directory names and units with Markdown characters as typed', () => {
    const card = lotseCard('de', {
      situation: 'own-unit',
      primary: person(MARKUP, '# FB 10 | Bürgerdienste'),
      others: [person('_Max_ Muster', 'FB 10')],
      central: [person('1. Zentrale', 'IT'), person(EXPRESSION, 'IT')],
    });
    const rendered = renderedTexts(card);
    // The card itself sets the primary name in bold: that is its only markup.
    expect(rendered.flatMap(markupTags)).toEqual(['strong']);
    const text = rendered.join();
    for (const shown of ['**Eva**', '# FB 10 | Bürgerdienste', '_Max_ Muster', '1. Zentrale']) {
      expect(text).toContain(shown);
    }
    expect(text).toContain(EXPRESSION);
  });

  it('shows the lotse on the welcome card as typed', () => {
    const card = welcomeCard('en', { lotse: { name: MARKUP, unit: EXPRESSION } });
    const rendered = renderedTexts(card);
    expect(rendered.flatMap(markupTags)).toEqual([]);
    expect(rendered.join()).toContain(EXPRESSION);
  });

  it('shows the question, additions and the lotse answer on ticket cards as typed', () => {
    const status = ticketStatusCard('de', {
      ticketId: 't1',
      version: 1,
      title: 'Ihre Anfrage',
      question: MARKUP,
      status: 'offen',
      statusColor: 'Warning',
      note: '',
      additions: [{ at: '24.11.', text: MARKUP }],
      actions: { addInfo: true, withdraw: true, reopen: false },
    });
    const answer = ticketAnswerCard('de', {
      ticketId: 't1',
      version: 2,
      title: 'Antwort',
      question: EXPRESSION,
      answer: MARKUP,
      status: 'beantwortet',
      statusColor: 'Good',
      actions: { solved: true, reopen: true },
    });
    for (const card of [status, answer])
      expect(renderedTexts(card).flatMap(markupTags)).toEqual([]);
    expect(renderedTexts(answer).join()).toContain(EXPRESSION);
  });

  it('shows names, notes and statuses on ticket cards as typed', () => {
    const texts = {
      title: `Anfrage von ${MARKUP}`,
      status: `Weitergeleitet von ${MARKUP}`,
      note: `# Grund: ${MARKUP}`,
      question: 'Frage',
      additions: [],
    };
    const lotse = ticketCard('de', {
      ...texts,
      ticketId: 't1',
      version: 1,
      statusColor: 'Warning',
      facts: [{ title: 'Von', value: MARKUP }],
      suggested: [],
      answers: [{ heading: `Antwort von ${MARKUP}`, text: 'ok' }],
      chatUrl: '',
      actions: { claim: true, answer: true, forward: true, proposeFaq: true, close: true },
      forwardChoices: [],
    });
    const asker = ticketStatusCard('de', {
      ...texts,
      ticketId: 't1',
      version: 1,
      statusColor: 'Warning',
      actions: { addInfo: true, withdraw: true, reopen: false },
    });
    const answer = ticketAnswerCard('de', {
      ticketId: 't1',
      version: 2,
      title: `Antwort von ${MARKUP}`,
      question: 'Frage',
      answer: 'ok',
      status: `Gelöst von ${MARKUP}`,
      statusColor: 'Good',
      actions: { solved: true, reopen: true },
    });
    // The lotse card sets each answer's heading in bold: that is its only markup.
    expect(renderedTexts(lotse).flatMap(markupTags)).toEqual(['strong']);
    for (const card of [asker, answer]) expect(renderedTexts(card).flatMap(markupTags)).toEqual([]);
    expect(renderedTexts(asker).join()).toContain('# Grund: **Eva**');
  });
});
