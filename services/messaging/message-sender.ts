/**
 * The MessageSender port: how services reach a user proactively, without Teams types.
 * The adapter (bot/) turns these calls into Bot Connector requests using the conversation
 * reference stored at install time (UserProfile.conversation).
 */

/** The stored conversation reference, opaque to services. */
export type ConversationReference = Record<string, unknown>;

/** What to show: an Adaptive Card (as rendered by cards/) and/or plain text. */
export interface OutgoingMessage {
  card?: { contentType: string; content: Record<string, unknown> };
  text?: string;
}

export type SendFailure =
  /** 429: wait `retryAfterMs` when given, else back off; slow down globally. */
  | { ok: false; kind: 'throttled'; status: number; retryAfterMs?: number }
  /** 5xx, 412, timeouts, connection errors: retry with backoff up to a limit. */
  | { ok: false; kind: 'transient'; status?: number; retryAfterMs?: number }
  /** 403: the user blocked the bot or it is disabled. Final. */
  | { ok: false; kind: 'blocked'; status: number }
  /** 404: conversation or activity gone (app uninstalled, card deleted). Final. */
  | { ok: false; kind: 'not-found'; status: number }
  /** Anything else (400, 401, 413 …): a bug or bad configuration. Final. */
  | { ok: false; kind: 'rejected'; status?: number; detail?: string };

export type SendResult = { ok: true; activityId: string } | SendFailure;

/**
 * One request per call and no hidden retries: the caller decides about retries and
 * pacing, so that every request counts against the limits exactly once.
 */
export interface MessageSender {
  send(to: ConversationReference, message: OutgoingMessage): Promise<SendResult>;
  update(
    to: ConversationReference,
    activityId: string,
    message: OutgoingMessage,
  ): Promise<SendResult>;
  delete(to: ConversationReference, activityId: string): Promise<SendResult>;
}
