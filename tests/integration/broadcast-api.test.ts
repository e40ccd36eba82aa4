import type { AddressInfo } from 'node:net';
import { SignJWT, createLocalJWKSet } from 'jose';
import restify from 'restify';
import { registerAnnouncementsApi } from '../../bot/api/announcements';
import { SEND_ROLE, apiTokenVerifier } from '../../bot/api/api-token';
import { AuditLog } from '../../services/audit';
import { systemClock } from '../../services/clock';
import { Audiences, Broadcasts, DeliveryReports } from '../../services/broadcast';
import { createDirectory, UnitCatalog } from '../../services/directory';
import { silentLogger } from '../../services/logging';
import { SqliteStore } from '../../services/storage';
import { ConnectorDouble } from '../support/connector-double';
import { createSigningKey, type SigningKey } from '../support/tokens';
import { fastWorker, installUsers } from '../fixtures/broadcast/pipeline-setup';

const TENANT = '11111111-1111-4111-8111-111111111111';
const AUDIENCE = 'api://digitallotse-announcements';
const CLIENT = 'a0a0a0a0-0000-4000-8000-000000000042';

describe('the announcements API', () => {
  let key: SigningKey;
  let stranger: SigningKey;
  let store: SqliteStore;
  let audit: AuditLog;
  let double: ConnectorDouble;
  let server: restify.Server;
  let url: string;

  beforeAll(async () => {
    [key, stranger] = await Promise.all([createSigningKey(), createSigningKey()]);
    double = await new ConnectorDouble().start();
    store = new SqliteStore({ path: ':memory:' });
    await installUsers(store, double, 3);
    const directory = createDirectory({ kind: 'demo' });
    const broadcasts = new Broadcasts({ store, audiences: new Audiences(store, directory) });
    audit = new AuditLog(store, systemClock);
    server = restify.createServer();
    server.use(restify.plugins.bodyParser({ mapParams: false }));
    registerAnnouncementsApi(server, {
      broadcasts,
      reports: new DeliveryReports(store),
      audit,
      verify: apiTokenVerifier({
        audience: AUDIENCE,
        tenantId: TENANT,
        keys: createLocalJWKSet({ keys: [key.jwk] }),
      }),
      units: new UnitCatalog(directory, systemClock),
      logger: silentLogger,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await double.stop();
    await store.close();
  });

  async function token(
    claims: Record<string, unknown> = {},
    signer: SigningKey = key,
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      aud: AUDIENCE,
      iat: now,
      exp: now + 600,
      roles: [SEND_ROLE],
      azp: CLIENT,
      tid: TENANT,
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid: signer.kid })
      .sign(signer.privateKey);
  }

  async function call(
    method: string,
    path: string,
    options: { bearer?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: unknown; text: string }> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(options.bearer && { authorization: `Bearer ${options.bearer}` }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // CSV
    }
    return { status: response.status, body, text };
  }

  const announcement = {
    title: 'Wartung am Samstag',
    text: 'Outlook ist zwischen 6 und 8 Uhr nicht erreichbar.',
    audience: { kind: 'installed' },
  };

  it.each([
    ['no token', async () => undefined, 401],
    ['a token signed by another key', async () => token({}, stranger), 401],
    ['a token for another API', async () => token({ aud: 'api://other' }), 401],
    ['an expired token', async () => token({ exp: Math.floor(Date.now() / 1000) - 60 }), 401],
    ['a token without the send role', async () => token({ roles: ['Announcements.Read'] }), 403],
  ])('refuses %s', async (_name, bearer, status) => {
    const answer = await call('POST', '/api/announcements', {
      bearer: await bearer(),
      body: announcement,
    });
    expect(answer.status).toBe(status);
  });

  it('explains what is wrong with a request body', async () => {
    const answer = await call('POST', '/api/announcements', {
      bearer: await token(),
      body: { ...announcement, audience: { kind: 'units', departments: [] } },
    });
    expect(answer).toMatchObject({
      status: 400,
      body: { problems: [expect.stringMatching(/^audience/)] },
    });
  });

  it('refuses units the directory does not know, naming them, and creates nothing', async () => {
    const before = (await audit.since(new Date(0))).length;
    const answer = await call('POST', '/api/announcements', {
      bearer: await token(),
      body: {
        ...announcement,
        audience: { kind: 'units', departments: ['Fachbereich 3 Finanzen', 'FB 99 Raumfahrt'] },
      },
    });
    expect(answer).toMatchObject({
      status: 400,
      body: { problems: ['audience.departments: unbekannte Einheiten: FB 99 Raumfahrt'] },
    });
    expect(await audit.since(new Date(0))).toHaveLength(before);
  });

  it('accepts units the directory knows, in any spelling', async () => {
    const answer = await call('POST', '/api/announcements', {
      bearer: await token(),
      body: {
        ...announcement,
        audience: { kind: 'units', departments: ['fachbereich 3  finanzen'] },
      },
    });
    expect(answer.status).toBe(202);
    // Recalled at once, so that the tests below deliver only their own announcements.
    const { id } = answer.body as { id: string };
    const bearer = await token();
    expect((await call('POST', `/api/announcements/${id}/recall`, { bearer })).status).toBe(202);
  });

  it('sends an announcement, reports on it, edits and recalls it', async () => {
    double.clear();
    const bearer = await token();
    const created = await call('POST', '/api/announcements', { bearer, body: announcement });
    expect(created).toMatchObject({
      status: 202,
      body: { status: 'queued', recipients: 3, reachable: 3, needsApproval: false },
    });
    const id = (created.body as { id: string }).id;
    await fastWorker(store).runUntilIdle();

    expect(await call('GET', `/api/announcements/${id}`, { bearer })).toMatchObject({
      status: 200,
      body: { status: 'completed', sent: 3, pending: 0 },
    });
    const csv = await call('GET', `/api/announcements/${id}/report.csv`, { bearer });
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(4);

    const edited = await call('PATCH', `/api/announcements/${id}`, {
      bearer,
      body: { title: 'Wartung verschoben', text: 'Neuer Termin: Sonntag.' },
    });
    expect(edited).toMatchObject({ status: 202, body: { revision: 2 } });
    await fastWorker(store).runUntilIdle();
    expect(double.calls.filter((c) => c.op === 'update')).toHaveLength(3);
    await call('POST', `/api/announcements/${id}/recall`, { bearer });
    await fastWorker(store).runUntilIdle();
    expect(double.calls.filter((c) => c.op === 'delete')).toHaveLength(3);
    expect(await call('GET', `/api/announcements/${id}`, { bearer })).toMatchObject({
      body: { recalled: true, recalledCards: 3 },
    });
    expect(
      (await call('PATCH', `/api/announcements/${id}`, { bearer, body: { title: 'x', text: 'y' } }))
        .status,
    ).toBe(409);
    const audited = (await audit.since(new Date(0))).filter((entry) => entry.target === id);
    expect(audited.map((entry) => [entry.action, entry.actor.id])).toEqual([
      ['broadcast.send', `app:${CLIENT}`],
      ['broadcast.edit', `app:${CLIENT}`],
      ['broadcast.recall', `app:${CLIENT}`],
    ]);
  });

  it('sends an image and leaves out the read button when asked', async () => {
    double.clear();
    const created = await call('POST', '/api/announcements', {
      bearer: await token(),
      body: {
        ...announcement,
        image: { url: 'https://intranet.stadt.example/wartung.png', altText: 'Wartung' },
        acknowledge: false,
      },
    });
    expect(created.status).toBe(202);
    await fastWorker(store).runUntilIdle();
    const cards = double.calls
      .filter((c) => c.op === 'send')
      .map((c) => JSON.stringify(c.activity));
    expect(cards).toHaveLength(3);
    for (const card of cards) {
      expect(card).toContain('https://intranet.stadt.example/wartung.png');
      expect(card).not.toContain('announcementRead');
    }
  });

  it('refuses an image that is not https', async () => {
    const answer = await call('POST', '/api/announcements', {
      bearer: await token(),
      body: { ...announcement, image: { url: 'http://intranet/x.png', altText: 'x' } },
    });
    expect(answer).toMatchObject({
      status: 400,
      body: { problems: [expect.stringMatching(/^image/)] },
    });
  });

  it('answers 404 for an announcement that does not exist', async () => {
    const bearer = await token();
    expect((await call('GET', '/api/announcements/nope', { bearer })).status).toBe(404);
    expect((await call('POST', '/api/announcements/nope/recall', { bearer })).status).toBe(404);
  });
});
