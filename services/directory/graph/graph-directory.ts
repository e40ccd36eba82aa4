import { GraphError, RetryHandlerOptions, type Client } from '@microsoft/microsoft-graph-client';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { systemClock, type Clock } from '../../clock';
import { silentLogger, type Logger } from '../../logging';
import { toDirectoryUser, USER_FIELDS } from '../graph-user';
import { walkManagerChain } from '../manager-chain';
import { ReadThroughCache } from './read-through-cache';
import {
  DirectoryUnavailableError,
  type AutomaticRepliesSetting,
  type DirectoryGroupIds,
  type DirectoryHealth,
  type DirectoryUser,
  type OrgDirectory,
} from '../types';

export interface GraphDirectoryOptions {
  client: Client;
  groups: DirectoryGroupIds;
  /** How long users, managers and group members are reused. */
  cacheTtlMs?: number;
  /** How long out-of-office settings are reused; shorter, they change during the day. */
  absenceTtlMs?: number;
  /** Upper bound of cached users (and of manager links, and of absence settings). */
  cacheMaxEntries?: number;
  /** How old the last observed outcome may be before `health()` asks Graph again. */
  healthMaxAgeMs?: number;
  clock?: Clock;
  logger?: Logger;
}

const graphUser = z.looseObject({
  '@odata.type': z.string().optional(),
  id: z.string(),
  userPrincipalName: z.string(),
  displayName: z.string().nullish(),
  givenName: z.string().nullish(),
  jobTitle: z.string().nullish(),
  department: z.string().nullish(),
  accountEnabled: z.boolean().nullish(),
  userType: z.string().nullish(),
  preferredLanguage: z.string().nullish(),
});
const page = z.looseObject({
  value: z.array(z.looseObject({ '@odata.type': z.string().optional() })),
  '@odata.nextLink': z.string().optional(),
});
const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string() }).nullish();
const automaticReplies = z.looseObject({
  status: z.enum(['disabled', 'alwaysEnabled', 'scheduled']),
  scheduledStartDateTime: dateTimeTimeZone,
  scheduledEndDateTime: dateTimeTimeZone,
});
const batchResponse = z.object({
  responses: z.array(
    z.object({ id: z.string(), status: z.number(), body: z.unknown().optional() }),
  ),
});

const SELECT = USER_FIELDS.join(',');
const BATCH_LIMIT = 20;
const PAGE_SIZE = 999;
const USER_TYPE = '#microsoft.graph.user';

interface BatchStep {
  id: string;
  url: string;
}
interface BatchAnswer {
  status: number;
  body: unknown;
}

/**
 * The directory from Microsoft Graph (application permissions User.Read.All,
 * GroupMember.Read.All, MailboxSettings.Read). Reads only the fields the bot uses,
 * bundles lookups in `$batch`, caches with a TTL and keeps the last known group members
 * for when Graph cannot be reached, so routing can still reach the central team.
 */
export class GraphDirectory implements OrgDirectory {
  readonly groups: DirectoryGroupIds;
  private readonly client: Client;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly healthMaxAgeMs: number;
  private readonly userCache: ReadThroughCache<{ user: DirectoryUser | null }>;
  private readonly managerCache: ReadThroughCache<{ managerId: string | null }>;
  private readonly memberCache: ReadThroughCache<readonly DirectoryUser[]>;
  private readonly replyCache: LRUCache<string, { setting: AutomaticRepliesSetting | null }>;
  private observed: { health: DirectoryHealth; at: number } | null = null;

  constructor(options: GraphDirectoryOptions) {
    this.client = options.client;
    this.groups = options.groups;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
    this.healthMaxAgeMs = options.healthMaxAgeMs ?? 30_000;
    const ttl = options.cacheTtlMs ?? 15 * 60_000;
    const max = options.cacheMaxEntries ?? 20_000;
    this.userCache = new ReadThroughCache({ max, ttlMs: ttl });
    this.managerCache = new ReadThroughCache({ max, ttlMs: ttl });
    // The last known members outlive an outage: the central team must stay reachable.
    this.memberCache = new ReadThroughCache({ max: 64, ttlMs: ttl, keepLastKnown: true });
    this.replyCache = new LRUCache({ max, ttl: options.absenceTtlMs ?? 5 * 60_000 });
  }

  async findUser(idOrUpn: string): Promise<DirectoryUser | null> {
    const key = idOrUpn.trim().toLowerCase();
    if (key === '') return null;
    return (await this.userCache.get(key, () => this.fetchUser(key))).user;
  }

  async managerChain(userId: string): Promise<readonly DirectoryUser[]> {
    return walkManagerChain(userId, async (id) => {
      const { managerId } = await this.managerCache.get(id, () => this.fetchManager(id));
      return managerId ? this.findUser(managerId) : null;
    });
  }

  async groupMembers(groupId: string): Promise<readonly DirectoryUser[]> {
    return this.memberCache.get(groupId, () => this.fetchMembers(groupId));
  }

  async automaticReplies(
    userIds: readonly string[],
  ): Promise<ReadonlyMap<string, AutomaticRepliesSetting | null>> {
    const missing = [...new Set(userIds)].filter((id) => !this.replyCache.has(id));
    const answers = await this.batch(
      missing.map((id) => ({
        id,
        url: `/users/${encodeURIComponent(id)}/mailboxSettings/automaticRepliesSetting`,
      })),
    );
    for (const [id, answer] of answers) {
      const parsed = automaticReplies.safeParse(answer.body);
      // No mailbox (403/404, e.g. no licence): no automatic replies to honour.
      const setting = answer.status === 200 && parsed.success ? parsed.data : null;
      if (setting || answer.status === 403 || answer.status === 404) {
        this.replyCache.set(id, { setting });
      }
    }
    return new Map(userIds.map((id) => [id, this.replyCache.get(id)?.setting ?? null]));
  }

  async *users(): AsyncIterable<DirectoryUser> {
    for await (const raw of this.pages(`/users?$select=${SELECT}&$top=${PAGE_SIZE}`)) {
      yield toDirectoryUser(graphUser.parse(raw));
    }
  }

  async health(): Promise<DirectoryHealth> {
    const fresh =
      this.observed && this.clock.now().getTime() - this.observed.at <= this.healthMaxAgeMs;
    if (!fresh) await this.probe();
    return this.observed?.health ?? { state: 'degraded', detail: 'Microsoft Graph: ungeprüft' };
  }

  /** Reads the central team without retries: answers quickly and refreshes the fallback. */
  private async probe(): Promise<void> {
    const central = this.groups.central;
    try {
      const members = await this.collect(
        this.pages(this.membersPath(central), [new RetryHandlerOptions(0, 0)]),
      );
      this.memberCache.set(central, members);
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) {
        this.observe({ state: 'degraded', detail: `Gruppe des zentralen Teams ${central} fehlt` });
      } else if (!(error instanceof DirectoryUnavailableError)) {
        throw error;
      }
    }
  }

  private async fetchUser(key: string): Promise<{ user: DirectoryUser | null }> {
    const path = `/users/${encodeURIComponent(key)}`;
    // One round trip for the user and the first step of the manager chain.
    const answers = await this.batch([
      { id: 'user', url: `${path}?$select=${SELECT}` },
      { id: 'manager', url: `${path}/manager?$select=${SELECT}` },
    ]);
    const answer = answers.get('user');
    if (answer && ![200, 400, 404].includes(answer.status)) {
      throw this.unavailable(`Microsoft Graph: HTTP ${answer.status} beim Lesen eines Nutzers`);
    }
    const found = this.userOf(answer);
    if (!found) return { user: null };
    this.userCache.set(found.id.toLowerCase(), { user: found });
    this.userCache.set(found.userPrincipalName.toLowerCase(), { user: found });
    const manager = this.userOf(answers.get('manager'));
    if (manager) this.userCache.set(manager.id.toLowerCase(), { user: manager });
    const managerAnswer = answers.get('manager')?.status;
    if (manager || managerAnswer === 404) {
      this.managerCache.set(found.id, { managerId: manager?.id ?? null });
    }
    return { user: found };
  }

  private async fetchManager(userId: string): Promise<{ managerId: string | null }> {
    const raw = await this.get(`/users/${encodeURIComponent(userId)}/manager?$select=${SELECT}`);
    const manager = raw === null ? null : this.userOf({ status: 200, body: raw });
    if (manager) this.userCache.set(manager.id.toLowerCase(), { user: manager });
    return { managerId: manager?.id ?? null };
  }

  private async fetchMembers(groupId: string): Promise<readonly DirectoryUser[]> {
    try {
      return await this.collect(this.pages(this.membersPath(groupId)));
    } catch (error) {
      // An unknown group is a configuration mistake, not an outage: it has no members.
      if (error instanceof GraphError && error.statusCode === 404) return [];
      throw error;
    }
  }

  private membersPath(groupId: string): string {
    return `/groups/${encodeURIComponent(groupId)}/members?$select=${SELECT}&$top=${PAGE_SIZE}`;
  }

  private async collect(objects: AsyncIterable<Record<string, unknown>>): Promise<DirectoryUser[]> {
    const users: DirectoryUser[] = [];
    for await (const raw of objects) {
      // Groups can also hold devices, contacts and nested groups.
      if (raw['@odata.type'] === undefined || raw['@odata.type'] === USER_TYPE) {
        users.push(toDirectoryUser(graphUser.parse(raw)));
      }
    }
    return users;
  }

  /** The items of a collection, following `@odata.nextLink` page by page. */
  private async *pages(
    path: string,
    middlewareOptions: RetryHandlerOptions[] = [],
  ): AsyncIterable<Record<string, unknown>> {
    let next: string | undefined = path;
    while (next !== undefined) {
      const url: string = next;
      const current = await this.call(async () =>
        page.parse(await this.client.api(url).middlewareOptions(middlewareOptions).get()),
      );
      yield* current.value;
      next = current['@odata.nextLink'];
    }
  }

  /** GET that resolves to null on 404. */
  private async get(path: string): Promise<unknown> {
    try {
      return await this.call(() => this.client.api(path).get());
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return null;
      throw error;
    }
  }

  /**
   * Sends GETs as `$batch` requests of up to 20. A step Graph throttled inside the batch is
   * sent again on its own, where the client's retry handler honours Retry-After.
   */
  private async batch(steps: readonly BatchStep[]): Promise<Map<string, BatchAnswer>> {
    const answers = new Map<string, BatchAnswer>();
    for (let start = 0; start < steps.length; start += BATCH_LIMIT) {
      const chunk = steps.slice(start, start + BATCH_LIMIT);
      const body = await this.call(async () =>
        batchResponse.parse(
          await this.client
            .api('/$batch')
            .post({ requests: chunk.map((step) => ({ ...step, method: 'GET' })) }),
        ),
      );
      for (const response of body.responses) {
        answers.set(response.id, { status: response.status, body: response.body });
      }
    }
    for (const step of steps) {
      const status = answers.get(step.id)?.status;
      if (status === undefined || status === 429 || status >= 500) {
        const body = await this.get(step.url);
        answers.set(step.id, body === null ? { status: 404, body } : { status: 200, body });
      }
    }
    return answers;
  }

  private userOf(answer: BatchAnswer | undefined): DirectoryUser | null {
    if (answer?.status !== 200) return null;
    const parsed = graphUser.safeParse(answer.body);
    if (!parsed.success) return null;
    const type = parsed.data['@odata.type'];
    return type === undefined || type === USER_TYPE ? toDirectoryUser(parsed.data) : null;
  }

  /** Runs a Graph call and keeps the health up to date; outages become DirectoryUnavailableError. */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      const result = await request();
      this.observe({ state: 'ok' });
      return result;
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) {
        this.observe({ state: 'ok' });
        throw error;
      }
      throw this.unavailable(describeFailure(error), error);
    }
  }

  private unavailable(detail: string, cause?: unknown): DirectoryUnavailableError {
    this.observe({ state: 'degraded', detail });
    return new DirectoryUnavailableError(detail, { cause });
  }

  private observe(health: DirectoryHealth): void {
    const previous = this.observed?.health.state;
    if (health.state === 'degraded' && previous !== 'degraded') {
      this.logger.warn({ detail: health.detail }, 'Microsoft Graph nicht erreichbar');
    } else if (health.state === 'ok' && previous === 'degraded') {
      this.logger.info('Microsoft Graph wieder erreichbar');
    }
    this.observed = { health, at: this.clock.now().getTime() };
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof GraphError) {
    const status = error.statusCode === -1 ? 'keine Verbindung' : `HTTP ${error.statusCode}`;
    return `Microsoft Graph: ${status}${error.code ? ` (${error.code})` : ''}`;
  }
  return `Microsoft Graph: ${error instanceof Error ? error.message : String(error)}`;
}
