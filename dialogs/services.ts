import type { Clock } from '../services/clock';
import type { OrgDirectory } from '../services/directory';
import type { Logger } from '../services/logging';
import type { UserProfiles } from '../services/users';

/** The domain services the dialogs use; built once in bot/main.ts. */
export interface DialogServices {
  profiles: UserProfiles;
  directory: OrgDirectory;
  clock: Clock;
  logger: Logger;
}
