/**
 * The real bot, in-process, in local mode, as a fuzzing target: its error-level log lines
 * are collected (a turn that threw counts as a fault even when the user got a friendly
 * card), replies go to a connector double.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startApp, type RunningBot } from '../../bot/app';
import { loadConfig } from '../../services/config';
import { ConnectorDouble } from './connector-double';
import type { FuzzRequest } from './fuzz-activities';

export interface LoggedError {
  msg: string;
  err?: { name?: string; message?: string; stack?: string };
}

export interface FuzzTarget {
  bot: RunningBot;
  connector: ConnectorDouble;
  /** Error-level log lines since the start (or the last `errors.length = 0`). */
  errors: LoggedError[];
  /** Posts one request and returns the HTTP status (0 when the bot did not answer). */
  post(request: FuzzRequest): Promise<number>;
  close(): Promise<void>;
}

const ERROR_LEVEL = 50;

export async function startFuzzTarget(env: Record<string, string> = {}): Promise<FuzzTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'digitallotse-fuzz-'));
  const errors: LoggedError[] = [];
  const logger = pino(
    { level: 'error' },
    {
      write(line: string) {
        const entry = JSON.parse(line) as LoggedError & { level: number };
        if (entry.level >= ERROR_LEVEL) errors.push({ msg: entry.msg, err: entry.err });
      },
    },
  );
  const connector = await new ConnectorDouble().start();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    SQLITE_PATH: join(dataDir, 'bot.db'),
    ...env,
  });
  const bot = await startApp(config, logger);
  const messagesUrl = `${bot.url}/api/messages`;
  return {
    bot,
    connector,
    errors,
    post: async ({ body, contentType }) => {
      try {
        const response = await fetch(messagesUrl, {
          method: 'POST',
          headers: contentType ? { 'content-type': contentType } : {},
          body,
          signal: AbortSignal.timeout(15_000),
        });
        await response.arrayBuffer();
        return response.status;
      } catch {
        return 0;
      }
    },
    close: async () => {
      await bot.close();
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
