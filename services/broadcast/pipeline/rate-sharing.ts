import type { Logger } from '../../logging';
import type { Store } from '../../storage';
import type { RateGate } from '../rate/gate';
import { forgetGoneWorkers, heartbeat, leave } from './heartbeats';

/**
 * Splits the app's rate among the instances that are sending: each announces itself with a
 * heartbeat and takes 1 / (instances sending) of the limit. Teams counts the app, not the
 * instance.
 */
export class RateSharing {
  private sendingWorkers = 1;

  constructor(
    private readonly store: Store,
    private readonly workerId: string,
    private readonly gate: RateGate,
    private readonly heartbeatMs: number,
    private readonly now: () => number,
    private readonly logger: Logger,
  ) {}

  /**
   * Before this worker's first request: announce it, and when others are sending, give them
   * time to lower their share before adding its own — they notice within a heartbeat (twice,
   * for timer drift), and their last window at the higher rate has to pass as well.
   */
  async join(): Promise<void> {
    const others = (await this.beat(true)) - 1;
    // On the gate's own time: a shared app gate counts in real time, whatever the clock.
    if (others > 0) this.gate.holdUntil(this.gate.now() + 2 * this.heartbeatMs + 1000);
  }

  /** The periodic heartbeat; returns how many workers are sending, this one included. */
  async beat(sending: boolean): Promise<number> {
    const count = await heartbeat(
      this.store,
      this.workerId,
      sending,
      this.now(),
      this.heartbeatMs * 3,
    );
    const share = Math.max(1, count);
    if (share !== this.sendingWorkers) {
      this.sendingWorkers = share;
      this.gate.global.setShare(1 / share);
      this.logger.info({ workers: share }, 'sending workers changed; rate shared');
    }
    await forgetGoneWorkers(this.store, this.now(), 3_600_000);
    return count;
  }

  /** Clean stop: the others take the whole rate at their next heartbeat. */
  leave(): Promise<void> {
    return leave(this.store, this.workerId);
  }
}
