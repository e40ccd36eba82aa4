/**
 * `npm start`: the bot in local mode plus the Microsoft 365 Agents Playground, a Teams-like
 * chat client in the browser. No Azure account, no configuration.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../services/config';
import { createLogger } from '../services/logging';
import { startApp } from './app';

const PLAYGROUND_PORT = 56150;

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, pretty: true });
  const bot = await startApp(config, logger);
  const endpoint = `${bot.url}/api/messages`;

  const playground = spawn(
    process.execPath,
    [
      join(require.resolve('@microsoft/m365agentsplayground/package.json'), '..', 'cli.js'),
      '-e',
      endpoint,
      '-c',
      'msteams',
      '-p',
      String(PLAYGROUND_PORT),
      '--disable-telemetry',
    ],
    {
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let announced = false;
  playground.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    const port = /Listening on (\d+)/.exec(text)?.[1];
    if (port && !announced) {
      const url = `http://localhost:${port}`;
      announced = true;
      process.stdout.write(
        `\n  Digitallotse läuft lokal.\n  Chat im Browser öffnen:  ${url}\n  Bot-Endpunkt:            ${endpoint}\n  Beenden mit Strg+C.\n\n`,
      );
    }
  });

  const stop = () => {
    playground.kill('SIGTERM');
    void bot.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  playground.on('exit', (code) => {
    if (code !== 0 && code !== null) logger.error({ code }, 'Agents Playground wurde beendet');
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Start fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
