/** Benchmark: wall time from spawning the compiled bot to a 200 from /readyz, and idle RSS after warm-up. */

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const DATA_DIR = mkdtempSync(join(tmpdir(), 'bench-data-'));

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const rssMiB = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0);
  return kib / 1024;
};

async function once(): Promise<{ readyMs: number; idleRssMiB: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', 'dist/index.js'], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', STORAGE: 'file', DATA_DIR: DATA_DIR },
    stdio: 'ignore',
  });
  let readyMs = Number.NaN;
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.ok, () => false);
    if (ok) {
      readyMs = performance.now() - started;
      break;
    }
    await sleep(10);
  }
  await sleep(2000);
  const idleRssMiB = rssMiB(child.pid ?? 0);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { readyMs, idleRssMiB };
}

const results = [];
for (let run = 0; run < RUNS; run += 1) results.push(await once());
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ready = results.map((result) => result.readyMs);
const rss = results.map((result) => result.idleRssMiB);
process.stdout.write(
  `startup (node dist/index.js → /readyz 200), ${RUNS} runs: median ${median(ready).toFixed(0)} ms, max ${Math.max(...ready).toFixed(0)} ms\n` +
    `idle RSS 2 s after ready: median ${median(rss).toFixed(1)} MiB, max ${Math.max(...rss).toFixed(1)} MiB\n`,
);
