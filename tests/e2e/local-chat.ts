/**
 * `npm start` as a person would run it: the bot in local mode plus the Microsoft 365 Agents
 * Playground, in a process group of its own, with a fresh database and a free bot port.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..');

export interface LocalChat {
  /** The Playground's address, as `npm start` announces it. */
  chatUrl: string;
  /** Stops the bot and the Playground (SIGTERM, then SIGKILL for stragglers). */
  stop(): Promise<void>;
  /** `lotse courses import <file>` into this instance's store, as an organiser would. */
  importCourses(csvPath: string): void;
}

export async function startLocalChat(timeoutMs = 60_000): Promise<LocalChat> {
  const dataDir = mkdtempSync(join(tmpdir(), 'digitallotse-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bot', 'local.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(await freePort()),
      SQLITE_PATH: join(dataDir, 'bot.db'),
      LOG_LEVEL: 'warn',
      TEAMSAPPTESTER_BROWSER: 'none',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() also reaches the Playground and tsx's esbuild.
    detached: true,
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const graceful = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref()),
      ]);
      if (!graceful) signalGroup('SIGKILL');
    }
    signalGroup('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // the whole group is gone already
    }
  };

  try {
    const chatUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start: keine Chat-Adresse nach ${timeoutMs} ms\n${output}`)),
        timeoutMs,
      );
      const collect = (chunk: Buffer): void => {
        output += chunk.toString();
        const url = /Chat im Browser öffnen:\s+(http\S+)/.exec(output)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`npm start endete mit ${code} vor dem Start\n${output}`));
      });
    });
    const importCourses = (csvPath: string): void => {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'bot', 'cli.ts'), 'courses', 'import', csvPath],
        {
          cwd: repoRoot,
          env: { ...process.env, SQLITE_PATH: join(dataDir, 'bot.db') },
          stdio: 'pipe',
        },
      );
    };
    return { chatUrl, stop, importCourses };
  } catch (error) {
    await stop();
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
