import { ManualClock } from '../../services/clock';
import { OneTimeLinks } from '../../services/downloads';
import { storeSubjects, type StoreSubject } from '../support/store-subjects';

describe.each(storeSubjects)('one-time download links on %s', (_name, openSubject) => {
  let subject: StoreSubject;
  const clock = new ManualClock(new Date('2026-12-03T10:00:00Z'));
  let links: OneTimeLinks;

  beforeAll(async () => {
    subject = await openSubject('links');
    links = new OneTimeLinks(subject.open(), clock);
  });
  afterAll(() => subject.dispose());

  it('gives the payload once', async () => {
    const { token, expiresAt } = await links.create(
      'broadcast-report',
      { broadcastId: 'b1' },
      60_000,
    );
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toEqual(new Date('2026-12-03T10:01:00Z'));
    expect(await links.take('broadcast-report', token)).toEqual({ broadcastId: 'b1' });
    expect(await links.take('broadcast-report', token)).toBeUndefined();
  });

  it('gives nothing after it expired', async () => {
    const { token } = await links.create('broadcast-report', { broadcastId: 'b2' }, 60_000);
    clock.advance(60_000);
    expect(await links.take('broadcast-report', token)).toBeUndefined();
  });

  it.each(['', 'abc', '../../etc/passwd', 'x'.repeat(43), `${'a'.repeat(42)}/`])(
    'gives nothing for the token %j',
    async (token) => {
      expect(await links.take('broadcast-report', token)).toBeUndefined();
    },
  );

  it('hands the payload to exactly one of several requests at once', async () => {
    const { token } = await links.create('broadcast-report', { broadcastId: 'b3' }, 60_000);
    const other = new OneTimeLinks(subject.open(), clock);
    const taken = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? links : other).take('broadcast-report', token)),
    );
    expect(taken.filter((payload) => payload !== undefined)).toEqual([{ broadcastId: 'b3' }]);
  });
});
