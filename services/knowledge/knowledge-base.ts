/**
 * The knowledge base as the running bot uses it: an in-memory index over the stored
 * entries, rebuilt when another instance or the admin CLI published a new version.
 */
import { decide, defaultThresholds, type Decision, type DecisionThresholds } from './decide';
import type { KnowledgeEntry } from './model';
import type { KnowledgeRepository } from './repository';
import { buildKnowledgeIndex, type KnowledgeIndex, type SearchResults } from './search';

export interface Answered {
  decision: Decision;
  results: SearchResults;
}

export class KnowledgeBase {
  private index?: KnowledgeIndex;
  private loadedVersion?: string;

  constructor(
    private readonly repository: KnowledgeRepository,
    private readonly thresholds: DecisionThresholds = defaultThresholds,
  ) {}

  /** Answers a question; `context` is the entry the user follows up on (its prompts). */
  async ask(question: string, context?: string): Promise<Answered> {
    const index = await this.current();
    const results = index.search(question, { context });
    return { decision: decide(results, this.thresholds), results };
  }

  async entry(id: string): Promise<KnowledgeEntry | undefined> {
    return (await this.current()).entry(id);
  }

  private async current(): Promise<KnowledgeIndex> {
    const version = await this.repository.version();
    if (!this.index || version !== this.loadedVersion) {
      this.index = buildKnowledgeIndex(await this.repository.loadAll());
      this.loadedVersion = version;
    }
    return this.index;
  }
}
