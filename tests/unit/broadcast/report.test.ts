import { summarise, type Broadcast } from '../../../services/broadcast';

const started = Date.parse('2026-03-02T09:00:00Z');

const broadcast: Broadcast = {
  id: 'b1',
  title: 'Kurs im März',
  createdBy: 'org',
  createdAt: '2026-03-02T08:00:00Z',
  audience: { kind: 'installed' },
  messages: { de: { text: 'Hallo' } },
  revision: 1,
  generation: 0,
  status: 'sending',
  sendAt: 0,
  reopenPending: false,
  leaseOwner: null,
  leaseUntil: 0,
  recipients: 1010,
  notInstalled: 10,
  startedAt: started,
  updatedAt: '2026-03-02T09:00:00Z',
};

describe('summarise', () => {
  it('reports counts, the rate so far and the time left', () => {
    const report = summarise(
      broadcast,
      { sent: 480, blocked: 10, failed: 5, 'not-installed': 5, queued: 490, retrying: 10 },
      42,
      started + 10_000,
    );
    expect(report).toMatchObject({
      recipients: 1010,
      sent: 480,
      pending: 500,
      failed: 5,
      blocked: 10,
      notInstalled: 15,
      acknowledged: 42,
      ratePerSecond: 50,
      secondsLeft: 10,
      startedAt: '2026-03-02T09:00:00.000Z',
    });
  });

  it('knows no rate and no time left before sending began', () => {
    const { startedAt: _started, ...notStarted } = broadcast;
    const report = summarise({ ...notStarted, status: 'queued' }, {}, 0, started);
    expect(report).toMatchObject({ ratePerSecond: 0, secondsLeft: null, pending: 0 });
  });
});
