import { join } from 'node:path';
import { ConnectorDouble, type Activity, type TestUser } from '../support/connector-double';
import { startTestBot, type TestBot } from '../support/test-bot';

const user = (name: string, suffix: string): TestUser => ({
  id: `29:${name}`,
  name,
  aadObjectId: `00000000-0000-4000-8000-0000000000${suffix}`,
});
const anna = user('anna', 'a1');
const ben = user('ben', 'b2');
const emil = user('emil', 'e6'); // organiser
const fiona = user('fiona', 'f7'); // organiser

/** Every text a person reads on the activity's cards and in its text. */
function readable(activity: Activity | undefined): string {
  return JSON.stringify([activity?.text, activity?.attachments]);
}

describe('announcements in Teams', () => {
  let double: ConnectorDouble;
  let bot: TestBot;

  beforeAll(async () => {
    double = await new ConnectorDouble().start();
    bot = await startTestBot({
      DIRECTORY_FILE: join(__dirname, '../fixtures/broadcast/org.json'),
      BROADCAST_APPROVAL_THRESHOLD: '3',
    });
    for (const person of [anna, ben, emil, fiona]) await double.install(bot.messagesUrl, person);
  });
  afterAll(async () => {
    await bot.dispose();
    await double.stop();
  });

  const submit = (person: TestUser, value: Record<string, unknown>, replyToId?: string) =>
    double.say(bot.messagesUrl, { user: person, value, replyToId });

  /** Waits (bounded) until the double has seen what the worker is expected to do. */
  async function until(done: () => boolean): Promise<void> {
    for (let waited = 0; !done() && waited < 15_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('lets only organisers compose', async () => {
    const refused = await double.say(bot.messagesUrl, { user: ben, text: 'mitteilung' });
    expect(readable(refused.replies[0])).toContain('Organisatorinnen und Organisatoren');
    const form = await double.say(bot.messagesUrl, { user: emil, text: 'mitteilung' });
    expect(readable(form.replies[0])).toContain('announce.preview');
  });

  it('goes from preview through approval and delivery to a recall', async () => {
    const preview = await submit(emil, {
      verb: 'announce.preview',
      title: 'Wartung am Samstag',
      text: 'Outlook ist zwischen 6 und 8 Uhr nicht erreichbar.',
      audience: 'installed',
    });
    const [card, draft] = preview.replies;
    expect(readable(card)).toContain('Wartung am Samstag');
    expect(readable(draft)).toContain('announce.send');
    const broadcastId = /"broadcastId":"([^"]+)"/.exec(readable(draft))?.[1] as string;

    // Four recipients, threshold three: a second organiser has to approve.
    double.clear();
    const sent = await submit(emil, { verb: 'announce.send', broadcastId }, draft?.id);
    expect(sent.calls.filter((c) => c.op === 'update')).toHaveLength(1);
    const request = double.calls.find((c) => c.conversationId === double.conversationIdOf(fiona));
    expect(readable(request?.activity)).toContain('announce.approve');

    const own = await submit(emil, { verb: 'announce.approve', broadcastId });
    expect(readable(own.replies[0])).toContain('andere Person');
    const stranger = await submit(ben, { verb: 'announce.approve', broadcastId });
    expect(readable(stranger.replies[0])).toContain('Organisatorinnen und Organisatoren');

    double.clear();
    await submit(fiona, { verb: 'announce.approve', broadcastId }, request?.activityId);
    const delivered = () =>
      double.calls.filter(
        (c) => c.op === 'send' && readable(c.activity).includes('announcementRead'),
      );
    await until(() => delivered().length === 4);
    expect(new Set(delivered().map((c) => c.conversationId)).size).toBe(4);

    const read = await submit(anna, { verb: 'announcementRead', broadcastId });
    expect(readable(read.replies[0])).toContain('vermerkt');
    const forged = await submit(anna, { verb: 'announcementRead', broadcastId: 'other' });
    expect(readable(forged.replies[0])).toContain('nicht mehr');

    const report = await submit(emil, { verb: 'announce.report', broadcastId }, draft?.id);
    const reportCard = readable(report.calls.find((c) => c.op === 'update')?.activity);
    expect(reportCard).toContain('"Zugestellt","value":"4"');
    expect(reportCard).toContain('"Gelesen","value":"1"');

    const deliveredCards = new Set(delivered().map((c) => c.activityId));
    double.clear();
    await submit(emil, { verb: 'announce.recall', broadcastId }, draft?.id);
    await until(() => double.calls.filter((c) => c.op === 'delete').length === 4);
    const deleted = double.calls.filter((c) => c.op === 'delete').map((c) => c.activityId);
    expect(new Set(deleted)).toEqual(deliveredCards);
  }, 30_000);
});
