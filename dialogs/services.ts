import type { AuditLog } from '../services/audit';
import type { Broadcasts, DeliveryReports } from '../services/broadcast';
import type { Clock } from '../services/clock';
import type { OneTimeLinks } from '../services/downloads';
import type { Courses } from '../services/courses';
import type { OrgDirectory, UnitCatalog } from '../services/directory';
import type { FaqReview, KnowledgeBase } from '../services/knowledge';
import type { Privacy } from '../services/privacy';
import type { QuestionLog } from '../services/questions';
import type { Tickets } from '../services/tickets';
import type { Logger } from '../services/logging';
import type { MessageSender } from '../services/messaging';
import type { UserProfiles } from '../services/users';

/** The domain services the dialogs use; built once in bot/main.ts. */
export interface DialogServices {
  profiles: UserProfiles;
  directory: OrgDirectory;
  /** The organisation's units, for the audience picker. */
  units: UnitCatalog;
  knowledge: KnowledgeBase;
  faqReview: FaqReview;
  questions: QuestionLog;
  /** Hand-off tickets, lotse absences and their deadlines. */
  tickets: Tickets;
  privacy: Privacy;
  /** Courses, registrations, calendar files and reminders. */
  courses: Courses;
  /** General announcements, their reports, the sender for approval requests, the audit log. */
  announcements: {
    broadcasts: Broadcasts;
    reports: DeliveryReports;
    sender: MessageSender;
    audit: AuditLog;
    /** One-time links to the delivery report (CSV). */
    links: OneTimeLinks;
  };
  /** Base of links users open in the browser (downloads). */
  publicBaseUrl: string;
  clock: Clock;
  logger: Logger;
}
