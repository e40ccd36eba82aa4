/**
 * A small Bot Connector double: the part of Teams the bot calls (send, reply, update,
 * delete, create conversation), recording every call, plus a driver that posts
 * Teams-shaped activities to the bot. Faults can be queued (429/5xx/403/404).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ConnectorOp = 'create' | 'send' | 'reply' | 'update' | 'delete';

export interface ConnectorCall {
  op: ConnectorOp;
  conversationId: string;
  activityId?: string;
  /** The activity as the bot sent it (send, reply, update). */
  activity?: Activity;
}

export interface Fault {
  status: 200 | 201 | 403 | 404 | 429 | 500 | 502 | 503;
  retryAfterSeconds?: number;
  /** The connection drops halfway through the answer. */
  interrupted?: boolean;
}

// The double only reads a few fields; everything else is passed through untouched.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Activity = Record<string, any>;

export interface TestUser {
  id: string;
  name?: string;
  aadObjectId?: string;
}

export interface SayOptions {
  user: TestUser;
  text?: string;
  value?: unknown;
  locale?: string;
  tenantId?: string;
  replyToId?: string;
  /** Send as `invoke` `adaptiveCard/action` with this verb. */
  invokeVerb?: string;
}

export interface TurnResult {
  status: number;
  body: unknown;
  /** Calls the bot made while handling this activity. */
  calls: ConnectorCall[];
  /** Sent or replied activities of this turn. */
  replies: Activity[];
}

export const TEST_TENANT_ID = '00000000-0000-4000-8000-000000000001';
const BOT = { id: '28:digitallotse-test-bot', name: 'Digitallotse' };

export class ConnectorDouble {
  readonly calls: ConnectorCall[] = [];
  private readonly faults: Fault[] = [];
  private beforeNext: (() => Promise<void>) | undefined;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Runs `action` when the next request arrives, before answering it (e.g. an outage mid-turn). */
  beforeNextCall(action: () => Promise<void>): void {
    this.beforeNext = action;
  }

  /** The next requests fail with these faults, in order. */
  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  clear(): void {
    this.calls.length = 0;
    this.faults.length = 0;
  }

  conversationIdOf(user: TestUser): string {
    return `a:personal-${user.id}`;
  }

  /** Posts one activity to the bot, as Teams would, and returns what the bot did meanwhile. */
  async say(botUrl: string, options: SayOptions): Promise<TurnResult> {
    return this.post(botUrl, this.activityFor(options));
  }

  /** The personal-app install event (conversationUpdate with the bot added). */
  async install(botUrl: string, user: TestUser, locale = 'de-DE'): Promise<TurnResult> {
    return this.post(botUrl, {
      ...this.baseActivity(user, TEST_TENANT_ID, locale),
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT.id }],
    });
  }

  /** Posts a raw body (for bad-request tests). */
  async postRaw(botUrl: string, body: string, contentType = 'application/json'): Promise<number> {
    const response = await fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  activityFor(options: SayOptions): Activity {
    const base = this.baseActivity(
      options.user,
      options.tenantId ?? TEST_TENANT_ID,
      options.locale ?? 'de-DE',
    );
    if (options.invokeVerb) {
      return {
        ...base,
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: options.replyToId,
        value: {
          action: { type: 'Action.Execute', verb: options.invokeVerb, data: options.value },
          trigger: 'manual',
        },
      };
    }
    return {
      ...base,
      type: 'message',
      text: options.text,
      value: options.value,
      replyToId: options.replyToId,
    };
  }

  private baseActivity(user: TestUser, tenantId: string, locale: string): Activity {
    return {
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: `${this.url}/`,
      timestamp: new Date().toISOString(),
      locale,
      from: { id: user.id, name: user.name ?? user.id, aadObjectId: user.aadObjectId },
      recipient: BOT,
      conversation: { id: this.conversationIdOf(user), conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
    };
  }

  private async post(botUrl: string, activity: Activity): Promise<TurnResult> {
    const before = this.calls.length;
    const response = await fetch(botUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const raw = await response.text();
    const calls = this.calls.slice(before);
    return {
      status: response.status,
      body: raw === '' ? undefined : safeJson(raw),
      calls,
      replies: calls.filter((c) => c.op === 'send' || c.op === 'reply').map((c) => c.activity!),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const action = this.beforeNext;
    this.beforeNext = undefined;
    await action?.();
    const fault = this.faults.shift();
    if (fault)
      return reply(
        res,
        fault.status,
        { error: { code: codeOf(fault.status), message: 'injected' } },
        fault,
      );

    const path = (req.url ?? '').replace(/^\/+/, '/').split('?')[0] ?? '';
    const match = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?$/.exec(path);
    if (!match) return reply(res, 404, { error: { code: 'NotFound', message: path } });
    const conversationId = match[1] ? decodeURIComponent(match[1]) : undefined;
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;

    if (!conversationId && req.method === 'POST') {
      const member = (body?.members as Array<{ id: string }> | undefined)?.[0];
      const id = `a:personal-${member?.id ?? 'unknown'}`;
      this.calls.push({ op: 'create', conversationId: id });
      return reply(res, 200, { id });
    }
    if (!conversationId) return reply(res, 405, {});
    if (req.method === 'POST') {
      const id = randomUUID();
      const op: ConnectorOp = activityId ? 'reply' : 'send';
      this.calls.push({ op, conversationId, activityId: id, activity: { ...body, id } });
      return reply(res, 201, { id });
    }
    if (req.method === 'PUT' && activityId) {
      this.calls.push({ op: 'update', conversationId, activityId, activity: body });
      return reply(res, 200, { id: activityId });
    }
    if (req.method === 'DELETE' && activityId) {
      this.calls.push({ op: 'delete', conversationId, activityId });
      return reply(res, 200, {});
    }
    return reply(res, 405, {});
  }
}

function codeOf(status: number): string {
  if (status === 403) return 'ConversationBlockedByUser';
  if (status === 404) return 'ConversationNotFound';
  if (status === 429) return 'Throttled';
  return 'ServiceError';
}

function reply(res: ServerResponse, status: number, body: unknown, fault?: Fault): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (fault?.retryAfterSeconds !== undefined)
    headers['retry-after'] = String(fault.retryAfterSeconds);
  const text = JSON.stringify(body);
  if (fault?.interrupted) {
    headers['content-length'] = String(Buffer.byteLength(text));
    res.writeHead(status, headers);
    res.write(text.slice(0, text.length >> 1));
    // Flushed first, so the client has headers and half a body when the connection drops.
    setTimeout(() => res.destroy(), 20);
    return;
  }
  res.writeHead(status, headers);
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Activity | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (safeJson(text) as Activity);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
