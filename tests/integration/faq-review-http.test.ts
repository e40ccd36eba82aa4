import { AuditLog } from '../../services/audit';
import { KnowledgeRepository, proposeFaq } from '../../services/knowledge';
import { systemClock } from '../../services/clock';
import { visibleText } from '../support/card-validation';
import { ConnectorDouble } from '../support/connector-double';
import { startTestBot, type TestBot } from '../support/test-bot';
import { cardOf } from '../support/card-reading';

// Demo organisation: Isaiah Langer organises, Patti Fernandez is an admin, Alex Wilber is an employee.
const isaiah = { id: '29:isaiah', aadObjectId: '00000000-0000-0000-0000-0000000000023' };
const patti = { id: '29:patti', aadObjectId: '00000000-0000-0000-0000-0000000000024' };
const alex = { id: '29:alex', aadObjectId: '00000000-0000-0000-0000-0000000000020' };

describe('the FAQ review queue in Teams', () => {
  const connector = new ConnectorDouble();
  let bot: TestBot;

  beforeAll(async () => {
    await connector.start();
    bot = await startTestBot();
    const propose = (ticketId: string, question: string, answer: string) =>
      proposeFaq(bot.store, systemClock, {
        ticketId,
        question,
        answer,
        language: 'de',
        proposedBy: { id: 'lotse-1', displayName: 'Megan Bowen' },
      });
    await propose(
      't1',
      'Wie buche ich den Konferenzraum Merkur über Outlook?',
      'Raumpostfach „Merkur“ einladen.',
    );
    await propose('t2', 'Passwort wechseln geht wie?', 'Siehe Passwort-Eintrag.');
    await propose('t3', 'Kann ich privat drucken?', 'Nein.');
  });
  afterAll(async () => {
    await bot.dispose();
    await connector.stop();
  });
  beforeEach(() => connector.clear());

  it('is refused to an employee without the organiser or admin role', async () => {
    const turn = await connector.say(bot.messagesUrl, { user: alex, text: 'FAQ-Vorschläge' });
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]?.text).toMatch(/nur Organisatorinnen/);
  });

  it('shows organisers every pending proposal as an editable card', async () => {
    const turn = await connector.say(bot.messagesUrl, { user: isaiah, text: 'faq vorschläge' });
    expect(turn.replies).toHaveLength(3);
    expect(visibleText(cardOf(turn.replies[0]))).toContain('Konferenzraum Merkur');
    expect(visibleText(cardOf(turn.replies[0]))).toContain('Megan Bowen');
  });

  it('takes an edited proposal in as a new entry that the bot then answers with, exactly once', async () => {
    const listed = await connector.say(bot.messagesUrl, { user: isaiah, text: 'faq vorschläge' });
    const cardId = listed.calls.find((c) =>
      visibleText(cardOf(c.activity)).includes('Merkur'),
    )?.activityId;
    const submit = {
      verb: 'faqAccept',
      proposalId: 'ticket-t1',
      question: 'Wie buche ich den Konferenzraum Merkur?',
      answer: 'Laden Sie das Raumpostfach **Merkur** zur Besprechung ein.',
    };
    const accepted = await connector.say(bot.messagesUrl, {
      user: isaiah,
      value: submit,
      replyToId: cardId,
    });
    const update = accepted.calls.find((c) => c.op === 'update');
    expect(update?.activityId).toBe(cardId);
    expect(visibleText(cardOf(update?.activity))).toMatch(/Übernommen als neuer Eintrag \d+/);

    const again = await connector.say(bot.messagesUrl, { user: patti, value: submit });
    expect(again.replies[0]?.text).toMatch(/bereits entschieden/);

    const entries = await new KnowledgeRepository(bot.store, systemClock).loadAll();
    expect(entries.filter((e) => e.source === 'faq-vorschlag')).toHaveLength(1);
    const asked = await connector.say(bot.messagesUrl, {
      user: alex,
      text: 'Wie buche ich den Konferenzraum Merkur?',
    });
    expect(visibleText(cardOf(asked.replies[0]))).toContain('Raumpostfach');
  });

  it('adds a proposal as a further phrasing of an existing entry, and rejects another', async () => {
    const repository = new KnowledgeRepository(bot.store, systemClock);
    const target = (await repository.loadAll()).find((e) =>
      e.questions.includes('Wie ändere ich mein Passwort?'),
    );
    await connector.say(bot.messagesUrl, {
      user: patti,
      value: { verb: 'faqPhrasing', proposalId: 'ticket-t2', entryId: target?.id },
    });
    const changed = (await repository.loadAll()).find((e) => e.id === target?.id);
    expect(changed?.questions).toContain('Passwort wechseln geht wie?');

    const rejected = await connector.say(bot.messagesUrl, {
      user: patti,
      value: { verb: 'faqReject', proposalId: 'ticket-t3' },
    });
    expect(visibleText(cardOf(rejected.replies[0]))).toContain('Abgelehnt');
    const left = await connector.say(bot.messagesUrl, { user: isaiah, text: 'faq vorschläge' });
    expect(left.replies[0]?.text).toMatch(/keine offenen/);

    const audit = await new AuditLog(bot.store, systemClock).since(new Date(0));
    expect(audit.map((entry) => [entry.action, entry.actor.id, entry.target])).toEqual([
      ['faq.accept-entry', isaiah.aadObjectId, 'ticket-t1'],
      ['faq.accept-phrasing', patti.aadObjectId, 'ticket-t2'],
      ['faq.reject', patti.aadObjectId, 'ticket-t3'],
    ]);
  });
});
