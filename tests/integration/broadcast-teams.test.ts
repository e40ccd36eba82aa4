import { join } from 'node:path';
import { AuditLog } from '../../services/audit';
import { ConnectorSender } from '../../bot/proactive';
import { requestPendingApprovals } from '../../dialogs/announcements';
import {
  Audiences,
  BROADCASTS_CONTAINER,
  Broadcasts,
  type Broadcast,
} from '../../services/broadcast';
import { systemClock } from '../../services/clock';
import { createDirectory } from '../../services/directory';
import { silentLogger } from '../../services/logging';
import { UserProfiles } from '../../services/users';
import { ConnectorDouble, type Activity, type TestUser } from '../support/connector-double';
import { startTestBot, type TestBot } from '../support/test-bot';
import { courseService } from '../support/course-service';

const ORG = join(__dirname, '../fixtures/broadcast/org.json');
const ORG_GROUPS = {
  lotsen: 'group-lotsen',
  central: 'group-central',
  organisers: 'group-organisers',
};

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
      DIRECTORY_FILE: ORG,
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

  it('offers the units of the directory and names the ones it does not know', async () => {
    const form = await double.say(bot.messagesUrl, { user: emil, text: 'mitteilung' });
    const picker = readable(form.replies[0]);
    expect(picker).toContain('"isMultiSelect":true');
    const units = [
      'Fachbereich 2 Bürgerservice',
      'Fachbereich 3',
      'Fachbereich 3 / Abteilung 3.1 Steuern',
      'SFZ Nord',
    ];
    for (const unit of units) {
      expect(picker).toContain(`"value":"${unit}"`);
    }

    const draft = { title: 'Umzug', text: 'Das Büro zieht um.', audience: 'units' };
    const refused = await submit(
      emil,
      { verb: 'announce.preview', ...draft, units: 'Fachbereich 3,Bauamt' },
      form.replies[0]?.id,
    );
    const refill = readable(refused.calls.find((c) => c.op === 'update')?.activity);
    expect(refill).toContain('Diese Bereiche kennt das Verzeichnis nicht: Bauamt');
    expect(refused.replies.map(readable).join()).not.toContain('announce.send');

    const previewed = await submit(emil, {
      verb: 'announce.preview',
      ...draft,
      units: 'fachbereich 3,SFZ Nord',
    });
    expect(readable(previewed.replies[1])).toContain('announce.send');
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

  /** The id on the draft's report card, after a preview. */
  async function preview(person: TestUser, form: Record<string, unknown>) {
    const answer = await submit(person, { verb: 'announce.preview', ...form });
    const draft = answer.replies[1];
    const broadcastId = /"broadcastId":"([^"]+)"/.exec(readable(draft))?.[1] as string;
    return { answer, draft, broadcastId };
  }

  it('asks the other organisers once to approve a large send submitted outside Teams', async () => {
    const directory = createDirectory({ kind: 'file', path: ORG, groups: ORG_GROUPS });
    const broadcasts = new Broadcasts({
      store: bot.store,
      audiences: new Audiences(bot.store, directory),
      approvalThreshold: 3,
    });
    // As the announcements API or `lotse courses announce` submit it: no turn, nobody asked.
    const { id } = await broadcasts.create({
      title: 'Neue Telefonanlage',
      createdBy: 'app:booking-system',
      audience: { kind: 'installed' },
      messages: { de: { text: 'Ab Montag gilt die neue Durchwahl.' } },
    });
    expect((await broadcasts.submit(id)).needsApproval).toBe(true);
    const services = {
      announcements: { broadcasts, sender: new ConnectorSender() },
      directory,
      profiles: new UserProfiles(bot.store, systemClock),
      logger: silentLogger,
    };

    double.clear();
    await requestPendingApprovals(services);
    await requestPendingApprovals(services);
    for (const organiser of [emil, fiona]) {
      const requests = double.calls.filter(
        (c) => c.conversationId === double.conversationIdOf(organiser),
      );
      expect(requests).toHaveLength(1);
      expect(readable(requests[0]?.activity)).toContain('announce.approve');
    }
    expect(double.calls).toHaveLength(2);
  });

  it('names every problem in the form and keeps what was typed', async () => {
    const { answer } = await preview(emil, {
      title: 'Wartung',
      text: '',
      linkTitle: 'Mehr',
      linkUrl: 'http://intranet',
      audience: 'installed',
    });
    const form = readable(answer.replies[0]);
    expect(answer.replies).toHaveLength(1);
    expect(form).toContain('Bitte einen Text angeben.');
    expect(form).toContain('Die Adresse des Links muss mit https:// beginnen.');
    expect(form).toContain('"value":"http://intranet"');
  });

  it('schedules an announcement for a later time', async () => {
    const inTwoDays = new Date(Date.now() + 2 * 24 * 3600_000).toISOString().slice(0, 10);
    const { draft, broadcastId } = await preview(emil, {
      title: 'Neue Drucker',
      text: 'Ab Montag mit Dienstausweis.',
      audience: 'group',
      groupId: 'group-organisers',
      sendDate: inTwoDays,
      sendTime: '09:00',
    });
    expect(readable(draft)).toContain('Geplant für');
    const sent = await submit(emil, { verb: 'announce.send', broadcastId }, draft?.id);
    expect(readable(sent.replies.at(-1))).toContain('eingeplant');
    const stored = await bot.store.get<Broadcast>(BROADCASTS_CONTAINER, broadcastId);
    expect(stored).toMatchObject({ status: 'queued' });
    expect(new Date(stored?.sendAt ?? 0).toISOString().slice(0, 10)).toBe(inTwoDays);
  });

  it('lets organisers edit a sent announcement in every delivered card and download its report once', async () => {
    const { draft, broadcastId } = await preview(emil, {
      title: 'Schulung Teams',
      text: 'Am Dienstag um 9 Uhr.',
      imageUrl: 'https://intranet.stadt.example/teams.png',
      audience: 'group',
      groupId: 'group-organisers',
    });
    double.clear();
    await submit(emil, { verb: 'announce.send', broadcastId }, draft?.id);
    const sends = () =>
      double.calls.filter((c) => c.op === 'send' && readable(c.activity).includes('Schulung'));
    await until(() => sends().length === 2);
    const deliveredCards = new Set(sends().map((c) => c.activityId));

    const refused = await submit(ben, { verb: 'announce.edit', broadcastId });
    expect(readable(refused.replies[0])).toContain('Organisatorinnen und Organisatoren');
    const form = await submit(fiona, { verb: 'announce.edit', broadcastId });
    expect(readable(form.replies[0])).toContain('announce.update');
    expect(readable(form.replies[0])).toContain('Schulung Teams');
    expect(readable(form.replies[0])).toContain('https://intranet.stadt.example/teams.png');

    double.clear();
    await submit(fiona, {
      verb: 'announce.update',
      broadcastId,
      title: 'Schulung Teams – neuer Raum',
      text: 'Am Dienstag um 9 Uhr in Raum 2.014.',
      imageUrl: 'https://intranet.stadt.example/teams.png',
      acknowledge: 'true',
      // An edit keeps audience and time, whatever the submit says.
      audience: 'installed',
    });
    const updates = () =>
      double.calls.filter((c) => c.op === 'update' && readable(c.activity).includes('neuer Raum'));
    await until(() => updates().length === 2);
    expect(new Set(updates().map((c) => c.activityId))).toEqual(deliveredCards);
    expect(readable(updates()[0]?.activity)).toContain('Aktualisiert');
    const stored = await bot.store.get<Broadcast>(BROADCASTS_CONTAINER, broadcastId);
    expect(stored?.audience).toEqual({ kind: 'group', groupId: 'group-organisers' });

    const refusedCsv = await submit(ben, { verb: 'announce.csv', broadcastId });
    expect(readable(refusedCsv.replies[0])).toContain('Organisatorinnen und Organisatoren');
    const csvCard = await submit(emil, { verb: 'announce.csv', broadcastId });
    const link = /https?:\/\/[^"]+\/announcements\/report\/[\w-]+\.csv/.exec(
      readable(csvCard.replies[0]),
    )?.[0] as string;
    const path = new URL(link).pathname;
    const csv = await fetch(new URL(path, bot.url));
    expect(csv.status).toBe(200);
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).join('\n')).toMatch(/Emil/);
    expect((await fetch(new URL(path, bot.url))).status).toBe(404);

    const audit = await new AuditLog(bot.store, systemClock).since(new Date(0));
    expect(
      audit.filter((e) => e.target === broadcastId).map((e) => [e.action, e.actor.id]),
    ).toEqual([
      ['broadcast.send', emil.aadObjectId],
      ['broadcast.edit', fiona.aadObjectId],
      ['broadcast.report-export', emil.aadObjectId],
    ]);
  }, 30_000);

  it('sends to the people of a course: registered and on the waitlist', async () => {
    const courses = courseService(bot.store, {
      directory: createDirectory({ kind: 'file', path: ORG, groups: ORG_GROUPS }),
      baseUrl: bot.url,
    });
    const year = new Date().getFullYear() + 1;
    const imported = await courses.importCsv(
      [
        'KursId;Titel;Beschreibung;Beginn;Ende;Ort;Modus;OnlineLink;Plaetze;Anmeldeschluss;Zielgruppe',
        `KI-1;Sprechstunde KI;Ein Platz.;${year}-03-11T10:00;${year}-03-11T11:00;Rathaus;praesenz;;1;${year}-03-10T12:00;alle`,
      ].join('\n'),
      { id: 'cli:test' },
    );
    expect(imported.ok).toBe(true);
    await courses.registrations.register('KI-1', anna.aadObjectId as string);
    await courses.registrations.register('KI-1', ben.aadObjectId as string);

    const form = await double.say(bot.messagesUrl, { user: emil, text: 'mitteilung' });
    expect(readable(form.replies[0])).toContain('Sprechstunde KI');
    const missing = await submit(emil, {
      verb: 'announce.preview',
      title: 'Raum geändert',
      text: 'Wir treffen uns in Raum 3.',
      audience: 'course',
    });
    expect(readable(missing.replies[0])).toContain('Bitte einen kommenden Kurs wählen.');
    const { draft } = await preview(emil, {
      title: 'Raum geändert',
      text: 'Wir treffen uns in Raum 3.',
      audience: 'course',
      courseId: 'KI-1',
    });
    expect(readable(draft)).toContain('"Empfängerinnen und Empfänger","value":"2"');
  });
});
