/** `npm run kb:check [dir]`: validates the knowledge folder, prints a summary, exits non-zero on any problem. */

import { fileURLToPath } from 'node:url';

import { CATALOGUE_POLICY } from '../knowledge/catalogue-ids.js';
import { KnowledgeError, loadKnowledge } from '../knowledge/load-knowledge.js';
import { formatSummary, summarizeKnowledge } from '../knowledge/summarize-knowledge.js';
import { parseArgs, runCli } from './cli-args.js';
import { safeText } from './safe-output.js';

function main(): number {
  const { positionals } = parseArgs(process.argv.slice(2), {
    options: {},
    positionals: { min: 0, max: 1 },
    usage: 'usage: npm run kb:check [-- <knowledge folder>]',
  });
  const dir = positionals[0] ?? fileURLToPath(new URL('../../knowledge', import.meta.url));
  try {
    const knowledge = loadKnowledge(dir, CATALOGUE_POLICY);
    process.stdout.write(
      safeText(`knowledge OK: ${dir}\n${formatSummary(summarizeKnowledge(knowledge)).join('\n')}\n`),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    process.stderr.write(safeText(`${error.message}\n`));
    return 1;
  }
}

await runCli('kb:check', main);
