/**
 * The Graph adapter that installs the bot's Teams app for a user, against the local
 * Graph-shaped server: install, find the installation, read its 1:1 chat.
 */
import demo from '../../services/directory/demo/demo-organisation.json';
import { createGraphClient } from '../../services/directory';
import { GraphAppInstaller } from '../../services/teams-apps';
import {
  chatIdOf,
  fakeCredential,
  startGraphServer,
  type GraphServer,
} from '../support/graph-server';

const CATALOG_ID = 'c5a1b3f0-0000-4000-8000-00000000a991';
const MEGAN = '00000000-0000-0000-0000-0000000000021';
const ADELE = '00000000-0000-0000-0000-0000000000022';

let server: GraphServer;

beforeAll(async () => {
  server = await startGraphServer(demo, { appCatalog: [CATALOG_ID] });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.forbidAppInstallation(false);
});

function installer(catalogId = CATALOG_ID): GraphAppInstaller {
  const client = createGraphClient({
    credential: fakeCredential(),
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    retry: { delaySeconds: 0, maxRetries: 0 },
  });
  return new GraphAppInstaller({ client, catalogId });
}

describe('GraphAppInstaller', () => {
  it('installs the app for a user and answers the 1:1 chat with the bot', async () => {
    expect(await installer().installFor(MEGAN)).toEqual({ ok: true, chatId: chatIdOf(MEGAN) });
    expect(server.requests.map((r) => `${r.method} ${decodeURIComponent(r.url)}`)).toEqual([
      `POST /users/${MEGAN}/teamwork/installedApps`,
      expect.stringMatching(
        new RegExp(
          `^GET /users/${MEGAN}/teamwork/installedApps\\?.*teamsApp/id eq '${CATALOG_ID}'`,
        ),
      ),
      expect.stringMatching(new RegExp(`^GET /users/${MEGAN}/teamwork/installedApps/[^/]+/chat$`)),
    ]);
  });

  it('takes an app that is already installed (409) as installed', async () => {
    await installer().installFor(ADELE);
    expect(await installer().installFor(ADELE)).toEqual({ ok: true, chatId: chatIdOf(ADELE) });
  });

  it('reports a missing permission (403) without asking further', async () => {
    server.forbidAppInstallation(true);
    expect(await installer().installFor(MEGAN)).toEqual({ ok: false, reason: 'forbidden' });
    expect(server.requests).toHaveLength(1);
  });

  it('reports an app that is not in the catalog (404)', async () => {
    expect(await installer('not-in-the-catalog').installFor(MEGAN)).toEqual({
      ok: false,
      reason: 'not-in-catalog',
    });
  });

  it('reports Graph as unavailable when it does not answer in time', async () => {
    const client = createGraphClient({
      credential: fakeCredential(),
      baseUrl: server.baseUrl,
      fetch: () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')),
      retry: { delaySeconds: 0, maxRetries: 0 },
    });
    const slow = new GraphAppInstaller({ client, catalogId: CATALOG_ID });
    expect(await slow.installFor(MEGAN)).toEqual({ ok: false, reason: 'unavailable' });
  });
});
