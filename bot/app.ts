/**
 * The composition root: config in, a running bot out. main.ts adds the process around it;
 * tests start it in-process on port 0.
 */
import type { Config } from '../services/config';
import { systemClock, type Clock } from '../services/clock';
import type { Logger } from '../services/logging';
import { AuditLog } from '../services/audit';
import { Courses, coursePrivacySource, courseSettingsFrom } from '../services/courses';
import { createDirectory, UnitCatalog } from '../services/directory';
import {
  FaqReview,
  KnowledgeBase,
  KnowledgeRepository,
  defaultThresholds,
  readDefaultKnowledgeBase,
} from '../services/knowledge';
import { fieldSource, Privacy, PRIVACY_EXPORTS_CONTAINER } from '../services/privacy';
import { expired, olderThan, Retention } from '../services/retention';
import {
  FEEDBACK_CONTAINER,
  GAPS_CONTAINER,
  QUESTIONS_CONTAINER,
  QuestionLog,
} from '../services/questions';
import { JOBS_CONTAINER, Scheduler } from '../services/scheduler';
import {
  Audiences,
  BroadcastWorker,
  Broadcasts,
  ProactiveSender,
  broadcastPrivacySource,
  broadcastRetentionRules,
  createAppRateGate,
  DeliveryReports,
} from '../services/broadcast';
import { DOWNLOADS_CONTAINER, OneTimeLinks } from '../services/downloads';
import type { Store } from '../services/storage';
import { ABSENCES_CONTAINER, TICKETS_CONTAINER, Tickets } from '../services/tickets';
import { appInstallerFromConfig, type AppInstaller } from '../services/teams-apps';
import { USERS_CONTAINER, UserProfiles } from '../services/users';
import { coursePresenter, ticketViews } from '../cards';
import { createAdapter, type AdapterOptions } from './adapter';
import { registerAnnouncementsApi } from './api/announcements';
import { apiTokenVerifier } from './api/api-token';
import { refreshReportCards, requestPendingApprovals } from '../dialogs/announcements';
import { UserRateLimit } from './rate-limit';
import { registerAnnouncementReportRoute } from './announcement-report-route';
import { registerCalendarRoutes } from './calendar-route';
import { registerPrivacyRoute } from './privacy-route';
import { ConnectorSender, tokenSourceFor } from './proactive';
import { storeFromConfig } from './store-from-config';
import { DigitallotseBot } from './handler';
import { createServer, type Readiness } from './server';

export interface RunningBot {
  url: string;
  store: Store;
  /** Durable jobs (escalations, reminders); tests run due jobs with `runDue()`. */
  scheduler: Scheduler;
  /** Graceful stop: no new requests, running turns and jobs finish, the store is closed. */
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
  /** Tests only: installs the app for lotsen without it (else from TEAMS_APP_AUTO_INSTALL). */
  appInstaller?: AppInstaller;
  /** Tests only: a local OpenID metadata server and offline outgoing tokens. */
  authentication?: Pick<AdapterOptions, 'authOverrides' | 'credentialsFactory'>;
}

export async function startApp(
  config: Config,
  logger: Logger,
  options: AppOptions = {},
): Promise<RunningBot> {
  refuseAnonymousExposure(config);
  const clock = options.clock ?? systemClock;
  const store = storeFromConfig(config.store);
  const profiles = new UserProfiles(store, clock);
  const directory = createDirectory(config.directory, { logger, clock });
  const knowledgeRepository = new KnowledgeRepository(store, clock);
  if (await knowledgeRepository.seedIfEmpty(readDefaultKnowledgeBase())) {
    logger.info('Mitgelieferte Wissensdatenbank geladen (erster Start)');
  }
  const knowledge = new KnowledgeBase(knowledgeRepository, {
    ...defaultThresholds,
    answer: config.knowledge.answerThreshold,
    suggest: config.knowledge.suggestThreshold,
  });
  const questions = new QuestionLog(store, clock);
  const scheduler = new Scheduler({
    store,
    clock,
    logger,
    intervalMs: config.scheduler.intervalMs,
  });
  // One rate budget for every proactive message (tickets, courses, announcements): the
  // broadcast worker's rate sharing splits it among instances. Counted in real time, also
  // when tests move the business clock: Teams counts requests, not business days.
  const rateGate = createAppRateGate({ requestsPerSecond: config.broadcast.requestsPerSecond });
  const sender = new ProactiveSender(
    new ConnectorSender({ tokens: tokenSourceFor(config.credentials) }),
    rateGate,
  );
  const tickets = new Tickets({
    store,
    clock,
    directory,
    scheduler,
    logger,
    sender,
    views: ticketViews,
    settings: config.tickets,
    appInstaller:
      options.appInstaller ??
      appInstallerFromConfig(config.teamsAppInstall, config.directory, logger),
  });
  const audit = new AuditLog(store, clock);
  const audiences = new Audiences(store, directory);
  const announcements = {
    broadcasts: new Broadcasts({
      store,
      audiences,
      clock,
      approvalThreshold: config.broadcast.approvalThreshold,
    }),
    reports: new DeliveryReports(store, clock),
    audit,
    links: new OneTimeLinks(store, clock),
    sender,
  };
  // Any number of instances may run a worker: leases share the batches, heartbeats the rate.
  const broadcastWorker = config.broadcast.worker
    ? new BroadcastWorker({
        store,
        // The raw sender: the worker paces and retries at the shared gate itself.
        sender: new ConnectorSender({ tokens: tokenSourceFor(config.credentials) }),
        gate: rateGate,
        resolveAudience: audiences.resolve,
        clock: options.clock,
        logger,
        requestsPerSecond: config.broadcast.requestsPerSecond,
      })
    : undefined;
  const faqReview = new FaqReview(store, knowledgeRepository, clock, audit);
  const units = new UnitCatalog(directory, clock);
  const courses = new Courses({
    store,
    clock,
    directory,
    units,
    scheduler,
    audit,
    logger,
    sender,
    views: coursePresenter(config.publicBaseUrl),
    settings: courseSettingsFrom(config),
    broadcasts: announcements.broadcasts,
  });
  const privacy = new Privacy(
    [
      fieldSource('Profil', store, USERS_CONTAINER, 'id'),
      fieldSource('Fragen an den Bot', store, QUESTIONS_CONTAINER, 'askerId'),
      fieldSource('Bewertungen von Antworten', store, FEEDBACK_CONTAINER, 'askerId'),
      fieldSource('Anfragen an Lotsinnen und Lotsen', store, TICKETS_CONTAINER, 'asker.profileId'),
      fieldSource(
        'Abwesenheiten als Lotsin / Lotse',
        store,
        ABSENCES_CONTAINER,
        'id',
        (subject) => subject.aadObjectId ?? '',
      ),
      coursePrivacySource(courses),
      broadcastPrivacySource(store),
    ],
    store,
    audit,
    clock,
  );
  const adapter = createAdapter({
    credentials: config.credentials,
    allowedTenantIds: config.allowedTenantIds,
    logger,
    userRateLimit: new UserRateLimit({ limit: config.userMessagesPerMinute }, clock),
    ...options.authentication,
  });
  const bot = new DigitallotseBot({
    profiles,
    directory,
    units,
    knowledge,
    faqReview,
    questions,
    tickets,
    privacy,
    courses,
    announcements,
    publicBaseUrl: config.publicBaseUrl,
    clock,
    logger,
  });

  const readiness = async (): Promise<Readiness> => {
    const storeHealth = await store.health().catch((error: Error) => ({
      ok: false,
      kind: config.store.kind,
      detail: error.message,
    }));
    // A degraded directory still lets the bot answer (routing falls back to the central team).
    const directoryHealth = await directory.health();
    return { ready: storeHealth.ok, store: storeHealth, directory: directoryHealth };
  };

  const server = createServer({
    adapter,
    bot,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    readiness,
    routes: [
      (http) => registerPrivacyRoute(http, privacy),
      (http) => registerCalendarRoutes(http, courses),
      (http) => registerAnnouncementReportRoute(http, { ...announcements, directory }),
      (http) =>
        registerAnnouncementsApi(http, {
          ...announcements,
          verify: config.broadcast.api && apiTokenVerifier(config.broadcast.api),
          units,
          logger,
        }),
    ],
  });
  const retention = new Retention(
    [
      olderThan(
        'Fragenprotokoll',
        store,
        QUESTIONS_CONTAINER,
        'createdAt',
        config.knowledge.gapsRetentionDays,
      ),
      olderThan(
        'Wissenslücken',
        store,
        GAPS_CONTAINER,
        'createdAt',
        config.knowledge.gapsRetentionDays,
      ),
      olderThan(
        'abgeschlossene Anfragen',
        store,
        TICKETS_CONTAINER,
        'updatedAt',
        config.retention.ticketsDays,
        [{ field: 'active', op: '=', value: false }],
      ),
      ...broadcastRetentionRules(store, config.retention.deliveriesDays),
      olderThan(
        'erledigte Aufgaben',
        store,
        JOBS_CONTAINER,
        'finishedAt',
        config.retention.deliveriesDays,
      ),
      expired('Datenexporte', store, PRIVACY_EXPORTS_CONTAINER, 'expiresAt'),
      expired('Download-Links', store, DOWNLOADS_CONTAINER, 'expiresAt'),
    ],
    scheduler,
    logger,
  );
  const url = await server.listen(config.port, config.host);
  // Jobs whose scheduling a crash interrupted are added again (idempotent by id).
  await tickets.ensureDeadlineJobs().catch((error: Error) => {
    logger.warn({ err: { message: error.message } }, 'ticket deadlines could not be checked');
  });
  await courses.ensureReminderJobs().catch((error: Error) => {
    logger.warn({ err: { message: error.message } }, 'course reminders could not be checked');
  });
  await retention.scheduleAfter(clock.now());
  if (config.scheduler.intervalMs > 0) scheduler.start();
  broadcastWorker?.start();
  // The organisers' report cards follow the delivery, in place; sends submitted outside a
  // Teams turn (API, CLI) that need an approval get their approval requests.
  const reportCards = setInterval(() => {
    refreshReportCards({ announcements }).catch((error: Error) => {
      logger.warn({ err: { message: error.message } }, 'report cards not refreshed');
    });
    requestPendingApprovals({ announcements, directory, profiles, logger }).catch(
      (error: Error) => {
        logger.warn({ err: { message: error.message } }, 'approval requests not sent');
      },
    );
  }, 15_000);
  reportCards.unref();
  return {
    url,
    store,
    scheduler,
    close: async () => {
      await server.close();
      await scheduler.stop();
      clearInterval(reportCards);
      await broadcastWorker?.stop();
      rateGate.close();
      await store.close();
    },
  };
}

/**
 * loadConfig already refuses these; a Config assembled any other way must not open an
 * anonymous endpoint either.
 */
function refuseAnonymousExposure(config: Config): void {
  if (!config.localMode) return;
  if (config.production) {
    throw new Error('Lokaler Modus (ohne Bot-Zugangsdaten) ist in Produktion nicht erlaubt');
  }
  if (config.host !== '127.0.0.1') {
    throw new Error(`Lokaler Modus lauscht nur auf 127.0.0.1, nicht auf ${config.host}`);
  }
}
