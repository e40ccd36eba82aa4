/**
 * `npm run serve`: the bot alone — what production, tests and benchmarks start.
 * Start telemetry, build config, build the app, listen; stop gracefully on SIGTERM/SIGINT.
 */
import { readTelemetryConfig } from '../services/telemetry-config';
import { startTelemetry } from './telemetry';

async function main(): Promise<void> {
  // Telemetry first: its instrumentations only see the modules loaded after it, and the
  // config already loads the Azure SDKs. Hence the dynamic imports below.
  const telemetry = await startTelemetry(readTelemetryConfig(process.env));
  const { loadConfig } = await import('../services/config');
  const { createLogger } = await import('../services/logging');
  const { startApp } = await import('./app');

  const config = loadConfig(process.env);
  const logger = createLogger({
    level: config.logLevel,
    pretty: config.localMode && !config.production,
  });
  if (config.localMode) {
    logger.info(
      { host: config.host },
      'Lokaler Modus: keine Bot-Zugangsdaten, anonyme Anfragen, nur über 127.0.0.1 erreichbar',
    );
  }
  const bot = await startApp(config, logger);
  logger.info({ url: bot.url, store: config.store.kind }, 'Digitallotse ist bereit');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Beende: nehme keine Anfragen mehr an, laufende werden abgeschlossen');
    bot
      .close()
      .then(() => telemetry.shutdown())
      .then(
        () => process.exit(0),
        (error: Error) => {
          logger.error({ err: { message: error.message } }, 'Beenden fehlgeschlagen');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof Error && error.name === 'ConfigError') {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Start fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
