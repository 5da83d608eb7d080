/**
 * Build step (`npm run build`): writes the start cache (see knowledge/load-start-content.ts) for the shipped knowledge
 * next
 * to the compiled code, so `node dist/index.js` skips parsing and tokenizing at start-up. Run from dist/ only.
 *
 *   node dist/cli/write-start-cache.js
 */

import { fileURLToPath } from 'node:url';

import { CATALOGUE_POLICY } from '../knowledge/catalogue-ids.js';
import { writeStartCache } from '../knowledge/load-start-content.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

try {
  writeStartCache(`${ROOT}knowledge`, CATALOGUE_POLICY, fileURLToPath(new URL('../start-cache.json', import.meta.url)));
} catch (error) {
  // The bot still starts without a cache (and reports the knowledge problems itself); the build says why there is none.
  process.stderr.write(`start cache not written: ${(error as Error).message}\n`);
}
