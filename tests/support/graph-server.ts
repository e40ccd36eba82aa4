/**
 * A local, Graph-shaped HTTPS server for tests: serves an organisation file (the format
 * of services/directory) the way Microsoft Graph v1.0 serves users, managers, group
 * members and automatic replies, with `$select`, `$top` paging via `@odata.nextLink` and
 * `$batch`. It can answer the next requests with 429/503 + Retry-After and counts requests.
 * With `appCatalog` it also installs Teams apps for users (`teamwork/installedApps`) and
 * answers the 1:1 chat of an installation.
 *
 * It uses HTTPS with a certificate made at start, because the Graph SDK sends tokens only
 * over https and builds next-page requests from https links. `server.fetch` trusts that
 * certificate; pass it to the Graph client.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { generate } from 'selfsigned';

/** The parts of an organisation file the server reads. */
export interface GraphOrg {
  users: Array<Record<string, unknown> & { id: string; userPrincipalName: string }>;
  groups: Array<{ id: string; members: Array<{ id: string }> }>;
}

export interface RecordedRequest {
  method: string;
  /** Path below /v1.0 with query, as requested (inner `$batch` steps included). */
  url: string;
  batched: boolean;
  authorized: boolean;
  at: number;
}

export interface GraphServer {
  /** e.g. https://127.0.0.1:43121 — Graph's root without version. */
  baseUrl: string;
  /** A fetch that trusts this server's certificate. */
  fetch: typeof fetch;
  requests: RecordedRequest[];
  /** Answers the next `count` HTTP requests with `status`, with Retry-After if given. */
  failNext(count: number, status: 429 | 503 | 504, retryAfterSeconds?: number): void;
  /** While on, installing an app answers 403 (the permission is not granted). */
  forbidAppInstallation(forbidden: boolean): void;
  close(): Promise<void>;
}

export interface GraphServerOptions {
  /** Largest page the server returns, whatever `$top` asks for (Graph also caps pages). */
  maxPageSize?: number;
  /** Ids of the tenant's app catalog that can be installed for users. */
  appCatalog?: string[];
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

// Graph's default user properties when no $select is given.
const DEFAULT_USER_FIELDS = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];
const USER_TYPE = '#microsoft.graph.user';
const BATCH_LIMIT = 20;

/** A TokenCredential for tests: hands out a fixed token and counts the calls. */
export function fakeCredential(token = 'test-token'): TokenCredential & { calls: number } {
  const credential = {
    calls: 0,
    async getToken(): Promise<AccessToken> {
      credential.calls += 1;
      return { token, expiresOnTimestamp: Date.now() + 3_600_000 };
    },
  };
  return credential;
}

export async function startGraphServer(
  org: GraphOrg,
  options: GraphServerOptions = {},
): Promise<GraphServer> {
  const { private: key, cert } = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const graph = new GraphModel(org, options.maxPageSize ?? 100, options.appCatalog ?? []);
  const requests: RecordedRequest[] = [];
  let failures: Reply[] = [];

  const server: Server = createServer({ key, cert }, (req, res) => {
    void readBody(req).then((body) => {
      const url = (req.url ?? '/').replace(/^\/v1\.0/, '');
      const authorized = /^Bearer \S+/.test(req.headers.authorization ?? '');
      requests.push({
        method: req.method ?? 'GET',
        url,
        batched: false,
        authorized,
        at: Date.now(),
      });
      const reply: Reply =
        failures.shift() ??
        (authorized
          ? graph.handle(req.method ?? 'GET', url, body, (inner) =>
              requests.push({
                method: 'GET',
                url: inner,
                batched: true,
                authorized,
                at: Date.now(),
              }),
            )
          : error(401, 'InvalidAuthenticationToken', 'Access token is empty.'));
      send(res, reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  graph.baseUrl = baseUrl;

  return {
    baseUrl,
    fetch: trustingFetch(cert),
    requests,
    failNext(count, status, retryAfterSeconds) {
      const headers: Record<string, string> =
        retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
      const code = status === 429 ? 'TooManyRequests' : 'ServiceUnavailable';
      failures = Array.from({ length: count }, () => ({
        ...error(status, code, 'Try later.'),
        headers,
      }));
    },
    forbidAppInstallation(forbidden) {
      graph.installationForbidden = forbidden;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Graph's resources over the organisation file. */
class GraphModel {
  baseUrl = '';
  installationForbidden = false;
  /** Catalog ids installed per user (lower-case user id). */
  private readonly installed = new Map<string, Set<string>>();
  private readonly byKey = new Map<string, GraphOrg['users'][number]>();
  private readonly groups: Map<string, GraphOrg['groups'][number]>;

  constructor(
    private readonly org: GraphOrg,
    private readonly maxPageSize: number,
    private readonly appCatalog: string[],
  ) {
    for (const user of org.users) {
      this.byKey.set(user.id.toLowerCase(), user);
      this.byKey.set(user.userPrincipalName.toLowerCase(), user);
    }
    this.groups = new Map(org.groups.map((group) => [group.id, group]));
  }

  handle(method: string, url: string, body: string, onInner: (url: string) => void): Reply {
    if (method === 'POST' && url.split('?')[0] === '/$batch') return this.batch(body, onInner);
    const installing = /^\/users\/([^/?]+)\/teamwork\/installedApps$/.exec(url);
    if (method === 'POST' && installing)
      return this.install(decodeURIComponent(installing[1]!), body);
    if (method !== 'GET') return error(405, 'BadRequest', `${method} is not supported here.`);
    return this.get(url);
  }

  private get(url: string): Reply {
    const parsed = new URL(url, 'https://graph.invalid');
    const segments = parsed.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const query = parsed.searchParams;
    const select = query.get('$select')?.split(',');
    const [collection, key, ...rest] = segments;
    if (collection === 'users' && key === undefined) {
      return this.page(
        '/users',
        this.org.users.map((u) => project(u, select)),
        query,
      );
    }
    if (collection === 'groups' && key !== undefined && rest.join('/') === 'members') {
      const group = this.groups.get(key);
      if (!group) return notFound(`Resource '${key}' does not exist.`);
      const members = group.members
        .map((member) => this.byKey.get(member.id.toLowerCase()))
        .filter((user) => user !== undefined)
        .map((user) => ({ '@odata.type': USER_TYPE, ...project(user, select) }));
      return this.page(`/groups/${key}/members`, members, query);
    }
    if (collection !== 'users' || key === undefined) return notFound(`No route for ${url}.`);
    const user = this.byKey.get(key.toLowerCase());
    if (!user) return notFound(`Resource '${key}' does not exist.`);
    switch (rest.join('/')) {
      case '':
        return { status: 200, body: project(user, select) };
      case 'manager': {
        const managerId = (user.manager as { id?: string } | null | undefined)?.id;
        const manager = managerId ? this.byKey.get(managerId.toLowerCase()) : undefined;
        if (!manager) return notFound(`Resource 'manager' does not exist.`);
        return { status: 200, body: { '@odata.type': USER_TYPE, ...project(manager, select) } };
      }
      case 'teamwork/installedApps':
        return this.installedApps(user.id, query);
      case 'mailboxSettings/automaticRepliesSetting': {
        const settings = user.mailboxSettings as { automaticRepliesSetting?: unknown } | null;
        if (!settings?.automaticRepliesSetting) {
          return error(
            404,
            'MailboxNotEnabledForRESTAPI',
            'The mailbox is either inactive or hosted on-premise.',
          );
        }
        return { status: 200, body: settings.automaticRepliesSetting };
      }
      default: {
        const chat = /^teamwork\/installedApps\/([^/]+)\/chat$/.exec(rest.join('/'));
        if (chat) return this.chatOf(user.id, chat[1]!);
        return notFound(`No route for ${url}.`);
      }
    }
  }

  private install(userKey: string, body: string): Reply {
    const user = this.byKey.get(userKey.toLowerCase());
    if (!user) return notFound(`Resource '${userKey}' does not exist.`);
    if (this.installationForbidden) {
      return error(403, 'Forbidden', 'Missing role permissions on the request.');
    }
    let bind: unknown;
    try {
      bind = (JSON.parse(body) as Record<string, unknown>)['teamsApp@odata.bind'];
    } catch {
      return error(400, 'BadRequest', 'Invalid JSON.');
    }
    const catalogId = /\/appCatalogs\/teamsApps\/([^/]+)$/.exec(String(bind))?.[1];
    if (!catalogId || !this.appCatalog.includes(decodeURIComponent(catalogId))) {
      return notFound('The app is not in the app catalog.');
    }
    const apps = this.installed.get(user.id.toLowerCase()) ?? new Set<string>();
    const id = decodeURIComponent(catalogId);
    if (apps.has(id)) return error(409, 'Conflict', 'App is already installed.');
    apps.add(id);
    this.installed.set(user.id.toLowerCase(), apps);
    return { status: 201, body: { id: installationIdOf(user.id, id) } };
  }

  private installedApps(userId: string, query: URLSearchParams): Reply {
    const wanted = /^teamsApp\/id eq '([^']+)'$/.exec(query.get('$filter') ?? '')?.[1];
    const apps = [...(this.installed.get(userId.toLowerCase()) ?? [])].filter(
      (app) => wanted === undefined || app === wanted,
    );
    const expand = query.get('$expand') === 'teamsApp';
    return {
      status: 200,
      body: {
        value: apps.map((app) => ({
          id: installationIdOf(userId, app),
          ...(expand && { teamsApp: { id: app, externalId: `manifest-${app}` } }),
        })),
      },
    };
  }

  private chatOf(userId: string, installationId: string): Reply {
    const installed = [...(this.installed.get(userId.toLowerCase()) ?? [])].some(
      (app) => installationIdOf(userId, app) === installationId,
    );
    if (!installed) return notFound(`Installation '${installationId}' does not exist.`);
    return { status: 200, body: { id: chatIdOf(userId), chatType: 'oneOnOne' } };
  }

  private page(path: string, items: unknown[], query: URLSearchParams): Reply {
    const top = Math.min(Number(query.get('$top') ?? 100) || 100, this.maxPageSize);
    const offset = Number(query.get('$skiptoken') ?? 0);
    const value = items.slice(offset, offset + top);
    const next = new URLSearchParams(query);
    next.set('$skiptoken', String(offset + top));
    return {
      status: 200,
      body: {
        value,
        ...(offset + top < items.length && {
          '@odata.nextLink': `${this.baseUrl}/v1.0${path}?${decodeURIComponent(next.toString())}`,
        }),
      },
    };
  }

  private batch(body: string, onInner: (url: string) => void): Reply {
    let steps: Array<{ id: string; method: string; url: string }>;
    try {
      steps = (JSON.parse(body) as { requests: typeof steps }).requests;
    } catch {
      return error(400, 'BadRequest', 'Invalid batch payload.');
    }
    if (!Array.isArray(steps) || steps.length > BATCH_LIMIT) {
      return error(400, 'BadRequest', `A batch holds at most ${BATCH_LIMIT} requests.`);
    }
    const responses = steps.map((step) => {
      onInner(step.url);
      const reply =
        step.method === 'GET' ? this.get(step.url) : error(405, 'BadRequest', 'GET only.');
      return {
        id: step.id,
        status: reply.status,
        headers: { 'Content-Type': 'application/json' },
        body: reply.body,
      };
    });
    return { status: 200, body: { responses } };
  }
}

function installationIdOf(userId: string, catalogId: string): string {
  return Buffer.from(`${userId}##${catalogId}`).toString('base64url');
}

/** The id Graph gives the 1:1 chat of a user with an installed bot. */
export function chatIdOf(userId: string): string {
  return `19:${userId.toLowerCase()}_bot@unq.gbl.spaces`;
}

function project(
  user: Record<string, unknown>,
  select: string[] | undefined,
): Record<string, unknown> {
  const fields = select ?? DEFAULT_USER_FIELDS;
  return Object.fromEntries(fields.filter((f) => f in user).map((f) => [f, user[f]]));
}

function error(status: number, code: string, message: string): Reply {
  return { status, body: { error: { code, message } } };
}

function notFound(message: string): Reply {
  return error(404, 'Request_ResourceNotFound', message);
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
  res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** fetch over node:https, trusting one extra certificate (global fetch cannot be told to). */
function trustingFetch(ca: string): typeof fetch {
  return (input, init = {}) => {
    const url =
      typeof input === 'string' || input instanceof URL ? new URL(input) : new URL(input.url);
    if (init.body != null && typeof init.body !== 'string') {
      return Promise.reject(new TypeError('trustingFetch sends string bodies only'));
    }
    const body = init.body ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      const req = request(
        url,
        {
          method: init.method ?? 'GET',
          headers: Object.fromEntries(new Headers(init.headers).entries()),
          ca,
          signal: init.signal ?? undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              if (value !== undefined) {
                headers.set(name, Array.isArray(value) ? value.join(', ') : value);
              }
            }
            const status = res.statusCode ?? 500;
            resolve(
              new Response(status === 204 ? null : Buffer.concat(chunks), { status, headers }),
            );
          });
        },
      );
      req.on('error', (cause) => reject(new TypeError('fetch failed', { cause })));
      req.end(body);
    });
  };
}
