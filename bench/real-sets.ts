/**
 * Prints matching accuracy on every labelled set, scored through the `npm run ask` contract as the held-out evaluation
 * does: the real public posts, the realistic long messages, and the authored sets. `--failures` lists the misses.
 */

import { fileURLToPath } from 'node:url';

import { askOne } from '../src/cli/ask-contract.js';
import { CATALOGUE_POLICY } from '../src/knowledge/catalogue-ids.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../src/matching/match-index.js';
import { flagsOrExit } from './bench-args.js';
import { loadLabelledSets, percent, scoreSets, type AskResult } from './labelled-sets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FAILURES = flagsOrExit('real-sets', {
  options: { failures: 'flag' },
  positionals: { min: 0, max: 0 },
  usage: 'usage: tsx bench/real-sets.ts [--failures]',
}).has('failures');
const index = buildMatchIndex(loadKnowledge(`${ROOT}knowledge`, CATALOGUE_POLICY));
const messages = loadLabelledSets(ROOT, 'all');
const scores = scoreSets(
  messages,
  (message) =>
    askOne(index, { text: message.text, locale: message.locale, previous: message.previous }) as unknown as AskResult,
);

process.stdout.write('labelled sets (strict / helpful / confident-wrong on in-scope; abstain on out-of-scope):\n');
for (const score of scores) {
  const inScope =
    score.inScope > 0
      ? `in-scope ${String(score.inScope).padStart(3)}: strict ${percent(score.strict, score.inScope)}, helpful ${percent(score.helpful, score.inScope)}, confident-wrong ${percent(score.confidentWrong, score.inScope)}`
      : '';
  const diagnoses =
    score.diagnoses > 0
      ? `diagnoses ${score.diagnoses}: first entry right ${percent(score.diagnosisFirstRight, score.diagnoses)}`
      : '';
  const outOfScope =
    score.outOfScope > 0 ? `out-of-scope ${score.outOfScope}: abstain ${percent(score.abstain, score.outOfScope)}` : '';
  process.stdout.write(`  ${score.set.padEnd(26)} ${[inScope, diagnoses, outOfScope].filter(Boolean).join('; ')}\n`);
  if (FAILURES) {
    for (const { message, result } of score.failures) {
      process.stdout.write(
        `    ${result.kind} ${result.entries.map((entry) => `${entry.id}:${entry.score}`).join(' ')} (${result.reason ?? ''}) expected ${message.expect.join(',') || 'none'}: ${JSON.stringify(message.text.slice(0, 140))}\n`,
      );
    }
  }
}
