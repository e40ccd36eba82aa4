import type { Clock } from '../clock';
import type { DirectoryUser, OrgDirectory } from '../directory';
import type { Logger } from '../logging';
import type { Scheduler, WorkingCalendar } from '../scheduler';
import type { Store } from '../storage';
import type { AppInstaller } from '../teams-apps';
import type { LotseAbsences } from './absences';
import type { TicketMessenger } from './messenger';
import type { Person } from './ticket';

export interface TicketSettings {
  /** Working hours an offered ticket waits for a claim before it moves on. */
  escalationWorkingHours: number;
  /** Working days a claimed ticket waits for the answer before the assignee is reminded. */
  reminderWorkingDays: number;
  calendar?: WorkingCalendar;
}

/** What the parts of the ticket service share; built once by `Tickets`. */
export interface TicketContext {
  store: Store;
  clock: Clock;
  directory: OrgDirectory;
  scheduler: Scheduler;
  messenger: TicketMessenger;
  absences: LotseAbsences;
  logger: Logger;
  settings: TicketSettings;
  /** Installs the app for a lotse without it; absent when the configuration does not allow it. */
  installer?: AppInstaller;
}

/** Ids are compared in lower case: Teams and Graph do not promise one spelling. */
export function idOf(id: string): string {
  return id.toLowerCase();
}

export function personOf(user: DirectoryUser): Person {
  return {
    id: idOf(user.id),
    displayName: user.displayName,
    userPrincipalName: user.userPrincipalName,
    language: user.preferredLanguage?.toLowerCase().startsWith('en') ? 'en' : 'de',
  };
}
