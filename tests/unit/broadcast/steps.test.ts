import type { Broadcast, Delivery } from '../../../services/broadcast';
import {
  applyAnswer,
  countDeliveries,
  nextStep,
  notBeforeOf,
} from '../../../services/broadcast/pipeline/steps';
import { DEFAULT_RETRY_POLICY } from '../../../services/broadcast';

const now = new Date('2026-03-02T09:00:00Z');
const random = () => 0.5;

function broadcast(overrides: Partial<Broadcast> = {}): Broadcast {
  return {
    id: 'b1',
    title: 'Kurs',
    createdBy: 'org',
    createdAt: now.toISOString(),
    audience: { kind: 'installed' },
    messages: { de: { text: 'Hallo' } },
    revision: 1,
    generation: 0,
    status: 'sending',
    sendAt: 0,
    reopenPending: false,
    leaseOwner: null,
    leaseUntil: 0,
    updatedAt: now.toISOString(),
    ...overrides,
  };
}

function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 'b1:aad:u1',
    broadcastId: 'b1',
    recipientId: 'aad:u1',
    batch: 0,
    language: 'de',
    conversation: { serviceUrl: 'http://x/', conversation: { id: 'a:1' } },
    status: 'queued',
    failures: 0,
    throttles: 0,
    updatedAt: now.toISOString(),
    ...overrides,
  };
}

describe('nextStep', () => {
  const sent = { status: 'sent' as const, activityId: 'act-1', revision: 1 };
  it.each<[string, Partial<Delivery>, Partial<Broadcast>, unknown]>([
    ['sends a queued delivery', {}, {}, { op: 'send', revision: 1 }],
    [
      'sends a delivery waiting for a retry',
      { status: 'retrying' },
      { revision: 2 },
      { op: 'send', revision: 2 },
    ],
    ['leaves a delivered card that is up to date', sent, {}, undefined],
    [
      'updates a delivered card after an edit',
      sent,
      { revision: 2 },
      { op: 'update', revision: 2 },
    ],
    [
      'deletes a delivered card on recall',
      sent,
      { recalledAt: 'x', generation: 1 },
      { op: 'delete', revision: 1 },
    ],
    ['cancels a delivery not yet sent on recall', {}, { recalledAt: 'x' }, { op: 'cancel' }],
    ['leaves final outcomes alone', { status: 'blocked' }, { revision: 3 }, undefined],
    ['leaves not-installed recipients alone', { status: 'not-installed' }, {}, undefined],
    [
      'gives up an update that failed for good',
      {
        ...sent,
        change: { op: 'update', revision: 2, state: 'failed', failures: 5, throttles: 0 },
      },
      { revision: 2 },
      undefined,
    ],
    [
      'tries an update again for a newer revision',
      {
        ...sent,
        change: { op: 'update', revision: 2, state: 'failed', failures: 5, throttles: 0 },
      },
      { revision: 3 },
      { op: 'update', revision: 3 },
    ],
  ])('%s', (_name, d, b, expected) => {
    expect(nextStep(delivery(d), broadcast(b))).toEqual(expected);
  });
});

describe('notBeforeOf', () => {
  it('waits for the retry time of the same step only', () => {
    expect(
      notBeforeOf(delivery({ status: 'retrying', nextAttemptAt: 500 }), {
        op: 'send',
        revision: 1,
      }),
    ).toBe(500);
    const change = {
      op: 'update' as const,
      revision: 2,
      state: 'retrying' as const,
      failures: 1,
      throttles: 0,
      nextAttemptAt: 700,
    };
    const d = delivery({ status: 'sent', change });
    expect(notBeforeOf(d, { op: 'update', revision: 2 })).toBe(700);
    expect(notBeforeOf(d, { op: 'update', revision: 3 })).toBe(0);
    expect(notBeforeOf(d, { op: 'delete', revision: 1 })).toBe(0);
  });
});

describe('applyAnswer', () => {
  const send = { op: 'send', revision: 1 } as const;

  it('records sent with the activity id and the revision shown', () => {
    const { delivery: after } = applyAnswer(
      delivery(),
      send,
      { ok: true, activityId: 'act-9' },
      DEFAULT_RETRY_POLICY,
      random,
      now,
    );
    expect(after).toMatchObject({
      status: 'sent',
      activityId: 'act-9',
      revision: 1,
      sentAt: now.toISOString(),
    });
  });

  it('schedules a retry after a 5xx and counts it', () => {
    const { delivery: after } = applyAnswer(
      delivery(),
      send,
      { ok: false, kind: 'transient', status: 503 },
      DEFAULT_RETRY_POLICY,
      random,
      now,
    );
    expect(after).toMatchObject({
      status: 'retrying',
      failures: 1,
      throttles: 0,
      lastError: 'http-503',
    });
    expect(after.nextAttemptAt).toBeGreaterThan(now.getTime());
  });

  it('records blocked users and uninstalled apps as final', () => {
    const blocked = applyAnswer(
      delivery(),
      send,
      { ok: false, kind: 'blocked', status: 403 },
      DEFAULT_RETRY_POLICY,
      random,
      now,
    );
    const gone = applyAnswer(
      delivery(),
      send,
      { ok: false, kind: 'not-found', status: 404 },
      DEFAULT_RETRY_POLICY,
      random,
      now,
    );
    expect([blocked.delivery.status, gone.delivery.status]).toEqual(['blocked', 'not-installed']);
  });

  it('gives up after the last allowed failure', () => {
    const tired = delivery({ status: 'retrying', failures: DEFAULT_RETRY_POLICY.maxAttempts - 1 });
    const { delivery: after } = applyAnswer(
      tired,
      send,
      { ok: false, kind: 'transient', status: 500 },
      DEFAULT_RETRY_POLICY,
      random,
      now,
    );
    expect(after).toMatchObject({ status: 'failed', lastError: 'http-500' });
    expect(after.nextAttemptAt).toBeUndefined();
  });

  it('brings an updated card to the new revision', () => {
    const shown = delivery({ status: 'sent', activityId: 'act-1', revision: 1 });
    const { delivery: after } = applyAnswer(
      shown,
      { op: 'update', revision: 2 },
      { ok: true, activityId: 'act-1' },
      DEFAULT_RETRY_POLICY,
      random,
      now,
    );
    expect(after).toMatchObject({ status: 'sent', revision: 2 });
    expect(after.change).toBeUndefined();
  });

  it('counts a recalled card as recalled, also when it was already gone', () => {
    const shown = delivery({ status: 'sent', activityId: 'act-1', revision: 1 });
    const step = { op: 'delete', revision: 1 } as const;
    const deleted = applyAnswer(
      shown,
      step,
      { ok: true, activityId: 'act-1' },
      DEFAULT_RETRY_POLICY,
      random,
      now,
    );
    const gone = applyAnswer(
      shown,
      step,
      { ok: false, kind: 'not-found', status: 404 },
      DEFAULT_RETRY_POLICY,
      random,
      now,
    );
    expect([deleted.delivery.status, gone.delivery.status]).toEqual(['recalled', 'recalled']);
  });

  it('keeps the card and notes the failure when a recall cannot reach it', () => {
    const shown = delivery({ status: 'sent', activityId: 'act-1', revision: 1 });
    const { delivery: after } = applyAnswer(
      shown,
      { op: 'delete', revision: 1 },
      { ok: false, kind: 'blocked', status: 403 },
      DEFAULT_RETRY_POLICY,
      random,
      now,
    );
    expect(after).toMatchObject({
      status: 'sent',
      change: { op: 'delete', state: 'failed', lastError: 'http-403' },
    });
  });

  it('carries retries of a change over to the next attempt of the same change', () => {
    const change = {
      op: 'update' as const,
      revision: 2,
      state: 'retrying' as const,
      failures: 2,
      throttles: 1,
    };
    const shown = delivery({ status: 'sent', activityId: 'act-1', revision: 1, change });
    const { delivery: after } = applyAnswer(
      shown,
      { op: 'update', revision: 2 },
      { ok: false, kind: 'transient', status: 502 },
      DEFAULT_RETRY_POLICY,
      random,
      now,
    );
    expect(after.change).toMatchObject({ failures: 3, throttles: 1, state: 'retrying' });
  });
});

describe('countDeliveries', () => {
  it('counts by status and the cards an edit still has to reach', () => {
    const counts = countDeliveries(
      [
        delivery({ status: 'sent', revision: 1 }),
        delivery({ status: 'sent', revision: 2 }),
        delivery({ status: 'blocked' }),
        delivery({ status: 'queued' }),
        delivery({
          status: 'sent',
          revision: 1,
          change: { op: 'update', revision: 2, state: 'failed', failures: 5, throttles: 0 },
        }),
      ],
      broadcast({ revision: 2 }),
    );
    expect(counts).toEqual({ sent: 3, blocked: 1, queued: 1, changing: 1, changeFailed: 1 });
  });
});
