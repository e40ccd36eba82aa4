/**
 * Who did what when: every organiser send, approval, recall, course change and admin
 * action. Entries name the actor and the object, never message content.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { queryAll, type Doc, type Scalar, type Store } from '../storage';

export const AUDIT_CONTAINER = 'audit';

export interface AuditActor {
  /** Entra object id, or `cli:<user>` for the admin CLI. */
  id: string;
  name?: string;
}

export interface AuditEntry extends Doc {
  at: string;
  actor: AuditActor;
  /** Dotted verb, e.g. `kb.import`, `faq.accept`, `broadcast.send`, `course.change`. */
  action: string;
  /** What was acted on, e.g. a proposal, broadcast or course id. */
  target?: string;
  /** Counts and ids only — no message text. */
  details?: Record<string, Scalar>;
}

export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async record(
    actor: AuditActor,
    action: string,
    target?: string,
    details?: Record<string, Scalar>,
  ): Promise<void> {
    await this.store.create<AuditEntry>(AUDIT_CONTAINER, {
      id: randomUUID(),
      at: this.clock.now().toISOString(),
      actor,
      action,
      ...(target !== undefined && { target }),
      ...(details !== undefined && { details }),
    });
  }

  /** Entries at or after `since`, oldest first. */
  async since(since: Date): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    const options = {
      where: [{ field: 'at', op: '>=' as const, value: since.toISOString() }],
      orderBy: { field: 'at' },
    };
    for await (const entry of queryAll<AuditEntry>(this.store, AUDIT_CONTAINER, options)) {
      const { etag: _etag, ...rest } = entry;
      entries.push(rest);
    }
    return entries;
  }
}
