/** Prints matching accuracy over the development set, per language; `--failures` lists every miss. */

import { fileURLToPath } from 'node:url';

import { CATALOGUE_POLICY } from '../src/knowledge/catalogue-ids.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../src/matching/match-index.js';
import { matchQuestion } from '../src/matching/match-question.js';
import { flagsOrExit } from './bench-args.js';
import { loadDevSet, measureAccuracy, percent } from './labelled-sets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FAILURES = flagsOrExit('accuracy', {
  options: { failures: 'flag' },
  positionals: { min: 0, max: 0 },
  usage: 'usage: tsx bench/accuracy.ts [--failures]',
}).has('failures');
const knowledge = loadKnowledge(`${ROOT}knowledge`, CATALOGUE_POLICY);
const index = buildMatchIndex(knowledge);
const questions = loadDevSet(`${ROOT}test/fixtures/questions`);

for (const language of ['ja', 'en'] as const) {
  const subset = questions.filter((question) => question.language === language);
  const accuracy = measureAccuracy(subset, ({ text }) =>
    matchQuestion(index, { text, locale: language === 'ja' ? 'ja-JP' : 'en-US' }),
  );
  process.stdout.write(
    `${language}: in-scope ${accuracy.inScope}: strict ${percent(accuracy.strict, accuracy.inScope)}, helpful ${percent(accuracy.helpful, accuracy.inScope)}, ` +
      `confident-wrong ${percent(accuracy.confidentWrong, accuracy.inScope)}; out-of-scope ${accuracy.outOfScope}: abstain ${percent(accuracy.abstain, accuracy.outOfScope)}; ` +
      `conversational ${accuracy.conversationalRight}/${accuracy.conversational}\n`,
  );
  if (FAILURES) {
    for (const { question, result } of accuracy.failures) {
      process.stdout.write(
        `  [${question.style}] ${JSON.stringify(question.text)} expected ${question.expect} got ${result.kind} ${result.entries.map((entry) => `${entry.id}:${entry.score}`).join(' ')} (${result.reason})\n`,
      );
    }
  }
}
