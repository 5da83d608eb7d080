/** Prints the write throughput of the file store (each write: temp file, fsync, rename, folder fsync). */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { openFileStore } from '../src/storage/file-store.js';

const WRITES = 500;
const store = await openFileStore(mkdtempSync(join(tmpdir(), 'bench-store-')));
const item = {
  facts: { MAPSReporting: 2, IsTamperProtected: true },
  pastes: [{ text: 'x'.repeat(2000), formats: ['mp-properties'] }],
};

let started = performance.now();
for (let index = 0; index < WRITES; index += 1) await store.write({ [`sequential-${index}`]: { ...item, index } });
const sequential = WRITES / ((performance.now() - started) / 1000);

started = performance.now();
await Promise.all(
  Array.from({ length: WRITES }, (_, index) => store.write({ [`parallel-${index}`]: { ...item, index } })),
);
const parallel = WRITES / ((performance.now() - started) / 1000);

started = performance.now();
for (let index = 0; index < WRITES; index += 1) await store.read([`sequential-${index}`]);
const reads = WRITES / ((performance.now() - started) / 1000);

process.stdout.write(
  `file store, ${WRITES} writes of ~2.2 KB (fsync each): sequential ${sequential.toFixed(0)} writes/s, ${WRITES} different keys in parallel ${parallel.toFixed(0)} writes/s; reads ${reads.toFixed(0)}/s\n`,
);
