/**
 * The MessageSender adapter: Bot Connector REST calls with the stored conversation
 * reference. One HTTP request per call and no retries of its own (unlike botbuilder's
 * connector client), so that the broadcast engine sees and paces every request.
 */
import type {
  ConversationReference,
  MessageSender,
  OutgoingMessage,
  SendResult,
} from '../../services/messaging';
import { httpRequest, type HttpAnswer } from './http-request';
import type { TokenSource } from './token-source';

export interface ConnectorSenderOptions {
  /** Bearer tokens for the Bot Connector; none in local mode. */
  tokens?: TokenSource;
  /** Deadline of one request; defaults to 15 s. */
  timeoutMs?: number;
}

interface Reference {
  serviceUrl: string;
  conversation: { id: string; tenantId?: string };
  bot?: { id: string; name?: string };
  user?: { id: string; name?: string; aadObjectId?: string };
  channelId?: string;
}

export class ConnectorSender implements MessageSender {
  constructor(private readonly options: ConnectorSenderOptions = {}) {}

  send(to: ConversationReference, message: OutgoingMessage): Promise<SendResult> {
    return this.request('POST', to, undefined, message);
  }

  update(
    to: ConversationReference,
    activityId: string,
    message: OutgoingMessage,
  ): Promise<SendResult> {
    return this.request('PUT', to, activityId, message);
  }

  delete(to: ConversationReference, activityId: string): Promise<SendResult> {
    return this.request('DELETE', to, activityId);
  }

  private async request(
    method: 'POST' | 'PUT' | 'DELETE',
    to: ConversationReference,
    activityId: string | undefined,
    message?: OutgoingMessage,
  ): Promise<SendResult> {
    const reference = to as unknown as Reference;
    if (!reference.serviceUrl || !reference.conversation?.id) {
      return { ok: false, kind: 'rejected', detail: 'conversation reference incomplete' };
    }
    const base = reference.serviceUrl.endsWith('/')
      ? reference.serviceUrl
      : `${reference.serviceUrl}/`;
    const path = `v3/conversations/${encodeURIComponent(reference.conversation.id)}/activities${
      activityId ? `/${encodeURIComponent(activityId)}` : ''
    }`;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    try {
      const token = await this.options.tokens?.();
      if (token) headers.authorization = `Bearer ${token}`;
      const answer = await httpRequest({
        method,
        url: new URL(path, base),
        headers,
        body: message ? JSON.stringify(activityOf(reference, message, activityId)) : undefined,
        timeoutMs: this.options.timeoutMs ?? 15_000,
      });
      if (answer.status >= 200 && answer.status < 300) {
        const id = method === 'POST' ? idOf(answer.text) : activityId;
        return { ok: true, activityId: id ?? activityId ?? '' };
      }
      return failureOf(answer);
    } catch {
      // Connection errors and timeouts: the request may or may not have arrived; retry later.
      return { ok: false, kind: 'transient' };
    }
  }
}

function activityOf(
  reference: Reference,
  message: OutgoingMessage,
  activityId?: string,
): Record<string, unknown> {
  return {
    type: 'message',
    ...(activityId && { id: activityId }),
    channelId: reference.channelId ?? 'msteams',
    serviceUrl: reference.serviceUrl,
    conversation: reference.conversation,
    from: reference.bot,
    recipient: reference.user,
    // The port's text is plain: a name or note with "**" or "[x](url)" shows as typed.
    ...(message.text !== undefined && { text: message.text, textFormat: 'plain' }),
    ...(message.card && { attachments: [message.card] }),
  };
}

function idOf(text: string): string | undefined {
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After in ms: teams-sim's exact `retry-after-ms`, else the standard header in seconds. */
function retryAfterOf(answer: HttpAnswer): number | undefined {
  const exact = Number(answer.header('retry-after-ms'));
  if (Number.isFinite(exact) && exact > 0) return exact;
  const seconds = Number(answer.header('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

function failureOf(answer: HttpAnswer): SendResult {
  const { status } = answer;
  if (status === 429)
    return { ok: false, kind: 'throttled', status, retryAfterMs: retryAfterOf(answer) };
  if (status === 403) return { ok: false, kind: 'blocked', status };
  if (status === 404) return { ok: false, kind: 'not-found', status };
  if (status >= 500 || status === 408 || status === 412) {
    return { ok: false, kind: 'transient', status, retryAfterMs: retryAfterOf(answer) };
  }
  return { ok: false, kind: 'rejected', status };
}
