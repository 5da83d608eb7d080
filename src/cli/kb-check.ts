/** `npm run kb:check [dir]`: validates the knowledge folder, prints a summary, exits non-zero on any problem. */

import { fileURLToPath } from 'node:url';

import { CATALOGUE_IDS } from '../knowledge/catalogue-ids.js';
import { KnowledgeError, loadKnowledge } from '../knowledge/load-knowledge.js';
import { formatSummary, summarizeKnowledge } from '../knowledge/summarize-knowledge.js';
import { safeText } from './safe-output.js';

const dir = process.argv[2] ?? fileURLToPath(new URL('../../knowledge', import.meta.url));

try {
  const knowledge = loadKnowledge(dir, { requiredIds: CATALOGUE_IDS, minQuestions: 4 });
  process.stdout.write(safeText(`knowledge OK: ${dir}\n${formatSummary(summarizeKnowledge(knowledge)).join('\n')}\n`));
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  process.stderr.write(safeText(`${error.message}\n`));
  process.exitCode = 1;
}
