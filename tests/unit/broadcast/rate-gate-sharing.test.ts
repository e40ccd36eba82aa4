import { ConversationLimiter, GlobalLimiter, RateGate } from '../../../services/broadcast';
import { GateClosedError } from '../../../services/broadcast/rate/gate';

describe('RateGate shared by the broadcast worker and the proactive sender', () => {
  // Frozen time: one request per window, so the second and third wait.
  const gateAt = (now: number) =>
    new RateGate(
      new GlobalLimiter({ requestsPerSecond: 1 }),
      new ConversationLimiter([]),
      () => now,
    );
  const worker = {};
  const proactive = {};

  it('counts each owner’s waiters and turns away only the one that stops', async () => {
    const gate = gateAt(1000);
    const first = await gate.acquire('a', worker);
    const workerWaits = gate.acquire('b', worker);
    const proactiveWaits = gate.acquire('c', proactive);
    expect(gate.waitingOf(worker)).toBe(1);
    expect(gate.waitingOf(proactive)).toBe(1);
    expect(gate.waiting).toBe(2);

    gate.abandon(worker);
    await expect(workerWaits).rejects.toBeInstanceOf(GateClosedError);
    expect(gate.waitingOf(worker)).toBe(0);
    expect(gate.waitingOf(proactive)).toBe(1);

    gate.close();
    await expect(proactiveWaits).rejects.toBeInstanceOf(GateClosedError);
    expect(gate.waitingOf(proactive)).toBe(0);
    first();
  });
});
