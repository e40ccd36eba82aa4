/**
 * The course service as the organisers' side (CLI, imports) builds it: on a test's store,
 * with the demo organisation unless told otherwise, and a sender that records nothing.
 */
import { coursePresenter } from '../../cards';
import { AuditLog } from '../../services/audit';
import { Audiences, Broadcasts } from '../../services/broadcast';
import { systemClock, type Clock } from '../../services/clock';
import { Courses } from '../../services/courses';
import { createDirectory, type OrgDirectory } from '../../services/directory';
import type { MessageSender } from '../../services/messaging';
import { Scheduler } from '../../services/scheduler';
import type { Store } from '../../services/storage';

export function courseService(
  store: Store,
  options: {
    clock?: Clock;
    directory?: OrgDirectory;
    sender?: MessageSender;
    baseUrl?: string;
  } = {},
): Courses {
  const clock = options.clock ?? systemClock;
  const directory = options.directory ?? createDirectory({ kind: 'demo' });
  return new Courses({
    store,
    clock,
    directory,
    scheduler: new Scheduler({ store, clock }),
    sender: options.sender ?? { send: jest.fn(), update: jest.fn(), delete: jest.fn() },
    views: coursePresenter(options.baseUrl ?? 'http://127.0.0.1:3978'),
    audit: new AuditLog(store, clock),
    broadcasts: new Broadcasts({ store, audiences: new Audiences(store, directory), clock }),
  });
}
