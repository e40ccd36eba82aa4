/**
 * `broadcast`: one announcement to N users through the real pipeline and the real
 * ConnectorSender against teams-sim with Teams' rate limits and injected 5xx faults.
 *
 *   npm run -s bench -- broadcast --recipients <N> [--global-rps <R>] [--fail-rate <f>] [--json]
 *     [--latency-ms <ms>] [--jitter-ms <ms>] [--seed <n>] [--throttle] [--workers <k>]
 *
 * 1. teams-sim runs as its own process; the real bot (`bot/main.ts`) as another.
 * 2. N users install the app through `/_sim/install`: the bot stores their profiles and
 *    conversation references in its SQLite file (limits and faults are off meanwhile).
 * 3. The bot stops; the sim's counters are reset and the limits and faults switched on.
 *    By default the sim serves every request and counts `limitViolations` (its
 *    `--no-throttle`), so the limiter has to keep the limits on its own; `--throttle`
 *    makes it answer 429 instead.
 * 4. This process (or `--workers k` worker processes) opens the bot's store, creates,
 *    submits and approves an announcement to everyone who installed the app, and runs the
 *    send workers until every delivery is final.
 *
 * `seconds` is the sending time (first request → last answer); `achievedRps` is delivered
 * messages per second over it, so `share` counts the requests lost to injected faults
 * against the engine; `cpuMsPerDelivery` is the CPU of the process(es) running the pipeline,
 * prepare included, per delivered message. BENCH_SIM_LOG=<file> keeps the sim's delivery log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConnectorSender } from '../../bot/proactive';
import { announcementCard } from '../../cards';
import {
  Audiences,
  BroadcastWorker,
  Broadcasts,
  DeliveryReports,
  type DeliveryReport,
} from '../../services/broadcast';
import { createLogger } from '../../services/logging';
import { SqliteStore } from '../../services/storage';
import { TimedSender } from '../fixtures/broadcast/timed-sender';
import { repoRoot, sharedAvailable, sharedPath, startBotProcess } from '../acceptance/context';
import { round, type Benchmark, type Figures } from './benchmark';

interface Settings {
  recipients: number;
  globalRps: number;
  failRate: number;
  latencyMs: number;
  jitterMs: number;
  seed: number;
  throttle: boolean;
  workers: number;
}

function settingsOf(args: string[]): Settings {
  const value = (name: string, fallback: number): number => {
    const index = args.indexOf(`--${name}`);
    if (index < 0) return fallback;
    const parsed = Number(args[index + 1]);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name}: Zahl erwartet`);
    return parsed;
  };
  return {
    recipients: Math.floor(value('recipients', 1000)),
    globalRps: value('global-rps', 50),
    failRate: value('fail-rate', 0.02),
    latencyMs: value('latency-ms', 0),
    jitterMs: value('jitter-ms', 0),
    seed: value('seed', 1),
    throttle: args.includes('--throttle'),
    workers: Math.max(1, Math.floor(value('workers', 1))),
  };
}

interface SimProcess {
  url: string;
  child: ChildProcess;
}

async function startSimProcess(seed: number): Promise<SimProcess> {
  const child = spawn(
    process.execPath,
    [
      sharedPath('tools', 'teams-sim', 'sim.mjs'),
      '--port',
      '0',
      '--seed',
      String(seed),
      ...(process.env.BENCH_SIM_LOG ? ['--log', process.env.BENCH_SIM_LOG] : []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  for await (const chunk of child.stdout!) {
    output += String(chunk);
    const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
    if (url) return { url, child };
  }
  throw new Error(`teams-sim did not start: ${output}`);
}

async function simCall<T>(sim: SimProcess, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${sim.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as T;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Creates, submits and (above the threshold) approves the announcement. */
async function announce(store: SqliteStore): Promise<string> {
  const broadcasts = new Broadcasts({ store, audiences: new Audiences(store) });
  const id = broadcasts.newId();
  const content = {
    broadcastId: id,
    title: 'Digitallotsen-Kurs im Frühjahr',
    text: 'Der nächste Kurs beginnt am 3. März. Anmeldung über die Schaltfläche unten.',
  };
  await broadcasts.create({
    id,
    title: content.title,
    createdBy: 'bench-organiser',
    audience: { kind: 'installed' },
    messages: { de: { card: announcementCard('de', content) } },
  });
  const submitted = await broadcasts.submit(id);
  if (submitted.needsApproval) await broadcasts.approve(id, 'bench-second-organiser');
  return id;
}

interface SendRun {
  seconds: number;
  cpuMs: number;
}

/** The pipeline in this process. */
async function sendHere(path: string, settings: Settings): Promise<SendRun> {
  const store = new SqliteStore({ path });
  const sender = new TimedSender(new ConnectorSender());
  const worker = new BroadcastWorker({
    store,
    sender,
    resolveAudience: new Audiences(store).resolve,
    requestsPerSecond: settings.globalRps,
    logger: createLogger({ level: process.env.LOG_LEVEL ?? 'warn', pretty: false }),
  });
  try {
    await announce(store);
    const cpu = process.cpuUsage();
    await worker.runUntilIdle();
    const used = process.cpuUsage(cpu);
    return {
      seconds: (sender.last - sender.first) / 1000,
      cpuMs: (used.user + used.system) / 1000,
    };
  } finally {
    await store.close();
  }
}

/** The pipeline in `workers` processes on the same store (tests/fixtures/broadcast/worker-process.ts). */
async function sendInProcesses(path: string, settings: Settings): Promise<SendRun> {
  const store = new SqliteStore({ path });
  try {
    await announce(store);
  } finally {
    await store.close();
  }
  const script = join(repoRoot, 'tests', 'fixtures', 'broadcast', 'worker-process.ts');
  const children = Array.from({ length: settings.workers }, () =>
    spawn(
      process.execPath,
      ['--import', pathToFileURL(require.resolve('tsx')).href, script, path],
      {
        env: {
          ...process.env,
          BROADCAST_RPS: String(settings.globalRps),
          BROADCAST_UNTIL_IDLE: 'true',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    ),
  );
  const results = await Promise.all(
    children.map(async (child) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const [code] = (await once(child, 'exit')) as [number | null];
      if (code !== 0) throw new Error(`worker process exited with ${code}`);
      const summary = output.trim().split('\n').pop() ?? '{}';
      return JSON.parse(summary) as { first: number; last: number; cpuMs: number };
    }),
  );
  const first = Math.min(...results.map((r) => r.first));
  const last = Math.max(...results.map((r) => r.last));
  return {
    seconds: (last - first) / 1000,
    cpuMs: results.reduce((sum, r) => sum + r.cpuMs, 0),
  };
}

async function finalReport(path: string): Promise<DeliveryReport> {
  const store = new SqliteStore({ path });
  try {
    const broadcast = (await store.query<{ id: string }>('broadcasts', { where: [], limit: 1 }))
      .items[0];
    const report = broadcast && (await new DeliveryReports(store).report(broadcast.id));
    if (!report) throw new Error('no broadcast report');
    return report;
  } finally {
    await store.close();
  }
}

export const benchmark: Benchmark = {
  name: 'broadcast',
  description: 'one announcement to N users through the real pipeline against teams-sim',
  async run(args, progress): Promise<Figures> {
    if (!sharedAvailable()) {
      throw new Error('../shared/tools/teams-sim fehlt: der broadcast-Benchmark braucht teams-sim');
    }
    const settings = settingsOf(args);
    const dataDir = mkdtempSync(join(tmpdir(), 'digitallotse-broadcast-bench-'));
    const path = join(dataDir, 'bot.db');
    const sim = await startSimProcess(settings.seed);
    try {
      await simCall(sim, '/_sim/config', { globalRps: 0, failRate: 0, throttle: true });
      const bot = await startBotProcess({ SQLITE_PATH: path, LOG_LEVEL: 'error' });
      try {
        progress(`installing ${settings.recipients} users through teams-sim`);
        const installed = await simCall<{ installed: number; failed: number; durationMs: number }>(
          sim,
          '/_sim/install',
          { botUrl: bot.messagesUrl, count: settings.recipients, concurrency: 16 },
        );
        if (installed.installed !== settings.recipients) {
          throw new Error(`install: ${JSON.stringify(installed)}`);
        }
        progress(`installed in ${round(installed.durationMs / 1000, 1)} s`);
      } finally {
        await bot.stop();
      }
      await simCall(sim, '/_sim/config', {
        globalRps: settings.globalRps,
        failRate: settings.failRate,
        latencyMs: settings.latencyMs,
        jitterMs: settings.jitterMs,
        throttle: settings.throttle,
      });
      await simCall(sim, '/_sim/reset', {});

      progress(
        `sending at ${settings.globalRps} rps, ${settings.failRate * 100} % faults, ` +
          `${settings.workers} worker process(es)${settings.workers > 1 ? '' : ' (in-process)'}`,
      );
      const run =
        settings.workers > 1
          ? await sendInProcesses(path, settings)
          : await sendHere(path, settings);
      const stats = await simCall<Record<string, number>>(sim, '/_sim/stats?perConversation=false');
      const report = await finalReport(path);
      progress(
        `sim: requests ${stats.requests}, 5xx ${stats.injectedFailures}, 429 ${stats.throttled429}, ` +
          `max deliveries/s ${stats.maxRatePerSecondObserved}; store: sent ${report.sent}, ` +
          `pending ${report.pending}, failed ${report.failed}, blocked ${report.blocked}`,
      );
      const delivered = stats.delivered ?? 0;
      const achievedRps = delivered / run.seconds;
      return {
        recipients: settings.recipients,
        delivered,
        failedFinal: report.failed + report.blocked + report.notInstalled,
        duplicates: stats.duplicates ?? 0,
        limitViolations: stats.limitViolations ?? 0,
        seconds: round(run.seconds, 2),
        achievedRps: round(achievedRps, 2),
        allowedRps: settings.globalRps,
        share: round(achievedRps / settings.globalRps, 3),
        cpuMsPerDelivery: round(run.cpuMs / Math.max(1, delivered), 3),
      };
    } finally {
      sim.child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
