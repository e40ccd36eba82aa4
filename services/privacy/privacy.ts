import { randomBytes } from 'node:crypto';
import type { AuditLog } from '../audit';
import type { Clock } from '../clock';
import type { Doc, Store } from '../storage';
import type { DataSubject, PersonalDataSource } from './personal-data';

export const PRIVACY_EXPORTS_CONTAINER = 'privacy-exports';
const EXPORT_VALID_MS = 60 * 60 * 1000;

export interface SourceSummary {
  name: string;
  count: number;
}

interface ExportDoc extends Doc {
  expiresAt: string;
  content: Record<string, unknown>;
}

export class Privacy {
  constructor(
    private readonly sources: readonly PersonalDataSource[],
    private readonly store: Store,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** What is stored about the person: a count per source. */
  async summary(subject: DataSubject): Promise<SourceSummary[]> {
    return Promise.all(
      this.sources.map(async (source) => ({
        name: source.name,
        count: (await source.export(subject)).length,
      })),
    );
  }

  /**
   * Collects all of the person's data and keeps it for one hour under an unguessable
   * token; the token is the download link's only secret.
   */
  async createExport(subject: DataSubject): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock.now();
    const data: Record<string, unknown[]> = {};
    for (const source of this.sources) data[source.name] = await source.export(subject);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + EXPORT_VALID_MS);
    await this.store.create<ExportDoc>(PRIVACY_EXPORTS_CONTAINER, {
      id: token,
      expiresAt: expiresAt.toISOString(),
      content: { erstelltAm: now.toISOString(), person: subject, daten: data },
    });
    await this.audit.record({ id: subject.profileId }, 'privacy.export');
    return { token, expiresAt };
  }

  /** The export behind a token, once and only while it is valid. */
  async takeExport(token: string): Promise<Record<string, unknown> | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const found = await this.store.get<ExportDoc>(PRIVACY_EXPORTS_CONTAINER, token);
    if (!found) return undefined;
    await this.store.delete(PRIVACY_EXPORTS_CONTAINER, token);
    return new Date(found.expiresAt) > this.clock.now() ? found.content : undefined;
  }

  /** Erases everywhere; the audit entry keeps only the counts, no content. */
  async erase(subject: DataSubject): Promise<SourceSummary[]> {
    const erased: SourceSummary[] = [];
    for (const source of this.sources)
      erased.push({ name: source.name, count: await source.erase(subject) });
    const details = Object.fromEntries(erased.map((e) => [e.name, e.count]));
    await this.audit.record({ id: subject.profileId }, 'privacy.erase', undefined, details);
    return erased;
  }
}
