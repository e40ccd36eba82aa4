/**
 * The composition root: config in, a running bot out. main.ts adds the process around it;
 * tests start it in-process on port 0.
 */
import type { Config } from '../services/config';
import { systemClock, type Clock } from '../services/clock';
import type { Logger } from '../services/logging';
import { AuditLog } from '../services/audit';
import { createDirectory } from '../services/directory';
import {
  FaqReview,
  KnowledgeBase,
  KnowledgeRepository,
  defaultThresholds,
  readDefaultKnowledgeBase,
} from '../services/knowledge';
import { QuestionLog } from '../services/questions';
import type { Store } from '../services/storage';
import { UserProfiles } from '../services/users';
import { createAdapter } from './adapter';
import { storeFromConfig } from './store-from-config';
import { DigitallotseBot } from './handler';
import { createServer, type Readiness } from './server';

export interface RunningBot {
  url: string;
  store: Store;
  /** Graceful stop: no new requests, running turns finish, the store is closed. */
  close(): Promise<void>;
}

export interface AppOptions {
  clock?: Clock;
}

export async function startApp(
  config: Config,
  logger: Logger,
  options: AppOptions = {},
): Promise<RunningBot> {
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
  const audit = new AuditLog(store, clock);
  const faqReview = new FaqReview(store, knowledgeRepository, clock, audit);
  const adapter = createAdapter({
    credentials: config.credentials,
    allowedTenantIds: config.allowedTenantIds,
    logger,
  });
  const bot = new DigitallotseBot({
    profiles,
    directory,
    knowledge,
    faqReview,
    questions,
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
  });
  const url = await server.listen(config.port, config.host);
  return {
    url,
    store,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}
