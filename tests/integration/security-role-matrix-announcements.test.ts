/**
 * Who may use which card verb and command, part 2: announcements, FAQ proposals and own data
 * — every row × 8 roles, over HTTP against the real bot (see tests/support/role-matrix.ts).
 *
 * Announcements — organisers only, a draft is sent or discarded by its author, approved or
 * declined by another organiser, "Gelesen" by a recipient; FAQ proposals — organisers and
 * admins; own data — everyone in the tenant. A tenant outside ALLOWED_TENANT_IDS is refused
 * before any of it runs.
 */
import {
  Audiences,
  BROADCASTS_CONTAINER,
  Broadcasts,
  READS_CONTAINER,
  deliveryIdOf,
  type Delivery,
} from '../../services/broadcast';
import { createDirectory } from '../../services/directory';
import { DOWNLOADS_CONTAINER } from '../../services/downloads';
import { FAQ_PROPOSALS_CONTAINER, KNOWLEDGE_CONTAINER, proposeFaq } from '../../services/knowledge';
import { PRIVACY_EXPORTS_CONTAINER } from '../../services/privacy';
import {
  IN_TENANT,
  adele,
  alex,
  hasCard,
  isaiah,
  megan,
  readable,
  commandRow,
  roleMatrix,
  type Attempt,
  type Row,
} from '../support/role-matrix';

roleMatrix('who may use announcement, FAQ and privacy verbs', (m) => {
  const broadcasts = () =>
    new Broadcasts({
      store: m.bot.store,
      audiences: new Audiences(m.bot.store, createDirectory({ kind: 'demo' })),
      approvalThreshold: 0,
    });
  /** A draft by Isaiah, or one by Adele that waits for a second organiser. */
  async function broadcast(state: 'draft' | 'awaiting-approval' = 'draft'): Promise<string> {
    const all = broadcasts();
    const author = state === 'draft' ? isaiah : adele;
    const { id } = await all.create({
      title: `Mitteilung ${m.next()}`,
      createdBy: author.aadObjectId!,
      audience: { kind: 'installed' },
      messages: { de: { text: 'Wartung am Samstag.' } },
      content: { title: 'Wartung', text: 'Wartung am Samstag.', audience: 'installed' },
    });
    if (state === 'awaiting-approval') {
      await all.submit(id);
      // As if the organisers had been asked: the bot's timer leaves it alone then.
      await all.claimApprovalRequest(id);
    }
    return id;
  }
  const broadcastState = (broadcastId: string) => async () => [
    await m.docs([BROADCASTS_CONTAINER, broadcastId])(),
    await m.containers(DOWNLOADS_CONTAINER, READS_CONTAINER)(),
  ];
  const broadcastRow = (
    verb: string,
    state: 'draft' | 'awaiting-approval',
    shown?: Attempt['shown'],
  ): Row => ({
    action: `announcement card: ${verb}`,
    allowed: ['organiser'],
    arrange: async () => {
      const broadcastId = await broadcast(state);
      return { value: { verb, broadcastId }, watch: broadcastState(broadcastId), shown };
    },
  });

  return [
    {
      action: 'announcement form: announce.preview',
      allowed: ['organiser'],
      arrange: async () => ({
        watch: m.containers(BROADCASTS_CONTAINER),
        value: {
          verb: 'announce.preview',
          title: `Wartung ${m.next()}`,
          text: 'Outlook ist am Samstag nicht erreichbar.',
          audience: 'installed',
        },
      }),
    },
    broadcastRow('announce.send', 'draft'),
    broadcastRow('announce.discard', 'draft'),
    broadcastRow('announce.approve', 'awaiting-approval'),
    broadcastRow('announce.decline', 'awaiting-approval'),
    broadcastRow('announce.report', 'draft', hasCard('announce.')),
    broadcastRow('announce.recall', 'awaiting-approval'),
    broadcastRow('announce.edit', 'draft', hasCard('announce.update')),
    {
      action: 'announcement form: announce.update',
      allowed: ['organiser'],
      arrange: async () => {
        const broadcastId = await broadcast();
        return {
          watch: broadcastState(broadcastId),
          value: {
            verb: 'announce.update',
            broadcastId,
            title: 'Wartung (geändert)',
            text: 'Outlook ist am Sonntag nicht erreichbar.',
            audience: 'installed',
          },
        };
      },
    },
    broadcastRow('announce.csv', 'draft', hasCard('/announcements/report/')),
    {
      action: 'announcement card: announcementRead (Gelesen)',
      allowed: ['asker'],
      arrange: async () => {
        const broadcastId = await broadcast();
        const recipientId = `aad:${alex.aadObjectId!}`;
        await m.bot.store.create<Delivery>('deliveries', {
          id: deliveryIdOf(broadcastId, recipientId),
          broadcastId,
          recipientId,
          batch: 0,
          language: 'de',
          status: 'sent',
          failures: 0,
          throttles: 0,
        } as Delivery);
        return {
          value: { verb: 'announcementRead', broadcastId },
          watch: broadcastState(broadcastId),
        };
      },
    },
    ...['faqAccept', 'faqPhrasing', 'faqReject'].map((verb): Row => ({
      action: `FAQ proposal card: ${verb}`,
      allowed: ['organiser', 'admin'],
      arrange: async () => {
        const n = m.next();
        const proposal = await proposeFaq(
          m.bot.store,
          { now: () => new Date() },
          {
            question: `Wie drucke ich doppelseitig (${n})?`,
            answer: 'Im Druckdialog „Beidseitig“ wählen.',
            language: 'de',
            proposedBy: { id: megan.aadObjectId!, displayName: 'Megan Bowen' },
            ticketId: `mx-${n}`,
          },
        );
        return {
          value: { verb, proposalId: proposal.id, entryId: '1' },
          watch: async () => [
            await m.docs([FAQ_PROPOSALS_CONTAINER, proposal.id])(),
            await m.containers(KNOWLEDGE_CONTAINER)(),
          ],
        };
      },
    })),
    {
      action: 'privacy card: privacyExport',
      allowed: IN_TENANT,
      arrange: async () => ({
        value: { verb: 'privacyExport' },
        watch: m.containers(PRIVACY_EXPORTS_CONTAINER),
      }),
    },
    commandRow('mitteilung', ['organiser'], hasCard('announce.preview')),
    commandRow(
      'FAQ-Vorschläge',
      ['organiser', 'admin'],
      (turn) => !/nur|only/i.test(readable(turn)),
    ),
    commandRow('Datenschutz', IN_TENANT, hasCard('privacyExport')),
  ];
});
