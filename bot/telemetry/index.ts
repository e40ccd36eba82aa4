/**
 * OpenTelemetry export to Application Insights. The SDK is imported only when a connection
 * string is configured, and must start before restify, botbuilder, pino and the Azure SDKs
 * are required: its instrumentations patch `http`/`https`, `@azure/core-tracing` and pino as
 * they load. The logs go along as they are written (after pino's redaction), tied to the
 * request they belong to.
 */
import type { TelemetryConfig } from '../../services/telemetry-config';

export interface Telemetry {
  /** Exports what is still buffered and stops; part of the graceful shutdown. */
  shutdown(): Promise<void>;
}

const noTelemetry: Telemetry = { shutdown: async () => {} };

/** An unreachable ingestion endpoint must not hold up a restart or a deployment. */
const SHUTDOWN_LIMIT_MS = 5_000;

export async function startTelemetry(config: TelemetryConfig | undefined): Promise<Telemetry> {
  if (config === undefined) return noTelemetry;
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  const { SpanRedaction } = await import('./span-redaction');
  const { registerInstrumentations } = await import('@opentelemetry/instrumentation');
  const { PinoInstrumentation } = await import('@opentelemetry/instrumentation-pino');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString: config.connectionString },
    // Live metrics would stream request data to a second endpoint, past the redaction.
    enableLiveMetrics: false,
    spanProcessors: [new SpanRedaction()],
  });
  // Not part of the Azure Monitor distro; registered with the providers it has just set up.
  registerInstrumentations({ instrumentations: [new PinoInstrumentation()] });
  return {
    shutdown: () =>
      Promise.race([
        shutdownAzureMonitor(),
        new Promise<void>((done) => setTimeout(done, SHUTDOWN_LIMIT_MS).unref()),
      ]),
  };
}
