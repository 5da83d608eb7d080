/** Prints matching latency (p50/p99/max per message) and accuracy for our matcher and a naive fuse.js baseline. */

import { fileURLToPath } from 'node:url';

import Fuse from 'fuse.js';

import { CATALOGUE_POLICY } from '../src/knowledge/catalogue-ids.js';
import type { KnowledgeBase } from '../src/knowledge/knowledge-entry.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../src/matching/match-index.js';
import { matchQuestion, type MatchResult } from '../src/matching/match-question.js';
import { loadDevSet, measureAccuracy, percent, realisticSets, type DevQuestion } from './labelled-sets.js';
import { syntheticKnowledge, unrecognisedPaste } from './synthetic-knowledge.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const real = loadKnowledge(`${ROOT}knowledge`, CATALOGUE_POLICY);
const questions = loadDevSet(`${ROOT}test/fixtures/questions`);
const holdout = loadDevSet(`${ROOT}bench/holdout`);
const paste = unrecognisedPaste(20 * 1024);

interface Timing {
  p50: number;
  p99: number;
  max: number;
}

/** Runs `work` over `inputs` `rounds` times (after one warm-up round) and returns per-call percentiles in ms. */
function time(inputs: readonly string[], rounds: number, work: (text: string) => unknown, warmUp = true): Timing {
  if (warmUp) for (const input of inputs) work(input);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const input of inputs) {
      const started = performance.now();
      work(input);
      samples.push(performance.now() - started);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99), max: samples[samples.length - 1] ?? Number.NaN };
}

const format = (timing: Timing): string =>
  `p50 ${timing.p50.toFixed(3)} ms, p99 ${timing.p99.toFixed(3)} ms, max ${timing.max.toFixed(3)} ms`;

/** The naive baseline: fuse.js defaults over title + answer in both languages; the top hit is the answer. */
function createBaseline(knowledge: KnowledgeBase): (text: string) => MatchResult {
  const fuse = new Fuse(knowledge.entries, {
    keys: ['ja.title', 'en.title', 'ja.answer', 'en.answer'],
    includeScore: true,
  });
  return (text) => {
    const hits = fuse.search(text, { limit: 3 });
    return {
      kind: hits.length > 0 ? 'answer' : 'none',
      language: 'en',
      entries: hits.map((hit) => ({ id: hit.item.id, score: 1 - (hit.score ?? 1) })),
      signals: { errorCodes: [], eventIds: [], properties: [], tools: [], otherProducts: [] },
      reason: 'baseline',
      truncated: false,
    };
  };
}

function accuracyLine(
  name: string,
  set: readonly DevQuestion[],
  match: (question: DevQuestion) => MatchResult,
): string {
  return (['ja', 'en'] as const)
    .map((language) => {
      const subset = set.filter((question) => question.language === language);
      const accuracy = measureAccuracy(subset, match);
      return `${name} ${language}: strict ${percent(accuracy.strict, accuracy.inScope)}, helpful ${percent(accuracy.helpful, accuracy.inScope)}, confident-wrong ${percent(accuracy.confidentWrong, accuracy.inScope)}, abstain ${percent(accuracy.abstain, accuracy.outOfScope)} (n=${accuracy.inScope}+${accuracy.outOfScope})`;
    })
    .join('\n');
}

const locale = (question: DevQuestion): string => (question.language === 'ja' ? 'ja-JP' : 'en-US');
const realIndex = buildMatchIndex(real);
const ours = (question: DevQuestion): MatchResult =>
  matchQuestion(realIndex, { text: question.text, locale: locale(question) });
const baseline = createBaseline(real);
process.stdout.write(`${accuracyLine('dev set, ours    ', questions, ours)}\n`);
process.stdout.write(`${accuracyLine('dev set, baseline', questions, (question) => baseline(question.text))}\n`);
process.stdout.write(`${accuracyLine('held-out, ours   ', holdout, ours)}\n`);

const short = questions.map((question) => question.text);
// Long, messy messages (150-800 characters) and follow-ups with their previous answer: the realistic set.
const long = realisticSets(ROOT);
for (const size of [real.entries.length, 1000, 5000]) {
  const knowledge = size === real.entries.length ? real : syntheticKnowledge(real, size);
  const built = performance.now();
  const index = size === real.entries.length ? realIndex : buildMatchIndex(knowledge);
  const buildMs = performance.now() - built;
  const naive = createBaseline(knowledge);
  const realSize = size === real.entries.length;
  const oursShort = time(short, realSize ? 20 : 5, (text) => matchQuestion(index, { text }));
  const oursPaste = time([paste], 30, (text) => matchQuestion(index, { text }));
  const byText = new Map(long.map((message) => [message.text, message.previous]));
  const oursLong = time([...byText.keys()], realSize ? 10 : 2, (text) =>
    matchQuestion(index, { text, previousEntryId: byText.get(text) }),
  );
  // The baseline is slow (seconds per paste, growing with the entries): a sample, one round, no warm-up, and the
  // paste only at the real size (at 5,000 entries one baseline paste takes minutes).
  const baseShort = time(realSize ? short : short.slice(0, 20), 1, naive, realSize);
  const basePaste = realSize ? time([paste], 1, naive, false) : undefined;
  process.stdout.write(
    `\n${size} entries (index built in ${buildMs.toFixed(0)} ms):\n` +
      `  questions  ours ${format(oursShort)} | baseline ${format(baseShort)} | p99 ratio ours/baseline ${(oursShort.p99 / baseShort.p99).toFixed(3)}\n` +
      `  long messages ours ${format(oursLong)} (${byText.size} realistic messages)\n` +
      `  20 KB paste ours ${format(oursPaste)} | ` +
      (basePaste
        ? `baseline ${format(basePaste)} | p99 ratio ours/baseline ${(oursPaste.p99 / basePaste.p99).toFixed(4)}\n`
        : 'baseline not run at this size\n'),
  );
}
