/**
 * `npm run load [-- seconds connections]`: drives concurrent conversations against the compiled bot on loopback
 * with expectReplies (autocannon) and prints throughput, latency, errors and RSS. Defaults: 30 s, 50 connections.
 */

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import autocannon from 'autocannon';

import { countsOrExit } from './bench-args.js';
import { loadDevSet } from './labelled-sets.js';
import { freePort, messageBody, rssMiB, spawnBuiltBot, waitReady } from './process-probe.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = 'usage: npm run load [-- <seconds 1-3600> [<connections 1-10000>]]';
const [SECONDS, CONNECTIONS] = countsOrExit('load', USAGE, [
  ['seconds', 30, 1, 3600],
  ['connections', 50, 1, 10000],
]);
const WARM_UP_SECONDS = Number(process.env['LOAD_WARM_UP_SECONDS'] ?? 15);

// What users send: dev-set questions in both languages, and real pastes.
const questions = loadDevSet(join(ROOT, 'test/fixtures/questions')).map((question) => question.text);
const pastes = readdirSync(join(ROOT, 'test/fixtures/pasted'))
  .filter((file) => file.endsWith('.txt'))
  .map((file) => readFileSync(join(ROOT, 'test/fixtures/pasted', file), 'utf8'));
const messages = [...questions, ...pastes];

const port = await freePort();
const child = spawnBuiltBot(port, {
  STORAGE: 'file',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'load-')),
  RATE_LIMIT_PER_MINUTE: '0',
});
await waitReady(port);

let counter = 0;
const run = (seconds: number) =>
  autocannon({
    url: `http://127.0.0.1:${port}/api/messages`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          counter += 1;
          const text = messages[counter % messages.length] ?? 'hello';
          // One conversation per connection slot: facts and history grow per conversation, as in real use.
          const conversation = `load-${counter % CONNECTIONS}`;
          return { ...request, body: messageBody(`load-${counter}`, conversation, text) };
        },
      },
    ],
  });

const rssStart = rssMiB(child.pid ?? 0);
await run(WARM_UP_SECONDS);
const rssWarm = rssMiB(child.pid ?? 0);
const result = await run(SECONDS);
const rssEnd = rssMiB(child.pid ?? 0);
child.kill('SIGTERM');

const errors = result.errors + result.timeouts + result.non2xx;
process.stdout.write(
  `load: ${SECONDS} s, ${CONNECTIONS} connections, expectReplies, ${messages.length} distinct messages (questions and pastes)\n` +
    `  requests: ${result.requests.total} (${result.requests.average.toFixed(0)}/s average)\n` +
    `  latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms\n` +
    `  errors: ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})\n` +
    `  RSS: ${rssStart.toFixed(1)} MiB idle, ${rssWarm.toFixed(1)} MiB after ${WARM_UP_SECONDS} s warm-up, ${rssEnd.toFixed(1)} MiB after the run (${(((rssEnd - rssWarm) / rssWarm) * 100).toFixed(1)}% since warm-up)\n`,
);
process.exitCode = errors > 0 ? 1 : 0;
