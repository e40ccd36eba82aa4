/**
 * Every proactive message of the product (tickets, reminders, course notices) passes the
 * same rate budget as the broadcast worker: a MessageSender decorator that waits at the
 * app's rate gate, slows everyone down on a 429, and retries 429, 5xx and timeouts with the
 * engine's retry policy. Interactive replies within a turn do not pass here.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  ConversationReference,
  MessageSender,
  OutgoingMessage,
  SendResult,
} from '../messaging';
import { GateClosedError, type RateGate } from './rate/gate';
import { DEFAULT_RETRY_POLICY, decide, type RetryPolicy } from './retry-policy';

export interface ProactiveSenderOptions {
  retry?: Partial<RetryPolicy>;
  random?: () => number;
  /** Waits between retries; tests may pass a fake. */
  wait?: (ms: number) => Promise<unknown>;
}

export class ProactiveSender implements MessageSender {
  private readonly retry: RetryPolicy;
  private readonly random: () => number;
  private readonly wait: (ms: number) => Promise<unknown>;

  constructor(
    private readonly inner: MessageSender,
    private readonly gate: RateGate,
    options: ProactiveSenderOptions = {},
  ) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.random = options.random ?? Math.random;
    this.wait = options.wait ?? ((ms) => sleep(ms));
  }

  send(to: ConversationReference, message: OutgoingMessage): Promise<SendResult> {
    return this.paced(to, () => this.inner.send(to, message));
  }

  update(
    to: ConversationReference,
    activityId: string,
    message: OutgoingMessage,
  ): Promise<SendResult> {
    return this.paced(to, () => this.inner.update(to, activityId, message));
  }

  delete(to: ConversationReference, activityId: string): Promise<SendResult> {
    return this.paced(to, () => this.inner.delete(to, activityId));
  }

  private async paced(
    to: ConversationReference,
    request: () => Promise<SendResult>,
  ): Promise<SendResult> {
    const conversationId = conversationIdOf(to);
    const attempts = { failures: 0, throttles: 0 };
    for (;;) {
      let release: () => void;
      try {
        release = await this.gate.acquire(conversationId, this);
      } catch (error) {
        // The process shuts down: nothing was sent; the caller's job retries later.
        if (error instanceof GateClosedError) return { ok: false, kind: 'transient' };
        throw error;
      }
      const result = await request().finally(release);
      if (result.ok) return result;
      if (result.kind === 'throttled') {
        attempts.throttles += 1;
        this.gate.throttled(result.retryAfterMs, this.gate.global.maxPauseMs);
      } else if (result.kind === 'transient') {
        attempts.failures += 1;
      }
      const decision = decide(result, attempts, this.retry, this.random);
      if (decision.kind !== 'retry') return result;
      await this.wait(decision.delayMs);
    }
  }
}

function conversationIdOf(to: ConversationReference): string {
  const conversation = to.conversation as { id?: unknown } | undefined;
  return typeof conversation?.id === 'string' ? conversation.id : '';
}
