/** The composition root: picks every implementation and wires config, logger, bot, adapter and HTTP server. */

import type { AddressInfo } from 'node:net';

import { randomUUID } from 'node:crypto';

import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Server } from 'restify';

import { createAnalyticsStore } from './analytics/analytics-store.js';
import { createRateLimiter } from './bot/rate-limiter.js';
import { createTelemetry } from './telemetry/app-insights.js';
import { boundConnectorCalls } from './bot/bounded-connector.js';
import { DEFAULT_RETRY, type RetryPolicy } from './bot/retry-outbound.js';
import { SupportAdapter } from './bot/support-adapter.js';
import { SupportBot } from './bot/support-bot.js';
import { createTeamsOutbox } from './bot/teams-outbox.js';
import { createTurnStateStore } from './bot/turn-state-store.js';
import { deliverPending } from './escalation/deliver-pending.js';
import { l2Rule, waitingTicketRule } from './escalation/l2-access.js';
import { createTicketStore, DRAFT_PREFIX, type TicketStore } from './escalation/ticket-store.js';
import { sweepIdle, type RetentionRule } from './storage/retention.js';
import { createEscalationRoutes } from './routes/escalation-routes.js';
import { createComposeExtensions } from './extensions/compose-extensions.js';
import { openFileStore } from './storage/file-store.js';
import type { KeyValueStore } from './storage/key-value-store.js';
import { createMemoryStore } from './storage/memory-store.js';
import { createTurnErrorHandler } from './bot/turn-error-handler.js';
import { CARD_NAMES } from './cards/card-data.js';
import { loadCardTemplates } from './cards/load-card-templates.js';
import type { CardTemplates } from './cards/render-card.js';
import type { Config } from './config/read-config.js';
import { createHttpServer } from './http/create-http-server.js';
import { createInFlight } from './http/in-flight.js';
import { CATALOGUE_POLICY } from './knowledge/catalogue-ids.js';
import { loadStartContent, type StartContent } from './knowledge/load-start-content.js';
import type { Logger } from './log/create-logger.js';
import { createCardActionRoutes } from './routes/card-action-routes.js';
import { createFileNotReadRoute, createFileWithoutOutputRoute } from './routes/file-routes.js';
import { createPastedOutputRoute } from './routes/pasted-output-route.js';
import { createFileReader } from './bot/read-file-attachment.js';
import { createClarifyReplyRoute } from './routes/clarify-route.js';
import { createQuestionRoute, type QuestionRouteDeps } from './routes/question-route.js';
import { createRouteTable } from './routes/route-table.js';
import { processWithAdapter } from './bot/process-activity.js';
import { createTurnObserver } from './bot/turn-observer.js';

export interface AppPaths {
  /** Folder of the Adaptive Card templates (`cards/`). */
  readonly cardsDir: string;
  /** Folder of the knowledge entries (`knowledge/`). */
  readonly knowledgeDir: string;
  /**
   * The start cache written by the build (dist/start-cache.json); used only while it fits the knowledge and the code.
   */
  readonly startCache?: string | undefined;
}

export interface App {
  readonly server: Server;
  /** Starts listening on the configured host and port; resolves with the bound address. */
  listen(): Promise<AddressInfo>;
  /** Stops accepting, waits (bounded) for in-flight turns, flushes storage; resolves false if turns were cut off. */
  shutdown(): Promise<boolean>;
  readonly tickets: TicketStore;
  /** Posts L2 cards that are still pending (also runs at start-up and on a timer). */
  retryDeliveries(): Promise<void>;
  /**
   * Deletes conversation state idle for RETENTION_DAYS and drafts as old (also at start-up and daily); counts per kind.
   */
  sweepRetention(): Promise<Record<string, number>>;
}

/** Thrown when start-up content is unusable; the message lists every problem of every component. */
class StartupError extends Error {
  constructor(readonly causes: readonly Error[]) {
    super(causes.map((cause) => cause.message).join('\n'));
    this.name = 'StartupError';
  }
}

/** Loads knowledge (with its index) and card templates, reporting the problems of both at once. */
function loadContent(paths: AppPaths): { content: StartContent; templates: CardTemplates } {
  const failures: Error[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      failures.push(error as Error);
      return undefined;
    }
  };
  const content = attempt(() => loadStartContent(paths.knowledgeDir, CATALOGUE_POLICY, paths.startCache));
  const templates = attempt(() => loadCardTemplates(paths.cardsDir));
  if (!content || !templates) throw new StartupError(failures);
  return { content, templates };
}

// How often buffered analytics events are written.
const ANALYTICS_FLUSH_MS = 5000;
// How often the retention sweep runs.
const SWEEP_EVERY_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
// What the sweep deletes once idle for RETENTION_DAYS: botbuilder's conversation state
// (<channel>/conversations/<id>) and escalation draft claims. Tickets, their index and counters are never swept.
const RETENTION_RULES: readonly RetentionRule[] = [
  { id: 'conversations', prefix: '', matches: (key) => /^[^/]+\/conversations\//u.test(key) },
  { id: 'drafts', prefix: DRAFT_PREFIX, matches: () => true },
];
// How long a storage readiness probe's result is reused.
const READINESS_CACHE_MS = 10_000;

/** Opens the configured storage: files for one instance, Azure Blob Storage for several, or memory for tests. */
async function openStorage(config: Config): Promise<KeyValueStore> {
  if (config.storage === 'memory') return createMemoryStore();
  if (config.storage === 'blob') {
    // Loaded only when used: the Azure SDK costs every other start about 28 MiB and a few hundred ms.
    const { openBlobStore } = await import('./storage/blob-store.js');
    const bounds = { attemptTimeoutMs: config.outboundTimeoutMs, budgetMs: config.outboundBudgetMs };
    return openBlobStore(config.blobConnectionString, config.blobContainer, bounds);
  }
  return openFileStore(config.dataDir);
}

/** What a test may put between the app and its storage (e.g. a disk that fills up); production passes nothing. */
export interface AppOverrides {
  readonly wrapStorage?: (store: KeyValueStore) => KeyValueStore;
}

/** Builds the whole bot; throws a component-prefixed error naming every problem when something can't start. */
export async function createApp(
  config: Config,
  logger: Logger,
  paths: AppPaths,
  overrides: AppOverrides = {},
): Promise<App> {
  const { content, templates } = loadContent(paths);
  const { knowledge, index } = content;
  logger.info({ entries: knowledge.entries.length, startCache: content.cache }, 'knowledge loaded');
  const opened = await openStorage(config);
  const storage = overrides.wrapStorage ? overrides.wrapStorage(opened) : opened;
  const tickets = createTicketStore(storage);
  const now = (): Date => new Date();

  // Every outbound call is bounded: connector requests are aborted after the attempt timeout, and retries share a
  // budget.
  const outbound: RetryPolicy = {
    ...DEFAULT_RETRY,
    attemptTimeoutMs: config.outboundTimeoutMs,
    budgetMs: config.outboundBudgetMs,
  };
  const auth = new ConfigurationBotFrameworkAuthentication({ ...config.auth });
  const adapter = new SupportAdapter(boundConnectorCalls(auth, config.outboundTimeoutMs));
  adapter.onTurnError = createTurnErrorHandler(logger);
  const outbox = createTeamsOutbox({
    adapter,
    appId: config.auth.MicrosoftAppId,
    l2ChannelId: config.l2ChannelId,
    l2Language: config.l2Language,
    templates,
    logger,
    now,
    retry: outbound,
  });

  const telemetry = createTelemetry(config.appInsightsConnectionString, logger, 5000, outbound);
  const analytics = createAnalyticsStore(storage);
  // Analytics never slow a turn down: events are buffered and written in batches; a failed batch is logged.
  const flushAnalytics = (): Promise<void> =>
    analytics.flush().catch((error: unknown) => logger.warn({ err: error }, 'analytics flush failed'));
  const analyticsTimer = setInterval(() => void flushAnalytics(), ANALYTICS_FLUSH_MS);
  analyticsTimer.unref();
  // Logs, analytics and telemetry of every turn, from its outcome.
  const observer = createTurnObserver({
    logger,
    record: (event) => analytics.record(event),
    track: (event) => telemetry.track(event),
    storeQuestions: config.storeQuestions,
    now,
  });
  // L2 and helpdesk (see l2-access.ts): they may act on tickets and get answers with the admin part open.
  const l2Access = { channelId: config.l2ChannelId, allowedAadIds: config.l2AllowedAadIds };
  const isStaff = l2Rule(l2Access);
  const questionDeps: QuestionRouteDeps = { knowledge, index, isStaff };
  const routes = createRouteTable(
    [
      // Escalation first: its verbs and the answer to an L2 question must not be read as questions or pastes.
      ...createEscalationRoutes({
        tickets,
        outbox,
        now,
        newId: () => randomUUID(),
        postWaitMs: 5000,
        isL2: isStaff,
        onTicket: observer.ticket,
      }),
      ...createCardActionRoutes(questionDeps),
      createFileNotReadRoute(config.fileMaxBytes),
      // Pasted output before questions: a paste with an error code is diagnosed, not looked up.
      createPastedOutputRoute(questionDeps),
      // A file that was read but holds no output: said so, never taken for a reply to a clarifying question.
      createFileWithoutOutputRoute(),
      // A reply to a clarifying question ("Intune", "2") before it could be read as a new question.
      createClarifyReplyRoute(questionDeps),
    ],
    createQuestionRoute(questionDeps),
  );
  const bot = new SupportBot({
    routes,
    templates,
    logger,
    turnState: createTurnStateStore(storage),
    // Only the requester (or an allowed L2 member) answers L2's question; in a group chat others just talk to the bot.
    waitingTicketFor: waitingTicketRule(l2Access, async (ticketId) => (await tickets.get(ticketId))?.requester.id),
    allowedTenantIds: config.allowedTenantIds,
    observer,
    rateLimiter: createRateLimiter(config.rateLimitPerMinute),
    now: () => Date.now(),
    readFile: createFileReader(
      {
        allowedHosts: config.fileDownloadHosts,
        maxBytes: config.fileMaxBytes,
        timeoutMs: config.fileDownloadTimeoutMs,
      },
      (reason) => logger.info({ reason }, 'file attachment not read'),
    ),
    outbound,
    // Compose-box searches and "Diagnose with the Defender bot"; ticket search uses the same L2 rule as ticket actions.
    extensions: createComposeExtensions({
      knowledge,
      index,
      templates,
      tickets,
      isL2: isStaff,
      l2Language: config.l2Language,
      now,
      onInvoke: (event) => logger.info(event, 'extension invoke'),
    }),
  });

  // Tickets whose creation a crash or a full disk interrupted are finished before the first turn (and, if that
  // failed, before each later delivery round); then L2 cards that could not be posted are retried, at start-up
  // in the background and then periodically.
  let recovered = false;
  const recoverTickets = async (): Promise<void> => {
    if (recovered) return;
    const finished = await tickets.recover();
    recovered = true;
    if (finished.length > 0) logger.warn({ tickets: finished }, 'interrupted ticket creations finished');
  };
  const retryDeliveries = async (): Promise<void> => {
    try {
      await recoverTickets();
      const delivered = await deliverPending(tickets, outbox);
      if (delivered.length > 0) logger.info({ tickets: delivered }, 'pending tickets delivered');
    } catch (error) {
      logger.warn({ err: error }, 'pending ticket delivery failed');
    }
  };
  await recoverTickets().catch((error: unknown) =>
    logger.error({ err: error }, 'finishing interrupted ticket creations failed; retried later'),
  );
  void retryDeliveries();

  const sweepRetention = async (): Promise<Record<string, number>> => {
    // A draft is only deleted once its ticket is stored and listed.
    recovered = false;
    await recoverTickets();
    const deleted = await sweepIdle(
      storage,
      RETENTION_RULES,
      new Date(now().getTime() - config.retentionDays * DAY_MS),
    );
    logger.info({ deleted, retentionDays: config.retentionDays }, 'retention sweep');
    return deleted;
  };
  const sweepInBackground = (): void =>
    void sweepRetention().catch((error: unknown) => logger.warn({ err: error }, 'retention sweep failed'));
  sweepInBackground();
  const sweepTimer = setInterval(sweepInBackground, SWEEP_EVERY_MS);
  sweepTimer.unref();
  const retryTimer =
    config.escalationRetrySeconds > 0
      ? setInterval(() => void retryDeliveries(), config.escalationRetrySeconds * 1000)
      : undefined;
  retryTimer?.unref();

  // A write, not only a read: a full or read-only disk makes the instance not ready. The result is kept for a
  // while, so that unauthenticated probes can't make the bot write and fsync on every request.
  let storageProbe: { at: number; result: Promise<string> } | undefined;
  const probeStorage = (): Promise<string> => {
    if (storageProbe && Date.now() - storageProbe.at < READINESS_CACHE_MS) return storageProbe.result;
    const result = (async () => {
      await storage.write({ 'readyz-probe': { at: new Date().toISOString(), eTag: '*' } });
      await storage.read(['readyz-probe']);
      return config.storage;
    })();
    storageProbe = { at: Date.now(), result };
    return result;
  };

  let shuttingDown = false;
  const inFlight = createInFlight();
  const server = createHttpServer({
    logger,
    maxBodyBytes: config.maxBodyBytes,
    inFlight,
    isShuttingDown: () => shuttingDown,
    processActivity: (req, res) => processWithAdapter(adapter, bot, logger, req, res),
    serviceUrls: { loopback: config.authDisabled, origins: config.allowedServiceUrls },
    readiness: [
      { name: 'knowledge', check: async () => `${knowledge.entries.length} entries` },
      { name: 'templates', check: async () => `${CARD_NAMES.length} loaded` },
      {
        name: 'storage',
        check: () => probeStorage(),
      },
    ],
  });

  return {
    server,
    listen: () =>
      new Promise<AddressInfo>((resolve, reject) => {
        // restify passes the http server's errors on as its own 'error' event (EADDRINUSE, EACCES ...).
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          resolve(server.server.address() as AddressInfo);
        });
      }),
    tickets,
    retryDeliveries,
    sweepRetention,
    async shutdown() {
      shuttingDown = true;
      if (retryTimer) clearInterval(retryTimer);
      clearInterval(sweepTimer);
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      const finished = await inFlight.idle(config.shutdownTimeoutMs);
      if (!finished)
        logger.warn(
          { inFlight: inFlight.count, timeoutMs: config.shutdownTimeoutMs },
          'shutdown timed out with turns in flight',
        );
      server.server.closeAllConnections();
      // Analytics still in memory are written, so nothing recorded is lost on a clean stop.
      clearInterval(analyticsTimer);
      await flushAnalytics();
      await telemetry.stop();
      await closed;
      return finished;
    },
  };
}
