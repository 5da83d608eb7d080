/** Creates the process logger: pino JSON lines, or pretty output for development. */

import { Writable } from 'node:stream';
import { pino, type Logger, type DestinationStream } from 'pino';
import pretty from 'pino-pretty';

import type { LogFormat, LogLevel } from '../config/read-config.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  readonly level: LogLevel;
  readonly format: LogFormat;
  /** Where lines go; stdout when omitted (tests pass a capture stream). */
  readonly destination?: DestinationStream | Writable;
}

// Secrets and message content must never reach a log line, even if a caller logs a whole object by mistake.
const REDACT_PATHS = [
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'blobConnectionString',
  '*.blobConnectionString',
  'appInsightsConnectionString',
  '*.appInsightsConnectionString',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'text',
  '*.text',
  'attachments',
  '*.attachments',
  'value',
  '*.value',
];

/** Returns a configured pino logger. */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    base: { service: 'mdav-support-bot' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.format === 'pretty') {
    const stream = pretty({
      sync: true,
      colorize: process.stdout.isTTY === true,
      destination: options.destination ?? 1,
    });
    return pino(base, stream);
  }
  // Synchronous stdout so the last lines before process.exit() are never lost.
  return pino(base, options.destination ?? pino.destination({ dest: 1, sync: true }));
}
