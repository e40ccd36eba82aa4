/**
 * What acceptance checks share: where ../shared is, how to start the real bot as its own
 * process (`npm run serve` equivalent) and how to start teams-sim from ../shared.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = resolve(__dirname, '..', '..');
export const sharedDir = resolve(repoRoot, '..', 'shared');

export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

export function sharedAvailable(): boolean {
  return existsSync(sharedPath('tools', 'teams-sim', 'sim.mjs'));
}

export interface Sim {
  url: string;
  stats(): Record<string, unknown>;
  configure(patch: Record<string, unknown>): unknown;
  reset(options?: { all?: boolean }): unknown;
  close(): Promise<void>;
}

export async function startSim(options: Record<string, unknown> = {}): Promise<Sim> {
  const module = (await import(
    pathToFileURL(sharedPath('tools', 'teams-sim', 'sim.mjs')).href
  )) as {
    startSim(options: Record<string, unknown>): Promise<Sim>;
  };
  return module.startSim({ port: 0, ...options });
}

export interface BotProcess {
  url: string;
  messagesUrl: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `bot/main.ts` as a separate process and waits until /readyz answers. */
export async function startBotProcess(env: Record<string, string> = {}): Promise<BotProcess> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const dataDir = mkdtempSync(join(tmpdir(), 'digitallotse-acceptance-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'bot', 'main.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      SQLITE_PATH: join(dataDir, 'bot.db'),
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child);
  return {
    url,
    messagesUrl: `${url}/api/messages`,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolveExit) => {
        if (child.exitCode !== null) return resolveExit(child.exitCode);
        child.once('exit', (code) => resolveExit(code));
        child.kill(signal);
      }),
  };
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`bot exited with ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`bot not ready after ${timeoutMs} ms`);
}

/** POSTs JSON to teams-sim and returns the parsed answer. */
export async function simPost<T = Record<string, unknown>>(
  sim: Sim,
  path: string,
  body: unknown,
): Promise<T> {
  const response = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

export interface AcceptanceCheck {
  name: string;
  run(log: (line: string) => void): Promise<void>;
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
