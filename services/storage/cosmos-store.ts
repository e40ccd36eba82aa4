import {
  CosmosClient,
  type Container,
  type Database,
  type ItemDefinition,
  type RequestOptions,
} from '@azure/cosmos';
import type { TokenCredential } from '@azure/identity';
import { cosmosQuery } from './cosmos-query';
import { checkContainer, checkId, pageSize, writableBody } from './document-rules';
import {
  StoreConflictError,
  StoreUnavailableError,
  type Doc,
  type Page,
  type QueryOptions,
  type Store,
  type StoreHealth,
  type Stored,
} from './store';

export interface CosmosStoreOptions {
  /** Account endpoint, e.g. `https://<account>.documents.azure.com:443/`. */
  endpoint: string;
  /** Database id; created when missing. */
  database: string;
  /** Account key. Give either this or `credential`. */
  key?: string;
  /**
   * Microsoft Entra identity (e.g. `ManagedIdentityCredential` from @azure/identity). Data-plane
   * roles cannot create databases or containers: provision them (partition key `/id`) beforehand.
   */
  credential?: TokenCredential;
  /** Deadline for one store call, SDK retries included; defaults to 10 000 ms. */
  timeoutMs?: number;
  /**
   * Defaults to true (the SDK's default). Set false for a single-endpoint server such as a local
   * Cosmos-API server over http, whose advertised locations are not reachable.
   */
  enableEndpointDiscovery?: boolean;
}

/**
 * Every container is partitioned by `/id`: documents are small and independent, so each is its
 * own logical partition, point reads (`get`) and writes are single-partition and spread evenly,
 * and queries are cross-partition (fine at this bot's volumes; Cosmos DB fans them out).
 */
const PARTITION_KEY_PATH = '/id';
const SYSTEM_FIELDS = ['_rid', '_self', '_ts', '_attachments', '_etag'];
const DEFAULT_TIMEOUT_MS = 10_000;
/** HTTP statuses left after the SDK's own retries that mean "try again later". */
const TRANSIENT_STATUSES = new Set([408, 429, 449, 500, 502, 503, 504]);
/** Transport failures: the request never got an HTTP answer. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'REQUEST_SEND_ERROR',
  'TimeoutError',
]);

/** The production adapter on Azure Cosmos DB for NoSQL (@azure/cosmos). */
export class CosmosStore implements Store {
  private readonly client: CosmosClient;
  private readonly databaseId: string;
  private readonly timeoutMs: number;
  private database?: Promise<Database>;
  /** Creating a container is a round trip or two; do it once per container and process. */
  private readonly containers = new Map<string, Promise<Container>>();

  constructor(options: CosmosStoreOptions) {
    if ((options.key === undefined) === (options.credential === undefined)) {
      throw new TypeError('CosmosStore needs either a key or a credential');
    }
    this.databaseId = options.database;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.client = new CosmosClient({
      endpoint: options.endpoint,
      key: options.key,
      aadCredentials: options.credential,
      userAgentSuffix: 'digitallotse',
      connectionPolicy: {
        // Azure endpoints are https; a plain-http one is a local Cosmos-API server, whose
        // advertised (https) regions cannot be reached.
        enableEndpointDiscovery:
          options.enableEndpointDiscovery ?? !options.endpoint.startsWith('http://'),
        requestTimeout: this.timeoutMs,
      },
    });
  }

  async get<T extends Doc>(container: string, id: string): Promise<Stored<T> | undefined> {
    checkContainer(container);
    checkId(id);
    return this.call(container, async (items, abortSignal) => {
      const { resource } = await items.item(id, id).read<ItemDefinition>({ abortSignal });
      return resource && toStored<T>(resource);
    });
  }

  async create<T extends Doc>(container: string, doc: T): Promise<Stored<T>> {
    checkContainer(container);
    const body = writableBody(doc);
    return this.call(container, async (items, abortSignal) => {
      try {
        const { resource } = await items.items.create(body, { abortSignal });
        return toStored<T>(required(resource));
      } catch (error) {
        throw statusOf(error) === 409 ? new StoreConflictError(container, doc.id) : error;
      }
    });
  }

  async replace<T extends Doc>(container: string, doc: T, etag: string): Promise<Stored<T>> {
    checkContainer(container);
    const body = writableBody(doc);
    return this.call(container, async (items, abortSignal) => {
      try {
        const { resource } = await items
          .item(doc.id, doc.id)
          .replace(body, ifMatch(etag, abortSignal));
        return toStored<T>(required(resource));
      } catch (error) {
        const status = statusOf(error);
        // 404: deleted since it was read — to the caller, that is a change like any other.
        throw status === 412 || status === 404 ? new StoreConflictError(container, doc.id) : error;
      }
    });
  }

  async delete(container: string, id: string, etag?: string): Promise<boolean> {
    checkContainer(container);
    checkId(id);
    return this.call(container, async (items, abortSignal) => {
      try {
        await items
          .item(id, id)
          .delete(etag === undefined ? { abortSignal } : ifMatch(etag, abortSignal));
        return true;
      } catch (error) {
        const status = statusOf(error);
        if (status === 404) return false;
        throw status === 412 ? new StoreConflictError(container, id) : error;
      }
    });
  }

  async query<T extends Doc>(container: string, options: QueryOptions = {}): Promise<Page<T>> {
    checkContainer(container);
    const spec = cosmosQuery(options);
    const maxItemCount = pageSize(options);
    return this.call(container, async (items, abortSignal) => {
      const iterator = items.items.query<ItemDefinition>(spec, {
        maxItemCount,
        continuationToken: options.continuation,
        abortSignal,
      });
      let page = await iterator.fetchNext();
      // A cross-partition query may yield empty pages before its end; they tell the caller nothing.
      while (page.resources.length === 0 && page.hasMoreResults && page.continuationToken) {
        page = await iterator.fetchNext();
      }
      const found = page.resources.map((resource) => toStored<T>(resource));
      return page.continuationToken
        ? { items: found, continuation: page.continuationToken }
        : { items: found };
    });
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.withDeadline(async (abortSignal) => {
        const database = await this.ensureDatabase();
        await database.read({ abortSignal });
      });
      return { ok: true, kind: 'cosmos', detail: this.databaseId };
    } catch (error) {
      return { ok: false, kind: 'cosmos', detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  private call<R>(
    container: string,
    operation: (items: Container, abortSignal: AbortSignal) => Promise<R>,
  ): Promise<R> {
    return this.withDeadline(async (abortSignal) =>
      operation(await this.ensureContainer(container), abortSignal),
    );
  }

  /**
   * The SDK retries failed reads for up to ten seconds and more; the bot would rather answer
   * "try again later" quickly. So every call gets one deadline, SDK retries included.
   */
  private async withDeadline<R>(operation: (abortSignal: AbortSignal) => Promise<R>): Promise<R> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new StoreUnavailableError(`Cosmos DB did not answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([operation(controller.signal), deadline]);
    } catch (error) {
      throw asUnavailable(error) ?? error;
    } finally {
      clearTimeout(timer);
    }
  }

  private ensureDatabase(): Promise<Database> {
    this.database ??= forgetOnFailure(
      onceMoreOnConflict(() =>
        this.client.databases.createIfNotExists({ id: this.databaseId }, this.setupOptions()),
      ).then(({ database }) => database),
      () => (this.database = undefined),
    );
    return this.database;
  }

  private ensureContainer(name: string): Promise<Container> {
    let ready = this.containers.get(name);
    if (!ready) {
      ready = forgetOnFailure(this.createContainer(name), () => this.containers.delete(name));
      this.containers.set(name, ready);
    }
    return ready;
  }

  private async createContainer(name: string): Promise<Container> {
    const database = await this.ensureDatabase();
    const { container, resource } = await onceMoreOnConflict(() =>
      database.containers.createIfNotExists(
        { id: name, partitionKey: { paths: [PARTITION_KEY_PATH] } },
        this.setupOptions(),
      ),
    );
    const paths = resource?.partitionKey?.paths ?? [];
    if (paths.length !== 1 || paths[0] !== PARTITION_KEY_PATH) {
      throw new Error(
        `Cosmos container ${name} is partitioned by ${paths.join(',')}; the store needs ${PARTITION_KEY_PATH}`,
      );
    }
    return container;
  }

  /** Setup is shared by concurrent calls, so it gets its own deadline rather than a caller's. */
  private setupOptions(): RequestOptions {
    return { abortSignal: AbortSignal.timeout(this.timeoutMs) };
  }
}

/**
 * `createIfNotExists` reads, then creates: when another process (instance) creates the same
 * database or container in between, the create answers 409. The second try then reads it.
 */
async function onceMoreOnConflict<T>(create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 409) throw error;
    return create();
  }
}

/** A cached promise that, when it fails, is dropped from the cache so the next call retries. */
function forgetOnFailure<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

function ifMatch(etag: string, abortSignal: AbortSignal): RequestOptions {
  return { accessCondition: { type: 'IfMatch', condition: etag }, abortSignal };
}

function toStored<T extends Doc>(resource: ItemDefinition): Stored<T> {
  const doc: Record<string, unknown> = { ...resource };
  for (const field of SYSTEM_FIELDS) delete doc[field];
  return { ...(doc as T), etag: String(resource._etag) };
}

function required<R>(resource: R | undefined): R {
  if (resource === undefined) throw new Error('Cosmos DB answered without the document');
  return resource;
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' ? code : undefined;
}

function asUnavailable(error: unknown): StoreUnavailableError | undefined {
  if (error instanceof StoreUnavailableError) return error;
  const { code, name, message } = (error ?? {}) as {
    code?: unknown;
    name?: string;
    message?: string;
  };
  const transient =
    (typeof code === 'number' && TRANSIENT_STATUSES.has(code)) ||
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    name === 'AbortError' ||
    name === 'TimeoutError';
  return transient
    ? new StoreUnavailableError(`Cosmos DB unavailable: ${message ?? code}`, { cause: error })
    : undefined;
}
