/**
 * The telemetry part of the configuration, without the imports of `config.ts`: telemetry
 * has to start before the Azure SDKs, restify and botbuilder are loaded.
 */
import { z } from 'zod';

export const CONNECTION_STRING_VARIABLE = 'APPLICATIONINSIGHTS_CONNECTION_STRING';

export const connectionStringSchema = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(
    z
      .string()
      .regex(/(^|;)\s*InstrumentationKey=[0-9a-f-]{36}\s*(;|$)/i, {
        message:
          'erwartet die Verbindungszeichenfolge aus Application Insights („InstrumentationKey=…;IngestionEndpoint=https://…“)',
      })
      .optional(),
  )
  .optional();

export interface TelemetryConfig {
  connectionString: string;
}

/** Undefined when unset or malformed; `loadConfig` reports a malformed value. */
export function readTelemetryConfig(
  env: Record<string, string | undefined>,
): TelemetryConfig | undefined {
  const connectionString = connectionStringSchema.safeParse(env[CONNECTION_STRING_VARIABLE]).data;
  return connectionString === undefined ? undefined : { connectionString };
}
