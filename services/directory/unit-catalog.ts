/**
 * The organisation's units (departments) as the directory assigns people to them, for the
 * pickers of the compose forms. Read from every user once and kept for a while: a tenant's
 * units change seldom, and reading tens of thousands of users on each form would not do.
 */
import type { Clock } from '../clock';
import { departmentKey, unitAncestry } from './routing/department';
import type { OrgDirectory } from './types';

export interface UnitCatalogOptions {
  /** How long a list read from the directory is used (default 6 hours). */
  maxAgeMs?: number;
  /**
   * How long a caller waits for a first read (default 2 s): a Teams turn must answer within
   * seconds, and a large tenant takes longer. The read goes on for the next caller.
   */
  waitMs?: number;
}

export class UnitCatalog {
  private readonly maxAgeMs: number;
  private readonly waitMs: number;
  private cached?: { units: readonly string[]; readAt: number };
  private reading?: Promise<readonly string[]>;

  constructor(
    private readonly directory: OrgDirectory,
    private readonly clock: Clock,
    options: UnitCatalogOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 6 * 60 * 60 * 1000;
    this.waitMs = options.waitMs ?? 2000;
  }

  /**
   * The unit names in alphabetical order, each in the spelling most of its people carry;
   * empty when the directory cannot be read now or not in time (then asked again later).
   */
  async units(): Promise<readonly string[]> {
    const now = this.clock.now().getTime();
    if (this.cached && now - this.cached.readAt < this.maxAgeMs) return this.cached.units;
    this.reading ??= this.read()
      .then((units) => {
        this.cached = { units, readAt: this.clock.now().getTime() };
        return units;
      })
      .catch(() => this.cached?.units ?? [])
      .finally(() => (this.reading = undefined));
    // An old list serves while the new one is read.
    return this.cached ? this.cached.units : withinTime(this.reading, this.waitMs);
  }

  /** The given unit names the catalog does not know (compared like {@link isWithinUnit}). */
  async unknown(names: readonly string[]): Promise<string[]> {
    const units = await this.units();
    if (units.length === 0) return [];
    const known = new Set(units.map(unitKey));
    return names.filter((name) => !known.has(unitKey(name)));
  }

  private async read(): Promise<readonly string[]> {
    const spellings = new Map<string, Map<string, number>>();
    for await (const user of this.directory.users()) {
      if (!user.department || !user.accountEnabled || user.userType !== 'Member') continue;
      // A unit includes the units below it, so the units above a department are offered too.
      for (const name of unitAncestry(user.department)) {
        const key = departmentKey(name);
        if (key === null) continue;
        const counts = spellings.get(key) ?? new Map<string, number>();
        counts.set(name, (counts.get(name) ?? 0) + 1);
        spellings.set(key, counts);
      }
    }
    return [...spellings.values()].map(mostCommon).sort((a, b) => a.localeCompare(b, 'de'));
  }
}

function mostCommon(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [name, count] of counts) {
    // On a tie the first spelling met stays.
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

/** A unit's key with its path written evenly ("FB 2/Abt" as "fb 2 / abt"). */
function unitKey(name: string): string | null {
  return departmentKey(unitAncestry(name).pop() ?? '');
}

/** The promise's value, or none if it takes longer than `ms`. */
function withinTime(units: Promise<readonly string[]>, ms: number): Promise<readonly string[]> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<readonly string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), ms);
    timer.unref();
  });
  return Promise.race([units, late]).finally(() => clearTimeout(timer));
}
