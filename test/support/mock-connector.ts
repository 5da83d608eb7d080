/** A real HTTP server standing in for the Bot Connector service: records what the bot posts. */

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  readonly path: string;
  readonly conversationId: string;
  readonly replyToId: string | undefined;
  readonly body: Record<string, unknown>;
}

export interface MockConnector {
  readonly url: string;
  readonly received: ReceivedActivity[];
  /** Resolves when at least `count` posts arrived, including ones still being delayed or refused. */
  waitForArrived(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves when at least `count` activities have been received (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedActivity[]>;
  close(): Promise<void>;
}

export interface MockConnectorOptions {
  /** Delay before answering each post, to make turns slow. */
  readonly delayMs?: number;
  /** HTTP status for the n-th post (0-based); 200 when it returns undefined. */
  readonly statusFor?: (index: number) => number | undefined;
}

// Restify patches http.ServerResponse.prototype process-wide (writeHead no longer returns `this`), so calls are not chained.
const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/u;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts a mock connector on a free loopback port. */
export async function startMockConnector(options: MockConnectorOptions = {}): Promise<MockConnector> {
  const received: ReceivedActivity[] = [];
  let posts = 0;
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
      const match = ROUTE.exec(path);
      const text = await readBody(req);
      if (req.method !== 'POST' || !match) {
        res.writeHead(404);
        res.end();
        return;
      }
      const index = posts++;
      notify();
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      const status = options.statusFor?.(index) ?? 200;
      if (status !== 200) {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'ServiceError' } }));
        return;
      }
      received.push({
        path,
        conversationId: decodeURIComponent(match[1] ?? ''),
        replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        body: JSON.parse(text) as Record<string, unknown>,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${index}` }));
      notify();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    waitFor: async (count, timeoutMs = 5000) => {
      await until(() => received.length >= count, timeoutMs, () => `${received.length}/${count} activities received`);
      return received.slice();
    },
    waitForArrived: (count, timeoutMs = 5000) => until(() => posts >= count, timeoutMs, () => `${posts}/${count} posts arrived`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
