/**
 * The life of one delivery as pure functions: which request it needs next and what an
 * answer makes of it. The worker only does the I/O around these.
 */
import type { SendResult } from '../../messaging';
import type { Broadcast, Delivery, DeliveryCounts } from '../model';
import { decide, type Decision, type RetryPolicy, type StepAttempts } from '../retry-policy';

export type Step =
  | { op: 'send'; revision: number }
  | { op: 'update'; revision: number }
  | { op: 'delete'; revision: number }
  /** Recalled before delivery: record it, no request. */
  | { op: 'cancel' };

/** What the delivery still needs to match the broadcast; undefined when nothing. */
export function nextStep(delivery: Delivery, broadcast: Broadcast): Step | undefined {
  const recalled = broadcast.recalledAt !== undefined;
  switch (delivery.status) {
    case 'queued':
    case 'retrying':
      return recalled ? { op: 'cancel' } : { op: 'send', revision: broadcast.revision };
    case 'sent': {
      const change = delivery.change;
      if (recalled) {
        const gaveUp = change?.op === 'delete' && change.state === 'failed';
        return gaveUp ? undefined : { op: 'delete', revision: broadcast.generation };
      }
      if ((delivery.revision ?? 0) >= broadcast.revision) return undefined;
      const gaveUp =
        change?.op === 'update' &&
        change.revision === broadcast.revision &&
        change.state === 'failed';
      return gaveUp ? undefined : { op: 'update', revision: broadcast.revision };
    }
    default:
      return undefined;
  }
}

/** Epoch ms before which the step must not be tried again (0: now). */
export function notBeforeOf(delivery: Delivery, step: Step): number {
  if (step.op === 'send') return delivery.status === 'retrying' ? (delivery.nextAttemptAt ?? 0) : 0;
  if (step.op === 'cancel') return 0;
  const change = delivery.change;
  return change?.op === step.op && change.revision === step.revision && change.state === 'retrying'
    ? (change.nextAttemptAt ?? 0)
    : 0;
}

/** The delivery of a recall that came before the card went out. */
export function cancelled(delivery: Delivery, now: Date): Delivery {
  return { ...delivery, status: 'cancelled', updatedAt: now.toISOString() };
}

export interface Answered {
  delivery: Delivery;
  decision: Decision;
}

/** The record after Teams answered the request of `step` (pure: random is injected). */
export function applyAnswer(
  before: Delivery,
  step: Exclude<Step, { op: 'cancel' }>,
  result: SendResult,
  policy: RetryPolicy,
  random: () => number,
  now: Date,
): Answered {
  const base = { ...before, updatedAt: now.toISOString() };
  const previous = step.op === 'send' ? undefined : sameChange(before, step);
  const counted = countAnswer(
    step.op === 'send'
      ? { failures: before.failures, throttles: before.throttles }
      : { failures: previous?.failures ?? 0, throttles: previous?.throttles ?? 0 },
    result,
  );
  const decision = decide(result, counted, policy, random);
  const delivery =
    step.op === 'send'
      ? afterSend(base, step.revision, counted, decision, now)
      : afterChange(base, step, counted, decision, now);
  return { delivery, decision };
}

function afterSend(
  base: Delivery,
  revision: number,
  counted: StepAttempts,
  decision: Decision,
  now: Date,
): Delivery {
  const { nextAttemptAt: _next, lastError: _error, ...rest } = base;
  switch (decision.kind) {
    case 'done':
      return {
        ...rest,
        ...counted,
        status: 'sent',
        activityId: decision.activityId,
        revision,
        sentAt: now.toISOString(),
      };
    case 'final': {
      const status = decision.outcome === 'not-found' ? 'not-installed' : decision.outcome;
      return { ...rest, ...counted, status, lastError: decision.error };
    }
    case 'retry':
      return {
        ...rest,
        ...counted,
        status: 'retrying',
        nextAttemptAt: now.getTime() + decision.delayMs,
        lastError: decision.error,
      };
  }
}

function afterChange(
  base: Delivery,
  step: { op: 'update' | 'delete'; revision: number },
  counted: StepAttempts,
  decision: Decision,
  now: Date,
): Delivery {
  const { change: _change, ...rest } = base;
  const change = { op: step.op, revision: step.revision, ...counted };
  if (decision.kind === 'done') {
    return step.op === 'update'
      ? { ...rest, revision: step.revision }
      : { ...rest, status: 'recalled' };
  }
  if (decision.kind === 'final') {
    // A card that is gone (404) needs no recall; an edit cannot reach it any more.
    if (step.op === 'delete' && decision.outcome === 'not-found') {
      return { ...rest, status: 'recalled', lastError: decision.error };
    }
    return { ...rest, change: { ...change, state: 'failed', lastError: decision.error } };
  }
  return {
    ...rest,
    change: {
      ...change,
      state: 'retrying',
      nextAttemptAt: now.getTime() + decision.delayMs,
      lastError: decision.error,
    },
  };
}

function countAnswer(before: StepAttempts, result: SendResult): StepAttempts {
  if (result.ok) return before;
  if (result.kind === 'throttled') return { ...before, throttles: before.throttles + 1 };
  return { ...before, failures: before.failures + 1 };
}

/** The change record of an earlier attempt of the same step, if any. */
function sameChange(delivery: Delivery, step: { op: string; revision: number }) {
  const change = delivery.change;
  return change?.op === step.op && change.revision === step.revision ? change : undefined;
}

/**
 * Counts by status, plus the delivered cards that still need an edit or recall (`changing`)
 * and those it could not reach (`changeFailed`).
 */
export function countDeliveries(
  deliveries: Iterable<Delivery>,
  broadcast: Broadcast,
): DeliveryCounts {
  const counts: DeliveryCounts = {};
  const add = (key: keyof DeliveryCounts) => (counts[key] = (counts[key] ?? 0) + 1);
  for (const delivery of deliveries) {
    add(delivery.status);
    if (delivery.status !== 'sent') continue;
    if (nextStep(delivery, broadcast)) add('changing');
    else if (delivery.change?.state === 'failed') add('changeFailed');
  }
  return counts;
}
