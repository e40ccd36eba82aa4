import type { Clock } from '../services/clock';
import type { OrgDirectory } from '../services/directory';
import type { FaqReview, KnowledgeBase } from '../services/knowledge';
import type { QuestionLog } from '../services/questions';
import type { Logger } from '../services/logging';
import type { UserProfiles } from '../services/users';

/** The domain services the dialogs use; built once in bot/main.ts. */
export interface DialogServices {
  profiles: UserProfiles;
  directory: OrgDirectory;
  knowledge: KnowledgeBase;
  faqReview: FaqReview;
  questions: QuestionLog;
  clock: Clock;
  logger: Logger;
}
