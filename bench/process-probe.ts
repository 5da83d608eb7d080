/** Helpers for benchmarks and tests that run processes on loopback: a free port, readiness, resident memory. */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

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
