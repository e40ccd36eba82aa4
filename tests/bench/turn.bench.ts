/**
 * `turn`: message round trip (POST to the bot → reply received by teams-sim via /_sim/say)
 * for our bot and, in the same run, for a bare botbuilder echo bot; plus startup time to
 * ready and resident memory.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  repoRoot,
  sharedAvailable,
  simPost,
  startBotProcess,
  startSim,
  type BotProcess,
} from '../acceptance/context';
import { percentile, round, type Benchmark, type Figures } from './benchmark';

const DEFAULT_TURNS = 300;

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return round(kb / 1024, 1);
}

async function startEchoBot(): Promise<BotProcess> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'echo-bot.ts')], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port) },
    stdio: 'inherit',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i += 1) {
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    messagesUrl: `${url}/api/messages`,
    child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

async function measure(
  sim: Awaited<ReturnType<typeof startSim>>,
  messagesUrl: string,
  text: string,
  turns: number,
): Promise<number[]> {
  const timings: number[] = [];
  for (let i = 0; i < turns + 20; i += 1) {
    const started = performance.now();
    const said = await simPost<{ status: number; replies: unknown[] }>(sim, '/_sim/say', {
      botUrl: messagesUrl,
      user: { id: `bench-user-${i % 10}` },
      text,
      minReplies: 1,
      quietMs: 0,
    });
    const elapsed = performance.now() - started;
    if (said.status !== 200 || said.replies.length === 0)
      throw new Error(`turn ${i} failed: ${JSON.stringify(said)}`);
    if (i >= 20) timings.push(elapsed); // the first turns warm up the JIT and connections
  }
  return timings;
}

export const benchmark: Benchmark = {
  name: 'turn',
  description: 'round trip of one message, our bot vs. a bare echo bot; startup and memory',
  async run(args, progress): Promise<Figures> {
    if (!sharedAvailable())
      throw new Error('../shared/tools/teams-sim fehlt: der turn-Benchmark braucht teams-sim');
    const turnsArg = args.indexOf('--turns');
    const turns = turnsArg >= 0 ? Number(args[turnsArg + 1]) : DEFAULT_TURNS;
    const sim = await startSim({ quietMs: 0 });
    const startedAt = performance.now();
    const ours = await startBotProcess();
    const startupMs = performance.now() - startedAt;
    const echo = await startEchoBot();
    try {
      progress(`${turns} turns "hilfe" against our bot`);
      const oursMs = await measure(sim, ours.messagesUrl, 'hilfe', turns);
      progress(`${turns} turns against the echo bot`);
      const echoMs = await measure(sim, echo.messagesUrl, 'hallo', turns);
      const p50 = percentile(oursMs, 50);
      const echoP50 = percentile(echoMs, 50);
      return {
        turns,
        p50Ms: round(p50, 2),
        p99Ms: round(percentile(oursMs, 99), 2),
        echoP50Ms: round(echoP50, 2),
        echoP99Ms: round(percentile(echoMs, 99), 2),
        ratioP50: round(p50 / echoP50, 2),
        startupToReadyMs: Math.round(startupMs),
        rssMb: rssMb(ours.child.pid),
        echoRssMb: rssMb(echo.child.pid),
      };
    } finally {
      await Promise.all([ours.stop(), echo.stop()]);
      await sim.close();
    }
  },
};
