/**
 * Helpers for benchmarks and tests that run processes on loopback: a free port, starting the bot, readiness, resident
 * memory, and the message activity the load benchmarks send.
 */

import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Returns a TCP port that was free a moment ago on 127.0.0.1. */
export const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Resident memory of process `pid` in MiB (Linux /proc). */
export const rssMiB = (pid: number): number =>
  Number(/VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Polls `/readyz` of a bot on `port` until it answers 200; resolves with the milliseconds waited, or NaN. */
export async function waitReady(port: number, attempts = 500): Promise<number> {
  const started = performance.now();
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (
      await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Number.NaN;
}

/**
 * Starts `node <script>` (the built bot by default) from the repository root on 127.0.0.1:`port`, with warnings-only
 * logs and `env` on top; nothing else of this process's environment is passed on.
 */
export function spawnBuiltBot(
  port: number,
  env: Readonly<Record<string, string>>,
  { script = 'dist/index.js', stdio = ['ignore', 'ignore', 'inherit'] }: { script?: string; stdio?: StdioOptions } = {},
): ChildProcess {
  // The deprecation warnings `npm start` silences too (DEP0040 and DEP0169 come from dependencies on Node 22 and 24).
  const quiet = ['DEP0111', 'DEP0040', 'DEP0169'].map((code) => `--disable-warning=${code}`);
  return spawn(process.execPath, [...quiet, script], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio,
  });
}

/** The JSON body of a Teams message `id` from the user of `conversation`, asking for the replies in the response. */
export function messageBody(id: string, conversation: string, text: string, locale?: string): string {
  return JSON.stringify({
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9',
    conversation: { id: conversation },
    from: { id: `user-${conversation}` },
    recipient: { id: 'bot' },
    text,
    ...(locale === undefined ? {} : { locale }),
    deliveryMode: 'expectReplies',
  });
}
