import type { Clock } from '../clock';
import { createIfMissing, queryAll, updateDocument, type Doc, type Store } from '../storage';

/** A lotse's own "abwesend": until an instant, or until they say "wieder da" (null). */
export interface LotseAbsence extends Doc {
  until: string | null;
  since: string;
}

export const ABSENCES_CONTAINER = 'lotse-absences';

/** Absences lotsen set in the bot, besides Outlook's automatic replies. */
export class LotseAbsences {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Marks a lotse absent until `until` (exclusive), or until further notice. */
  async set(lotseId: string, until: Date | null): Promise<void> {
    const doc: LotseAbsence = {
      id: lotseId,
      until: until ? until.toISOString() : null,
      since: this.clock.now().toISOString(),
    };
    const { created } = await createIfMissing(this.store, ABSENCES_CONTAINER, doc);
    if (!created)
      await updateDocument<LotseAbsence>(this.store, ABSENCES_CONTAINER, lotseId, () => doc);
  }

  /** "wieder da"; false when no absence was set. */
  clear(lotseId: string): Promise<boolean> {
    return this.store.delete(ABSENCES_CONTAINER, lotseId);
  }

  async of(lotseId: string): Promise<LotseAbsence | undefined> {
    const absence = await this.store.get<LotseAbsence>(ABSENCES_CONTAINER, lotseId);
    return absence && this.isCurrent(absence) ? absence : undefined;
  }

  /** Everyone absent now: routing's `markedAbsent`. Lotsen are few, so one scan suffices. */
  async markedAbsent(): Promise<Set<string>> {
    const absent = new Set<string>();
    for await (const absence of queryAll<LotseAbsence>(this.store, ABSENCES_CONTAINER)) {
      if (this.isCurrent(absence)) absent.add(absence.id);
    }
    return absent;
  }

  private isCurrent(absence: LotseAbsence): boolean {
    return absence.until === null || absence.until > this.clock.now().toISOString();
  }
}
