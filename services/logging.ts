import pino, { type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level: string;
  pretty: boolean;
}

/**
 * JSON logs for production, readable ones locally. Callers log ids and counts —
 * never message text, tokens or e-mail addresses (see SECURITY.md).
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino({
    level: options.level,
    base: { service: 'digitallotse' },
    redact: {
      paths: ['*.text', '*.token', '*.authorization', '*.email', '*.mail'],
      censor: '[redacted]',
    },
    transport: options.pretty ? { target: 'pino-pretty', options: { colorize: true } } : undefined,
  });
}

/** A logger that drops everything: for tests and the CLI's quiet paths. */
export const silentLogger: Logger = pino({ level: 'silent' });
