import { ConnectorSender } from '../../bot/proactive';
import { ProactiveSender, createAppRateGate } from '../../services/broadcast';
import { ConnectorDouble } from '../support/connector-double';

describe('ProactiveSender: tickets and course notices under the engine rate budget', () => {
  const connector = new ConnectorDouble();
  const gate = createAppRateGate({ requestsPerSecond: 50, throttlePauseMs: 1 });
  const waits: number[] = [];
  const sender = new ProactiveSender(new ConnectorSender({ timeoutMs: 2000 }), gate, {
    retry: { maxAttempts: 3, baseDelayMs: 1 },
    random: () => 0,
    wait: async (ms) => waits.push(ms),
  });
  const to = (user: string) => ({
    serviceUrl: `${connector.url}/`,
    channelId: 'msteams',
    conversation: { id: `a:personal-${user}`, tenantId: 't' },
    bot: { id: '28:bot' },
    user: { id: `29:${user}` },
  });

  beforeAll(() => connector.start());
  afterAll(async () => {
    gate.close();
    await connector.stop();
  });
  beforeEach(() => {
    connector.clear();
    waits.length = 0;
  });

  it('retries 429 (with and without Retry-After) and 5xx until Teams takes the message', async () => {
    connector.failNext({ status: 429, retryAfterSeconds: 1 }, { status: 429 }, { status: 503 });
    const result = await sender.send(to('erika'), { text: 'Ihre Anfrage' });
    expect(result).toMatchObject({ ok: true });
    expect(connector.calls.map((call) => call.op)).toEqual(['send']);
    // Retry-After as given; then the policy's backoff (random 0: half the ceiling).
    expect(waits).toEqual([1000, 1, 1]);
  });

  it('gives up on repeated 5xx after the policy limit and reports it as transient', async () => {
    connector.failNext({ status: 500 }, { status: 502 }, { status: 503 }, { status: 500 });
    const result = await sender.update(to('max'), 'activity-1', { text: 'neu' });
    expect(result).toMatchObject({ ok: false, kind: 'transient', status: 503 });
    expect(waits).toHaveLength(2);
    expect(connector.calls).toHaveLength(0);
  });

  it('does not retry final answers (blocked, not installed)', async () => {
    connector.failNext({ status: 403 }, { status: 404 });
    expect(await sender.send(to('lea'), { text: 'x' })).toMatchObject({ kind: 'blocked' });
    expect(await sender.delete(to('lea'), 'a-1')).toMatchObject({ kind: 'not-found' });
    expect(waits).toEqual([]);
  });

  it('draws every request from the shared budget the broadcast worker uses', async () => {
    const small = createAppRateGate({ requestsPerSecond: 2 });
    const paced = new ProactiveSender(new ConnectorSender({ timeoutMs: 2000 }), small);
    await paced.send(to('a'), { text: 'eins' });
    await paced.send(to('b'), { text: 'zwei' });
    const now = performance.timeOrigin + performance.now();
    expect(small.global.recent(now)).toBe(2);
    // Two of two requests per second are used: the next one, the worker's too, must wait.
    expect(small.global.delay(now)).toBeGreaterThan(0);
    small.close();
  });

  it('answers transient instead of sending once the gate is closed at shutdown', async () => {
    const closed = createAppRateGate();
    closed.close();
    const late = new ProactiveSender(new ConnectorSender(), closed);
    expect(await late.send(to('z'), { text: 'x' })).toEqual({ ok: false, kind: 'transient' });
    expect(connector.calls).toHaveLength(0);
  });
});
