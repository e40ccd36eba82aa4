/**
 * A named benchmark for `npm run bench -- <name> [args]`. Each lives in
 * `tests/bench/<name>.bench.ts` and exports `benchmark`. The harness prints the
 * figures as a table and, with `--json`, as one JSON object on the last stdout line.
 */
export type Figures = Record<string, string | number | boolean | null>;

export interface Benchmark {
  name: string;
  description: string;
  /** `args` are the command-line arguments after the name, without `--json`. */
  run(args: string[], progress: (line: string) => void): Promise<Figures>;
}

/** p-th percentile (0..100) of a list of numbers, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Rounds to a fixed number of decimals for printing. */
export function round(value: number, decimals = 3): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
