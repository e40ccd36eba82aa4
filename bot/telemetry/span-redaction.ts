/**
 * Redacts every finished span before it is exported. Changing the ended span is how the
 * Azure Monitor documentation enriches telemetry; no other OpenTelemetry hook sees the
 * complete attributes of every instrumentation (http, Azure SDK).
 */
import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import { redactAttributes, redactLocation } from './redaction';

type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];
type FinishedSpan = Parameters<SpanProcessor['onEnd']>[0];

export class SpanRedaction implements SpanProcessor {
  onStart(): void {}

  onEnd(span: FinishedSpan): void {
    redactAttributes(span.attributes as Record<string, unknown>);
    (span as { name: string }).name = redactLocation(span.name);
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
