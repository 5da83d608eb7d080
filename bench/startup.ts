/** Benchmark: wall time from spawning the compiled bot to a 200 from /readyz, and idle RSS after warm-up. */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, rssMiB, spawnBuiltBot, waitReady } from './process-probe.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const DATA_DIR = mkdtempSync(join(tmpdir(), 'bench-data-'));

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function once(): Promise<{ readyMs: number; idleRssMiB: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnBuiltBot(port, { STORAGE: 'file', DATA_DIR: DATA_DIR }, { stdio: 'ignore' });
  // Counted from the spawn, so process start-up is included (NaN if it never got ready).
  const readyMs = Number.isNaN(await waitReady(port)) ? Number.NaN : performance.now() - started;
  await sleep(2000);
  const idleRssMiB = rssMiB(child.pid ?? 0);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { readyMs, idleRssMiB };
}

const results = [];
for (let run = 0; run < RUNS; run += 1) results.push(await once());
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ready = results.map((result) => result.readyMs);
const rss = results.map((result) => result.idleRssMiB);
process.stdout.write(
  `startup (node dist/index.js → /readyz 200), ${RUNS} runs: median ${median(ready).toFixed(0)} ms, max ${Math.max(...ready).toFixed(0)} ms\n` +
    `idle RSS 2 s after ready: median ${median(rss).toFixed(1)} MiB, max ${Math.max(...rss).toFixed(1)} MiB\n`,
);
