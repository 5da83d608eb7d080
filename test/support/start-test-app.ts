/** Starts the real app in-process on a free port with logs captured, for HTTP tests. */

import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

import { createApp, type App, type AppOverrides } from '../../src/app.js';
import { readConfig } from '../../src/config/read-config.js';
import { createLogger } from '../../src/log/create-logger.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface TestApp {
  readonly app: App;
  readonly baseUrl: string;
  /** Every log line written so far, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  /** The raw captured log output. */
  rawLogs(): string;
  stop(): Promise<void>;
}

/** Starts the app with `env` on top of test defaults (loopback, free port, debug logs captured). */
export async function startTestApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<TestApp> {
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'debug',
    SHUTDOWN_TIMEOUT_MS: '2000',
    STORAGE: 'memory',
    RATE_LIMIT_PER_MINUTE: '0',
    ...env,
  });
  let raw = '';
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = chunk.toString('utf8');
      raw += text;
      for (const line of text.split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const logger = createLogger({ level: config.logLevel, format: 'json', destination: sink });
  const app = await createApp(
    config,
    logger,
    { cardsDir: `${ROOT}cards`, knowledgeDir: `${ROOT}knowledge` },
    overrides,
  );
  const address = await app.listen();
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    logs,
    rawLogs: () => raw,
    stop: async () => {
      await app.shutdown();
    },
  };
}

/** Posts `body` (an object, or a raw string sent as-is) to /api/messages. */
export async function postActivity(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown; text: string }> {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}
