import { ConnectorSender } from '../../bot/proactive';
import { ConnectorDouble } from '../support/connector-double';

describe('ConnectorSender against the connector double', () => {
  const connector = new ConnectorDouble();
  const sender = new ConnectorSender({ timeoutMs: 2000 });
  let to: Record<string, unknown>;

  beforeAll(async () => {
    await connector.start();
    to = {
      serviceUrl: `${connector.url}/`,
      channelId: 'msteams',
      conversation: { id: 'a:personal-29:erika', tenantId: 't' },
      bot: { id: '28:bot' },
      user: { id: '29:erika' },
    };
  });
  afterAll(() => connector.stop());
  beforeEach(() => connector.clear());

  const card = {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: { type: 'AdaptiveCard' },
  };

  it('sends, updates and deletes a card in the stored conversation', async () => {
    const sent = await sender.send(to, { card });
    expect(sent.ok).toBe(true);
    const id = sent.ok ? sent.activityId : '';
    expect(await sender.update(to, id, { text: 'neu' })).toEqual({ ok: true, activityId: id });
    expect(await sender.delete(to, id)).toEqual({ ok: true, activityId: id });
    expect(connector.calls.map((c) => c.op)).toEqual(['send', 'update', 'delete']);
    expect(connector.calls[0]?.activity?.attachments).toEqual([card]);
    expect(connector.calls[1]?.activityId).toBe(id);
  });

  it('sends text as plain text, so a typed note is not read as Markdown', async () => {
    await sender.send(to, { text: 'Eva hat geschlossen. **Siehe** [hier](https://evil.example)' });
    expect(connector.calls[0]?.activity).toMatchObject({ textFormat: 'plain' });
  });

  it.each([
    [
      { status: 429, retryAfterSeconds: 2 } as const,
      { ok: false, kind: 'throttled', status: 429, retryAfterMs: 2000 },
    ],
    [{ status: 429 } as const, { ok: false, kind: 'throttled', status: 429 }],
    [
      { status: 503, retryAfterSeconds: 1 } as const,
      { ok: false, kind: 'transient', status: 503, retryAfterMs: 1000 },
    ],
    [{ status: 500 } as const, { ok: false, kind: 'transient', status: 500 }],
    [{ status: 403 } as const, { ok: false, kind: 'blocked', status: 403 }],
    [{ status: 404 } as const, { ok: false, kind: 'not-found', status: 404 }],
  ])('reports %j as %j after exactly one request', async (fault, expected) => {
    connector.failNext(fault);
    expect(await sender.send(to, { text: 'hallo' })).toMatchObject(expected);
    expect(connector.calls).toHaveLength(0);
    expect(await sender.send(to, { text: 'hallo' })).toMatchObject({ ok: true });
  });

  it('reports an unreachable connector as transient', async () => {
    const result = await sender.send({ ...to, serviceUrl: 'http://127.0.0.1:9/' }, { text: 'x' });
    expect(result).toEqual({ ok: false, kind: 'transient' });
  });

  it('reports an answer that does not come in time as transient', async () => {
    const impatient = new ConnectorSender({ timeoutMs: 100 });
    connector.beforeNextCall(() => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(await impatient.send(to, { text: 'x' })).toEqual({ ok: false, kind: 'transient' });
  });

  it('reports an answer cut off halfway as transient, not as sent', async () => {
    connector.failNext({ status: 201, interrupted: true });
    expect(await sender.send(to, { text: 'x' })).toEqual({ ok: false, kind: 'transient' });
    expect(await sender.send(to, { text: 'x' })).toMatchObject({ ok: true });
  });

  it('rejects an incomplete conversation reference without a request', async () => {
    expect(await sender.send({ serviceUrl: connector.url }, { text: 'x' })).toMatchObject({
      kind: 'rejected',
    });
    expect(connector.calls).toHaveLength(0);
  });
});
