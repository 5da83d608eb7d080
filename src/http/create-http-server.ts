/** The restify server: POST /api/messages into the bot adapter, health and readiness probes, JSON errors. */

import restify, { type Request, type Response, type Server } from 'restify';

import type { Logger } from '../log/create-logger.js';
import { checkActivity, isServiceUrlAllowed, type ServiceUrlPolicy } from './check-activity.js';
import type { InFlight } from './in-flight.js';
import { readJsonBody } from './read-json-body.js';
import { runReadiness, type ReadinessCheck } from './readiness.js';

/** Processes one validated activity request (the bot adapter's `process`). */
export type ActivityProcessor = (req: Request, res: Response) => Promise<void>;

export interface HttpServerDeps {
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  readonly processActivity: ActivityProcessor;
  /** Where replies may go; activities naming another service URL get 403 and no turn. */
  readonly serviceUrls: ServiceUrlPolicy;
  readonly readiness: readonly ReadinessCheck[];
  readonly inFlight: InFlight;
  /** True once shutdown began: new activities get 503 and readiness fails. */
  readonly isShuttingDown: () => boolean;
}

const READINESS_TIMEOUT_MS = 2000;
// How long a client may take to send the request headers, and then the whole body.
const HEADERS_TIMEOUT_MS = 10_000;
const BODY_TIMEOUT_MS = 15_000;
// Activities nest a few levels; anything near this is an attack, not Teams.
const MAX_JSON_DEPTH = 64;

/** Sends the JSON error shape every endpoint uses. */
function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ error: { code, message } });
}

/** Returns the restify error code as snake_case (ResourceNotFound → resource_not_found). */
const snake = (code: string): string => code.replace(/([a-z])([A-Z])/gu, '$1_$2').toLowerCase();

/** Creates (but does not start) the HTTP server. */
export function createHttpServer(deps: HttpServerDeps): Server {
  const { logger } = deps;
  const server = restify.createServer({ name: 'mdav-support-bot', handleUncaughtExceptions: false });
  // Slow clients can't hold connections: Node's own limits for headers and whole requests (checked every few seconds),
  // besides the body timeout of readJsonBody, which answers 408 on time.
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = BODY_TIMEOUT_MS + 5000;

  // Restify's own errors (404, 405, thrown handlers) get the same JSON shape and a log line with the reason.
  server.on(
    'restifyError',
    (
      req: Request,
      _res: Response,
      err: Error & { statusCode?: number; body?: { code?: string } },
      next: () => void,
    ) => {
      const status = err.statusCode ?? 500;
      const code = snake(err.body?.code ?? err.name ?? 'Internal');
      const log = status >= 500 ? logger.error.bind(logger) : logger.info.bind(logger);
      log(
        { method: req.method, path: req.getPath(), status, code, err: status >= 500 ? err : undefined },
        'http error',
      );
      (err as unknown as { toJSON: () => unknown }).toJSON = () => ({
        error: { code, message: status >= 500 ? 'Internal server error.' : err.message },
      });
      next();
    },
  );

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    if (deps.isShuttingDown()) {
      res.status(503);
      res.json({ ready: false, reason: 'shutting_down', checks: {} });
      return;
    }
    const report = await runReadiness(deps.readiness, READINESS_TIMEOUT_MS, (name, error) =>
      logger.warn({ check: name, err: error }, 'readiness check failed'),
    );
    res.status(report.ready ? 200 : 503);
    res.json(report);
  });

  // The Agents Playground (Teams emulator) probes the endpoint with HEAD at start: answer it, not with a 405.
  server.head('/api/messages', async (_req: Request, res: Response) => {
    res.status(deps.isShuttingDown() ? 503 : 200);
    res.end();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (deps.isShuttingDown()) {
      res.header('Connection', 'close');
      sendError(res, 503, 'shutting_down', 'The bot is restarting; retry shortly.');
      return;
    }
    await deps.inFlight.track(async () => {
      const body = await readJsonBody(req, {
        maxBytes: deps.maxBodyBytes,
        timeoutMs: BODY_TIMEOUT_MS,
        maxDepth: MAX_JSON_DEPTH,
      });
      if (!body.ok) {
        logger.info({ status: body.status, code: body.code }, 'activity rejected');
        if (body.status === 413 || body.status === 408) {
          // The rest of the body is not read: answer, then close the connection instead of draining it.
          res.header('Connection', 'close');
          res.once('finish', () => req.socket.destroySoon());
        }
        sendError(res, body.status, body.code, body.message);
        return;
      }
      const check = checkActivity(body.body);
      if (!check.ok) {
        logger.info({ status: 400, code: check.code, bytes: body.bytes }, 'activity rejected');
        sendError(res, 400, check.code, check.message);
        return;
      }
      if (!isServiceUrlAllowed(String((body.body as { serviceUrl: string }).serviceUrl), deps.serviceUrls)) {
        logger.warn({ status: 403, code: 'service_url_not_allowed' }, 'activity rejected');
        sendError(
          res,
          403,
          'service_url_not_allowed',
          'Activity field "serviceUrl" names a service the bot does not reply to (see ALLOWED_SERVICE_URLS).',
        );
        return;
      }
      req.body = body.body;
      await deps.processActivity(req, res);
    });
  });

  return server;
}
