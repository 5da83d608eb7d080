/**
 * Optional telemetry: turn events (route, outcome kind, entry id, language, latency; never text) sent to Application
 * Insights' ingestion endpoint in small batches. Bounded: at most MAX_QUEUE events wait; older ones are dropped.
 */

import type { Logger } from '../log/create-logger.js';

/** One turn as telemetry sees it. */
export interface TurnEvent {
  readonly route: string;
  readonly kind: string;
  readonly entryId?: string;
  readonly language: string;
  readonly latencyMs: number;
}

export interface Telemetry {
  track(event: TurnEvent): void;
  /** Sends what is queued (called on a timer and at shutdown). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_QUEUE = 500;
const BATCH = 50;

/** Reads InstrumentationKey and IngestionEndpoint from an Application Insights connection string. */
export function parseConnectionString(
  text: string,
): { instrumentationKey: string; ingestionEndpoint: string } | undefined {
  const fields = new Map(
    text
      .split(';')
      .map((part) => part.split('='))
      .filter((pair): pair is [string, string] => pair.length >= 2 && pair[0] !== undefined)
      .map(([key, ...value]) => [key.trim().toLowerCase(), value.join('=').trim()] as const),
  );
  const instrumentationKey = fields.get('instrumentationkey');
  if (!instrumentationKey) return undefined;
  const endpoint = fields.get('ingestionendpoint') || 'https://dc.services.visualstudio.com/';
  return { instrumentationKey, ingestionEndpoint: endpoint.endsWith('/') ? endpoint : `${endpoint}/` };
}

/** Telemetry that does nothing (no connection string configured). */
const NO_TELEMETRY: Telemetry = Object.freeze({
  track: () => undefined,
  flush: async () => undefined,
  stop: async () => undefined,
});

/** Creates Application Insights telemetry, or NO_TELEMETRY when the connection string is empty. */
export function createTelemetry(
  connectionString: string,
  logger: Logger,
  flushEveryMs = 5000,
  bounds: { readonly attemptTimeoutMs: number; readonly budgetMs: number } = {
    attemptTimeoutMs: 5000,
    budgetMs: 12000,
  },
): Telemetry {
  if (connectionString === '') return NO_TELEMETRY;
  const target = parseConnectionString(connectionString);
  if (!target) {
    logger.warn('telemetry: the Application Insights connection string has no InstrumentationKey; telemetry is off');
    return NO_TELEMETRY;
  }
  let queue: TurnEvent[] = [];
  let dropped = 0;
  const envelope = (event: TurnEvent, time: string) => ({
    name: 'Microsoft.ApplicationInsights.Event',
    time,
    iKey: target.instrumentationKey,
    tags: { 'ai.cloud.role': 'mdav-support-bot' },
    data: {
      baseType: 'EventData',
      baseData: {
        ver: 2,
        name: 'turn',
        properties: {
          route: event.route,
          kind: event.kind,
          language: event.language,
          ...(event.entryId ? { entryId: event.entryId } : {}),
        },
        measurements: { latencyMs: event.latencyMs },
      },
    },
  });
  const flush = async (): Promise<void> => {
    // One budget for the whole flush: an endpoint that never answers costs at most that, also at shutdown.
    const deadline = Date.now() + bounds.budgetMs;
    while (queue.length > 0) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        logger.warn(
          { events: queue.length, budgetMs: bounds.budgetMs },
          'telemetry: flush budget used up; events dropped',
        );
        queue = [];
        break;
      }
      const batch = queue.slice(0, BATCH);
      queue = queue.slice(BATCH);
      const time = new Date().toISOString();
      try {
        const response = await fetch(`${target.ingestionEndpoint}v2/track`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(batch.map((event) => envelope(event, time))),
          signal: AbortSignal.timeout(Math.min(bounds.attemptTimeoutMs, remaining)),
        });
        if (!response.ok)
          logger.warn({ status: response.status, events: batch.length }, 'telemetry: ingestion refused a batch');
      } catch (error) {
        logger.warn({ err: error, events: batch.length }, 'telemetry: ingestion unreachable; batch dropped');
      }
    }
    if (dropped > 0) {
      logger.warn({ dropped }, 'telemetry: events dropped because the queue was full');
      dropped = 0;
    }
  };
  const timer = setInterval(() => void flush(), flushEveryMs);
  timer.unref();
  return {
    track(event) {
      queue.push(event);
      if (queue.length > MAX_QUEUE) {
        queue.shift();
        dropped += 1;
      }
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
