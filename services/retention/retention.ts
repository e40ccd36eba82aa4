/**
 * Retention as a durable daily job: every night each rule deletes what it may no longer
 * keep. The job id is the date, so several instances schedule and run it once.
 */
import { DateTime } from 'luxon';
import type { Logger } from '../logging';
import type { Scheduler } from '../scheduler';
import type { RetentionRule } from './rules';

export const RETENTION_JOB_KIND = 'retention.daily';
const ZONE = 'Europe/Berlin';
const RUN_AT_HOUR = 3;

export class Retention {
  constructor(
    private readonly rules: readonly RetentionRule[],
    private readonly scheduler: Scheduler,
    private readonly logger: Logger,
  ) {
    scheduler.register(RETENTION_JOB_KIND, async (_job, { now }) => {
      await this.purge(now);
      await this.scheduleAfter(now);
    });
  }

  /** Runs every rule now; returns the records purged per rule. */
  async purge(now: Date): Promise<Record<string, number>> {
    const purged: Record<string, number> = {};
    for (const rule of this.rules) purged[rule.name] = await rule.purge(now);
    this.logger.info({ purged }, 'retention: old records deleted');
    return purged;
  }

  /** Makes sure the next nightly run is scheduled (idempotent; call at start). */
  async scheduleAfter(now: Date): Promise<void> {
    const today = DateTime.fromJSDate(now, { zone: ZONE }).set({
      hour: RUN_AT_HOUR,
      minute: 0,
      second: 0,
      millisecond: 0,
    });
    const next = today.toMillis() > now.getTime() ? today : today.plus({ days: 1 });
    await this.scheduler.schedule({
      id: `retention:${next.toISODate()}`,
      kind: RETENTION_JOB_KIND,
      dueAt: next.toJSDate(),
      payload: {},
    });
  }
}
