/**
 * This bot against a bare botbuilder + restify echo bot (bench/echo-bot.mjs, same node_modules), on loopback in one
 * run: alternating rounds, expectReplies, dev-set questions in both languages spread over many conversations.
 * Prints requests/s, p50/p99 latency and CPU per request for the echo bot and for the bot with memory and with
 * file storage, the ratios, and for file storage the fsync rate of this disk that bounds durable writes.
 * Usage: `tsx bench/echo-compare.ts [seconds-per-round rounds connections]` (defaults 5 3 10).
 */

import type { ChildProcess } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  promises as fs,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import autocannon from 'autocannon';

import { openFileStore } from '../src/storage/file-store.js';
import { countsOrExit } from './bench-args.js';
import { loadDevSet } from './labelled-sets.js';
import { freePort, messageBody, spawnBuiltBot, waitReady } from './process-probe.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const [SECONDS, ROUNDS, CONNECTIONS] = countsOrExit(
  'echo-compare',
  'usage: tsx bench/echo-compare.ts [<seconds 1-600> [<rounds 1-100> [<connections 1-10000>]]]',
  [
    ['seconds', 5, 1, 600],
    ['rounds', 3, 1, 100],
    ['connections', 10, 1, 10000],
  ],
);
const WARM_UP_SECONDS = 3;
// Many conversations, so state is read and written for many keys, as with real users.
const CONVERSATIONS = 2000;

const questions = loadDevSet(join(ROOT, 'test/fixtures/questions')).map((question) => question.text);

interface Target {
  readonly name: string;
  readonly child: ChildProcess;
  readonly port: number;
  samples: number[];
  requests: number;
  failures: number;
  seconds: number;
  cpuMs: number;
}

async function start(name: string, script: string, env: Record<string, string>): Promise<Target> {
  const port = await freePort();
  const child = spawnBuiltBot(port, { RATE_LIMIT_PER_MINUTE: '0', ...env }, { script });
  if (Number.isNaN(await waitReady(port))) throw new Error(`${name} did not become ready`);
  return { name, child, port, samples: [], requests: 0, failures: 0, seconds: 0, cpuMs: 0 };
}

/** CPU time (user + system) of process `pid` in ms, from /proc (clock ticks are 100 Hz on Linux). */
const cpuMsOf = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

let counter = 0;
async function drive(target: Target, seconds: number, record: boolean): Promise<void> {
  const cpuBefore = cpuMsOf(target.child.pid ?? 0);
  const samples: number[] = [];
  let settle: (error: Error | null, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    settle = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${target.port}/api/messages`,
      connections: CONNECTIONS,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (request) => {
            counter += 1;
            const conversation = `bench-${counter % CONVERSATIONS}`;
            return {
              ...request,
              body: messageBody(
                `bench-${counter}`,
                conversation,
                questions[counter % questions.length] ?? 'hello',
                'en-US',
              ),
            };
          },
        },
      ],
    },
    (error, result) => settle(error as Error | null, result),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => samples.push(responseTime));
  const result = await done;
  if (!record) return;
  target.samples.push(...samples);
  target.requests += result.requests.total;
  target.failures += result.errors + result.timeouts + result.non2xx;
  target.seconds += seconds;
  target.cpuMs += cpuMsOf(target.child.pid ?? 0) - cpuBefore;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/**
 * Durable writes per second on the disk of `dir`: each is write + fsync of a 2 KB file (what the OS allows at best).
 */
function fsyncRate(dir: string, seconds: number): number {
  const file = join(dir, 'fsync-probe');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(2048, 120);
  let count = 0;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    writeSync(fd, block, 0, block.length, 0);
    fsyncSync(fd);
    count += 1;
  }
  closeSync(fd);
  rmSync(file);
  return count / seconds;
}

/** Writes/s of the real file store (temp file, fsync, rename, folder fsync), `parallel` different keys at a time. */
async function storeRate(dir: string, parallel: number, seconds: number): Promise<number> {
  const store = await openFileStore(dir);
  const item = {
    conversationData: {
      facts: {},
      pastes: [],
      questions: [{ text: 'x'.repeat(200), kind: 'answer', entryIds: ['a'] }],
      feedback: [],
    },
  };
  let count = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: parallel }, async (_, slot) => {
      while (performance.now() < until) {
        await store.write({ [`probe-${slot}`]: { ...item, eTag: '*' } });
        count += 1;
      }
    }),
  );
  return count / seconds;
}

/** Mean ms of each step of a durable write as the file store does it (one at a time), to show where the time goes. */
async function durableWriteSteps(dir: string, count: number): Promise<Record<string, number>> {
  const steps = { 'write temp file': 0, 'fsync file': 0, rename: 0, 'fsync folder': 0 };
  const body = JSON.stringify({ conversationData: { questions: [{ text: 'x'.repeat(200) }] }, eTag: 'x' });
  const timed = async (step: keyof typeof steps, work: () => Promise<unknown>): Promise<void> => {
    const started = performance.now();
    await work();
    steps[step] += (performance.now() - started) / count;
  };
  for (let index = 0; index < count; index += 1) {
    const temporary = join(dir, `.tmp-steps-${index}`);
    const handle = await fs.open(temporary, 'w');
    await timed('write temp file', () => handle.writeFile(body));
    await timed('fsync file', () => handle.sync());
    await handle.close();
    await timed('rename', () => fs.rename(temporary, join(dir, 'steps.json')));
    const folder = await fs.open(dir, 'r');
    await timed('fsync folder', () => folder.sync());
    await folder.close();
  }
  return steps;
}

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const loadBefore = load();
const dataDir = mkdtempSync(join(tmpdir(), 'bench-compare-'));
const targets = [
  await start('echo bot', 'bench/echo-bot.mjs', {}),
  await start('bot, memory storage', 'dist/index.js', { STORAGE: 'memory' }),
  await start('bot, file storage', 'dist/index.js', { STORAGE: 'file', DATA_DIR: dataDir }),
];
try {
  for (const target of targets) await drive(target, WARM_UP_SECONDS, false);
  // Alternating rounds, each starting with a different target, so drifting machine load hits all of them alike.
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let step = 0; step < targets.length; step += 1) {
      const target = targets[(round + step) % targets.length];
      if (target) await drive(target, SECONDS, true);
    }
  }
} finally {
  for (const target of targets) target.child.kill('SIGTERM');
}

const rows = targets.map((target) => {
  const sorted = [...target.samples].sort((a, b) => a - b);
  return {
    target,
    rate: target.requests / target.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpu: target.cpuMs / Math.max(1, target.requests),
  };
});
const [echo] = rows;
const lines = [
  `echo comparison: ${cpus().length} cores, load average ${loadBefore} before / ${load()} after; ${ROUNDS} alternating rounds of ${SECONDS} s per target, ` +
    `${CONNECTIONS} connections, expectReplies, ${questions.length} dev-set questions (en + ja) over ${CONVERSATIONS} conversations`,
  `  ${'target'.padEnd(22)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'CPU ms/req'.padStart(12)}${'errors'.padStart(8)}${'× echo req/s'.padStart(14)}${'× echo p99'.padStart(12)}`,
  ...rows.map(
    (row) =>
      `  ${row.target.name.padEnd(22)}${row.rate.toFixed(0).padStart(8)}${row.p50.toFixed(1).padStart(9)}${row.p99.toFixed(1).padStart(9)}${row.cpu.toFixed(2).padStart(12)}` +
      `${String(row.target.failures).padStart(8)}${(row === echo ? '' : `${(row.rate / (echo?.rate ?? 1)).toFixed(2)}×`).padStart(14)}${(row === echo ? '' : `${(row.p99 / (echo?.p99 ?? 1)).toFixed(2)}×`).padStart(12)}`,
  ),
];

// Under machine load the req/s ratio is noisy; the CPU each turn costs is not, and bounds throughput on a free core.
for (const row of rows.slice(1)) {
  lines.push(
    `  ${row.target.name}: ${((echo?.cpu ?? 0) / row.cpu).toFixed(2)}× the echo bot's throughput if both are CPU-bound (echo ${(echo?.cpu ?? 0).toFixed(2)} ms CPU per request, bot ${row.cpu.toFixed(2)} ms)`,
  );
}

// The file storage ceiling: every answered question is one durable write (two fsyncs: the file and its folder).
const probeDir = (name: string): string => {
  const dir = join(dataDir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};
const fsyncs = fsyncRate(probeDir('fsync'), 2);
const cpuBefore = process.cpuUsage();
const steps = await durableWriteSteps(probeDir('steps'), 200);
const cpuUsed = process.cpuUsage(cpuBefore);
const cpuPerWrite = (cpuUsed.user + cpuUsed.system) / 1000 / 200;
const systemShare = cpuUsed.system / Math.max(1, cpuUsed.user + cpuUsed.system);
const storeSequential = await storeRate(probeDir('store-1'), 1, 2);
const storeParallel = await storeRate(probeDir(`store-${CONNECTIONS}`), CONNECTIONS, 2);
const [, memory, file] = rows;
if (memory && file) {
  const total = Object.values(steps).reduce((sum, ms) => sum + ms, 0);
  lines.push(
    `  file storage: this disk does ${fsyncs.toFixed(0)} fsync/s (2 KB write + fsync, one at a time). A durable write (what each answered question costs) takes ` +
      `${total.toFixed(2)} ms: ${Object.entries(steps)
        .map(([step, ms]) => `${step} ${ms.toFixed(2)}`)
        .join(
          ', ',
        )} ms, of which ${cpuPerWrite.toFixed(2)} ms is CPU (${(100 * systemShare).toFixed(0)}% of it in the kernel).`,
    `  the file store does ${storeSequential.toFixed(0)} writes/s one at a time and ${storeParallel.toFixed(0)}/s with ${CONNECTIONS} in parallel: that is the ceiling for turns/s at ${CONNECTIONS} connections, ` +
      `and the bot reaches ${((100 * file.rate) / storeParallel).toFixed(0)}% of it. CPU per turn: ${file.cpu.toFixed(2)} ms with file storage, ${memory.cpu.toFixed(2)} ms with memory storage ` +
      `(the difference is the two file reads and the durable write).`,
  );
}
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = rows.some((row) => row.target.failures > 0) ? 1 : 0;
