/**
 * The HTTP edge: `/api/messages` for Teams, `/healthz` and `/readyz` for operations.
 * Bad requests get a 4xx and never reach the turn logic; shutdown lets running turns finish.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Logger } from '../services/logging';
import { activityProblems } from './activity-schema';
import { limitedBodyReader } from './body-reader';

export interface Readiness {
  ready: boolean;
  [dependency: string]: unknown;
}

export interface ServerOptions {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  maxBodyBytes: number;
  readiness: () => Promise<Readiness>;
  /** Further routes (downloads) registered by their owners. */
  routes?: Array<(server: restify.Server) => void>;
}

export interface BotServer {
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting requests and resolves when every running turn has finished. */
  close(): Promise<void>;
}

export function createServer(options: ServerOptions): BotServer {
  const { adapter, bot, logger } = options;
  const server = restify.createServer({ name: 'digitallotse', handleUncaughtExceptions: false });
  server.use(limitedBodyReader(options.maxBodyBytes));
  // `bodyReader: true`: the body is already read; restify's own reader must not run.
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true }));

  let running = 0;
  let drained: (() => void) | undefined;
  let closing = false;

  server.post('/api/messages', async (req, res) => {
    if (closing) {
      res.send(503, { error: 'Der Dienst wird gerade beendet.' });
      return;
    }
    const problems = activityProblems(req.body);
    if (problems.length > 0) {
      res.send(400, { error: 'Ungültige Aktivität', problems });
      return;
    }
    running += 1;
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } finally {
      running -= 1;
      if (running === 0) drained?.();
    }
  });

  for (const register of options.routes ?? []) register(server);

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    const state = await options.readiness();
    res.send(state.ready && !closing ? 200 : 503, { ...state, ready: state.ready && !closing });
  });

  server.on('restifyError', (req, res, error: Error & { statusCode?: number }, callback) => {
    if ((error.statusCode ?? 500) >= 500) {
      logger.error(
        { err: { name: error.name, message: error.message }, path: req.path() },
        'request failed',
      );
    }
    return callback();
  });

  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${address.address}:${address.port}`);
        });
      }),
    close: async () => {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections would hold the close open; idle ones can go now.
      server.server.closeIdleConnections();
      if (running > 0) await new Promise<void>((resolve) => (drained = resolve));
      await stopped;
    },
  };
}
