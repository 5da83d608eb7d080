/** A real HTTP server standing in for the Bot Connector service: records what the bot posts, creates and updates. */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  /** The activity replied to (POST .../activities/{id}) or updated (PUT .../activities/{id}). */
  readonly replyToId: string | undefined;
  readonly body: Record<string, unknown>;
  /** The id the mock answered with (what the bot gets back as the posted activity's id). */
  readonly responseId: string;
}

export interface MockConnector {
  readonly url: string;
  /** Activities posted to conversations (replies and proactive messages), in order. */
  readonly received: ReceivedActivity[];
  /** Conversations created (POST /v3/conversations), e.g. L2 cards posted into a channel. */
  readonly created: Array<Record<string, unknown>>;
  /** Activities updated in place (PUT). */
  readonly updated: ReceivedActivity[];
  /** Resolves when at least `count` activities have been received (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedActivity[]>;
  /** Resolves when at least `count` posts arrived, including ones still being delayed or refused. */
  waitForArrived(count: number, timeoutMs?: number): Promise<void>;
  /** While down, every request gets 503. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

export interface MockConnectorOptions {
  /** Delay before answering each request, to make turns slow. */
  readonly delayMs?: number;
  /** HTTP status for the n-th request (0-based); 200 when it returns undefined. */
  readonly statusFor?: (index: number) => number | undefined;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/u;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// Restify patches http.ServerResponse.prototype process-wide (writeHead no longer returns `this`), so calls are not
// chained.
function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Starts a mock connector on a free loopback port. */
export async function startMockConnector(options: MockConnectorOptions = {}): Promise<MockConnector> {
  const received: ReceivedActivity[] = [];
  const created: Array<Record<string, unknown>> = [];
  const updated: ReceivedActivity[] = [];
  let requests = 0;
  let down = false;
  let listeners: Array<() => void> = [];
  const notify = (): void => {
    for (const listener of listeners) listener();
  };
  const until = (done: () => boolean, timeoutMs: number, describe: () => string): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        listeners = listeners.filter((listener) => listener !== check);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners = listeners.filter((listener) => listener !== check);
        reject(new Error(`mock connector: ${describe()} after ${timeoutMs} ms`));
      }, timeoutMs);
      listeners.push(check);
      check();
    });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const text = await readBody(req);
      const index = requests++;
      notify();
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const status = down ? 503 : (options.statusFor?.(index) ?? 200);
      if (status !== 200) {
        reply(res, status, { error: { code: 'ServiceError', message: `mock status ${status}` } });
        return;
      }
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      if (req.method === 'POST' && path === '/v3/conversations') {
        created.push(body);
        const id = `19:l2-thread-${created.length}@thread.tacv2;messageid=${1000 + created.length}`;
        reply(res, 200, { id, activityId: String(1000 + created.length) });
        notify();
        return;
      }
      const match = ACTIVITIES.exec(path);
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        reply(res, 404, {});
        return;
      }
      const record = {
        method: req.method,
        path,
        conversationId: decodeURIComponent(match[1] ?? ''),
        replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        body,
        responseId: `reply-${index}`,
      };
      (req.method === 'PUT' ? updated : received).push(record);
      reply(res, 200, { id: record.responseId });
      notify();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    created,
    updated,
    waitFor: async (count, timeoutMs = 5000) => {
      await until(
        () => received.length >= count,
        timeoutMs,
        () => `${received.length}/${count} activities received`,
      );
      return received.slice();
    },
    waitForArrived: (count, timeoutMs = 5000) =>
      until(
        () => requests >= count,
        timeoutMs,
        () => `${requests}/${count} requests arrived`,
      ),
    setDown: (value) => {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
