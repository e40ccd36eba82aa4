/**
 * Starts the real bot in-process on a free port with a temporary SQLite file, in local
 * mode (no credentials), with logs silenced.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type AppOptions, type RunningBot } from '../../bot/app';
import type { Clock } from '../../services/clock';
import { loadConfig, type Environment } from '../../services/config';
import { silentLogger, type Logger } from '../../services/logging';

export interface TestBot extends RunningBot {
  messagesUrl: string;
  dataDir: string;
  /** Stops this instance and starts a new one on the same data (a process restart). */
  restart(): Promise<TestBot>;
  /** Stops and removes the data. */
  dispose(): Promise<void>;
}

export async function startTestBot(
  env: Environment = {},
  options: {
    clock?: Clock;
    dataDir?: string;
    logger?: Logger;
    appInstaller?: AppOptions['appInstaller'];
  } = {},
): Promise<TestBot> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'digitallotse-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    SQLITE_PATH: join(dataDir, 'bot.db'),
    ...env,
  });
  const running = await startApp(config, options.logger ?? silentLogger, {
    clock: options.clock,
    appInstaller: options.appInstaller,
  });
  return {
    ...running,
    messagesUrl: `${running.url}/api/messages`,
    dataDir,
    restart: async () => {
      await running.close();
      return startTestBot(env, { ...options, dataDir });
    },
    dispose: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
