/**
 * The Graph adapter against a local Graph-shaped HTTPS server serving the demo organisation:
 * it must route exactly like the file adapter, page, batch, cache, honour throttling and
 * keep routing to the central team when Graph is gone.
 */
import demo from '../../services/directory/demo/demo-organisation.json';
import {
  createDirectory,
  describeLotsen,
  gatherRoutingInput,
  routeQuestion,
  type OrgDirectory,
  type RoutingResult,
} from '../../services/directory';
import { fakeCredential, startGraphServer, type GraphServer } from '../support/graph-server';

const NOW = new Date('2026-11-24T12:00:00Z');
const ALEX = '00000000-0000-0000-0000-0000000000020';
const SELECT =
  '$select=id,userPrincipalName,displayName,givenName,jobTitle,department,accountEnabled,userType,preferredLanguage';

let server: GraphServer;

beforeAll(async () => {
  server = await startGraphServer(demo, { maxPageSize: 7 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function graphDirectory(
  options: {
    fetch?: typeof fetch;
    cacheTtlMs?: number;
    credential?: ReturnType<typeof fakeCredential>;
  } = {},
): OrgDirectory {
  return createDirectory({
    kind: 'graph',
    credential: options.credential ?? fakeCredential(),
    groups: { lotsen: demo.lotsenGroupId, central: demo.centralGroupId },
    baseUrl: server.baseUrl,
    fetch: options.fetch ?? server.fetch,
    retry: { delaySeconds: 0, maxRetries: 3 },
    cacheTtlMs: options.cacheTtlMs,
  });
}

const outer = () => server.requests.filter((r) => !r.batched);
const comparable = (result: RoutingResult) => ({
  rule: result.rule,
  candidates: result.candidates.map((c) => c.id).sort(),
  pick: result.pick?.id ?? null,
  pickRule: result.pickRule,
});

describe('GraphDirectory', () => {
  it('routes every user of the demo organisation exactly like the file directory', async () => {
    const file = createDirectory({ kind: 'demo' });
    const graph = graphDirectory();
    for (const user of demo.users) {
      const fromFile = await gatherRoutingInput(file, user.id);
      const fromGraph = await gatherRoutingInput(graph, user.userPrincipalName.toUpperCase());
      expect({
        user: user.userPrincipalName,
        ...comparable(routeQuestion(fromGraph, NOW)),
      }).toEqual({
        user: user.userPrincipalName,
        ...comparable(routeQuestion(fromFile, NOW)),
      });
      expect(describeLotsen(fromGraph, NOW)).toEqual(describeLotsen(fromFile, NOW));
    }
  });

  it('lists every user, following @odata.nextLink page by page', async () => {
    const ids: string[] = [];
    for await (const user of graphDirectory().users()) ids.push(user.id);
    expect(ids).toEqual(demo.users.map((u) => u.id));
    expect(outer().length).toBe(Math.ceil(demo.users.length / 7));
    expect(
      outer()
        .slice(1)
        .every((r) => r.url.includes('$skiptoken=')),
    ).toBe(true);
  });

  it('asks Graph only for the fields the bot uses', async () => {
    const directory = graphDirectory();
    const alex = await directory.findUser(ALEX);
    await directory.groupMembers(demo.lotsenGroupId);
    expect(Object.keys(alex ?? {}).sort()).toEqual([
      'accountEnabled',
      'department',
      'displayName',
      'givenName',
      'id',
      'jobTitle',
      'preferredLanguage',
      'userPrincipalName',
      'userType',
    ]);
    const reads = server.requests.filter((r) => r.url !== '/$batch');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.url.includes(SELECT))).toBe(true);
  });

  it('reads a user and their manager in one $batch round trip, then from the cache', async () => {
    const directory = graphDirectory();
    await directory.findUser('Alex.Wilber@stadt-beispiel.de');
    const chain = await directory.managerChain(ALEX);
    await directory.findUser(ALEX);
    expect(chain[0]?.displayName).toBe('Andreas Keller');
    const batch = server.requests.findIndex((r) => r.url === '/$batch');
    expect(server.requests[batch + 1]?.url).toMatch(
      /^\/users\/alex\.wilber%40stadt-beispiel\.de\?/,
    );
    expect(server.requests[batch + 2]?.url).toMatch(
      /^\/users\/alex\.wilber%40stadt-beispiel\.de\/manager\?/,
    );
    // The chain's first step came with the batch; only the steps above it were asked for.
    const managerCalls = outer().filter((r) => r.url.includes('/manager'));
    expect(managerCalls.length).toBe(chain.length);
    expect(outer().filter((r) => r.url === '/$batch')).toHaveLength(1);
  });

  it('reads the automatic replies of more than 20 users in $batch requests of 20', async () => {
    const ids = demo.users.slice(0, 25).map((u) => u.id);
    const replies = await graphDirectory().automaticReplies(ids);
    expect(outer().map((r) => r.url)).toEqual(['/$batch', '/$batch']);
    expect(replies.size).toBe(25);
    const joerg = demo.users.find((u) => u.displayName === 'Jörg Müller');
    expect(
      (await graphDirectory().automaticReplies([joerg?.id ?? ''])).get(joerg?.id ?? '')?.status,
    ).toBe('alwaysEnabled');
  });

  it('sends the token of the configured credential with every request', async () => {
    const credential = fakeCredential();
    await graphDirectory({ credential }).findUser(ALEX);
    expect(credential.calls).toBeGreaterThan(0);
    expect(server.requests.every((r) => r.authorized)).toBe(true);
  });

  it('answers a user Graph does not know with null, routed to the central team', async () => {
    const directory = graphDirectory();
    expect(await directory.findUser('neu@stadt-beispiel.de')).toBeNull();
    const result = routeQuestion(await gatherRoutingInput(directory, 'neu@stadt-beispiel.de'), NOW);
    expect(result.rule).toBe('central');
    expect(result.candidates).toHaveLength(4);
  });

  it('waits out a 429 for as long as Retry-After says, then succeeds', async () => {
    server.failNext(1, 429, 1);
    const alex = await graphDirectory().findUser(ALEX);
    expect(alex?.displayName).toBe('Alex Wilber');
    const [throttled, retried] = outer();
    expect(retried && throttled && retried.at - throttled.at).toBeGreaterThanOrEqual(950);
  });

  it('retries a 503 until Graph answers', async () => {
    server.failNext(2, 503, 0);
    expect((await graphDirectory().findUser(ALEX))?.displayName).toBe('Alex Wilber');
    expect(outer()).toHaveLength(3);
  });

  it('reports itself healthy while Graph answers', async () => {
    expect(await graphDirectory().health()).toEqual({ state: 'ok' });
  });

  it('reports degraded health when the central group does not exist', async () => {
    const directory = createDirectory({
      kind: 'graph',
      credential: fakeCredential(),
      groups: { lotsen: demo.lotsenGroupId, central: 'no-such-group' },
      baseUrl: server.baseUrl,
      fetch: server.fetch,
    });
    expect(await directory.health()).toEqual({
      state: 'degraded',
      detail: expect.stringContaining('no-such-group'),
    });
  });
});

describe('GraphDirectory without Graph', () => {
  const unreachable: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));

  it('still starts, reports degraded health and routes to the central team', async () => {
    const directory = graphDirectory({ fetch: unreachable });
    expect(await directory.health()).toEqual({
      state: 'degraded',
      detail: expect.stringContaining('Microsoft Graph'),
    });
    const input = await gatherRoutingInput(directory, ALEX);
    expect(input.directoryAvailable).toBe(false);
    expect(routeQuestion(input, NOW)).toMatchObject({
      rule: 'central',
      candidates: [],
      pick: null,
    });
  });

  it('routes to the last known central team once Graph goes away, even after the cache expired', async () => {
    let down = false;
    const directory = graphDirectory({
      fetch: (input, init) => (down ? unreachable(input, init) : server.fetch(input, init)),
      cacheTtlMs: 1,
    });
    expect((await directory.health()).state).toBe('ok');
    down = true;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const input = await gatherRoutingInput(directory, ALEX);
    const result = routeQuestion(input, NOW);
    expect(input.directoryAvailable).toBe(false);
    expect(result.rule).toBe('central');
    expect(result.candidates.map((c) => c.department)).toEqual(
      Array(4).fill('Fachbereich Digitalisierung und IT'),
    );
    expect(result.pick).not.toBeNull();
    expect((await directory.health()).state).toBe('degraded');
  });
});
