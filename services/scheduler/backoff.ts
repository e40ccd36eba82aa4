/** How long a failed job waits before its next run: doubling from `baseMs`, capped. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000 };

/** The pause after the `attempts`-th failed run (1 → base, 2 → 2 × base, …). */
export function retryDelayMs(attempts: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.min(exponent, 30));
}
