/**
 * Trains the matcher's decision model (src/matching/decision-model.ts) on the development sets: the authored questions
 * (test/fixtures/questions), the realistic long messages (bench/realistic) and the real public posts
 * (../shared/eval/real-dev.jsonl, when present). The held-out set (bench/holdout) is never read here.
 *   npx tsx bench/train-decision.ts          print cross-validated figures
 *   npx tsx bench/train-decision.ts --write  also write the model
 */

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { CATALOGUE_POLICY } from '../src/knowledge/catalogue-ids.js';
import { loadKnowledge } from '../src/knowledge/load-knowledge.js';
import {
  featureVector,
  FEATURE_NAMES,
  predict,
  rawProbability,
  type DecisionModel,
  type LogisticModel,
  type Regime,
} from '../src/matching/decide.js';
import { buildMatchIndex } from '../src/matching/match-index.js';
import { decisionFeatures } from '../src/matching/match-question.js';
import { flagsOrExit } from './bench-args.js';
import { loadLabelledSets, percent, type LabelledMessage } from './labelled-sets.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WRITE = flagsOrExit('train:decision', {
  options: { write: 'flag' },
  positionals: { min: 0, max: 0 },
  usage: 'usage: npm run train:decision [-- --write]',
}).has('write');
const index = buildMatchIndex(loadKnowledge(`${ROOT}knowledge`, CATALOGUE_POLICY));

interface Sample {
  readonly vector: number[];
  readonly right: boolean;
  readonly helpful: boolean;
  readonly inScope: boolean;
  readonly set: string;
  readonly short: boolean;
  readonly clearWinner: boolean;
}

// Messages up to this many normalized characters are short questions (see decide.ts).
const SHORT_CHARS = 100;

const samples: Sample[] = loadLabelledSets(ROOT, 'train').flatMap((message: LabelledMessage) => {
  const found = decisionFeatures(index, {
    text: message.text,
    locale: message.locale,
    previousEntryId: message.previous,
  });
  if (!found) return [];
  const inScope = message.expect.length > 0;
  return [
    {
      vector: featureVector(found.features),
      right: inScope && message.expect.includes(found.ranked[0] ?? ''),
      helpful: inScope && found.ranked.some((id) => message.expect.includes(id)),
      inScope,
      set: message.set,
      short: found.chars <= SHORT_CHARS,
      clearWinner: found.clearWinner,
    },
  ];
});

/** Fits a logistic model with L2 regularization by gradient descent on standardized features. */
function fit(rows: readonly Sample[], label: (sample: Sample) => boolean): LogisticModel {
  const width = FEATURE_NAMES.length;
  const mean = Array.from(
    { length: width },
    (_, column) => rows.reduce((sum, row) => sum + (row.vector[column] ?? 0), 0) / rows.length,
  );
  const scale = Array.from(
    { length: width },
    (_, column) =>
      Math.sqrt(
        rows.reduce((sum, row) => sum + ((row.vector[column] ?? 0) - (mean[column] ?? 0)) ** 2, 0) / rows.length,
      ) || 1,
  );
  const x = rows.map((row) => row.vector.map((value, column) => (value - (mean[column] ?? 0)) / (scale[column] ?? 1)));
  const y = rows.map((row) => (label(row) ? 1 : 0));
  const weights = new Array<number>(width).fill(0);
  let bias = 0;
  const lambda = 0.01;
  const rate = 0.5;
  for (let step = 0; step < 3000; step += 1) {
    const gradient = new Array<number>(width).fill(0);
    let gradientBias = 0;
    x.forEach((features, row) => {
      const z = features.reduce((sum, value, column) => sum + value * (weights[column] ?? 0), bias);
      const error = 1 / (1 + Math.exp(-z)) - (y[row] ?? 0);
      features.forEach((value, column) => (gradient[column] = (gradient[column] ?? 0) + error * value));
      gradientBias += error;
    });
    for (let column = 0; column < width; column += 1)
      weights[column] =
        (weights[column] ?? 0) - rate * ((gradient[column] ?? 0) / x.length + lambda * (weights[column] ?? 0));
    bias -= (rate * gradientBias) / x.length;
  }
  const round = (value: number): number => Number(value.toPrecision(6));
  const model = {
    mean: mean.map(round),
    scale: scale.map(round),
    weights: weights.map(round),
    bias: round(bias),
    calibration: [],
  };
  return {
    ...model,
    calibration: isotonic(rows.map((row) => [rawProbability(model, row.vector), label(row) ? 1 : 0] as const)),
  };
}

/**
 * Pool-adjacent-violators: the increasing step function closest to the labels, as [raw probability, share right]
 * points at the centre of each block (at most 24, merged from the smallest blocks, so the map stays smooth).
 */
function isotonic(pairs: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const blocks: Array<{ sumX: number; sumY: number; count: number }> = [];
  for (const [x, y] of [...pairs].sort((a, b) => a[0] - b[0])) {
    blocks.push({ sumX: x, sumY: y, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const before = blocks[blocks.length - 2]!;
      if (before.sumY / before.count < last.sumY / last.count) break;
      blocks.splice(blocks.length - 2, 2, {
        sumX: before.sumX + last.sumX,
        sumY: before.sumY + last.sumY,
        count: before.count + last.count,
      });
    }
  }
  while (blocks.length > 24) {
    let smallest = 0;
    blocks.forEach((block, position) => {
      if (
        position < blocks.length - 1 &&
        block.count + blocks[position + 1]!.count < blocks[smallest]!.count + blocks[smallest + 1]!.count
      )
        smallest = position;
    });
    const [a, b] = [blocks[smallest]!, blocks[smallest + 1]!];
    blocks.splice(smallest, 2, { sumX: a.sumX + b.sumX, sumY: a.sumY + b.sumY, count: a.count + b.count });
  }
  const round = (value: number): number => Number(value.toFixed(4));
  return blocks.map((block) => [round(block.sumX / block.count), round(block.sumY / block.count)]);
}

// Answers must be right at least this often; out-of-scope messages may get choices at most this often.
const ANSWER_PRECISION = 0.95;
const OUT_OF_SCOPE_OFFERED = 0.02;

/**
 * Lowest probability threshold at which the answered samples (scanning from the most probable) are right often enough.
 */
function precisionThreshold(
  scored: ReadonlyArray<{ readonly right: boolean; readonly p: number }>,
  floor: number,
): number {
  let threshold = 0.99;
  let right = 0;
  [...scored]
    .sort((a, b) => b.p - a.p)
    .forEach((item, position) => {
      if (item.right) right += 1;
      if (right / (position + 1) >= ANSWER_PRECISION && item.p >= floor) threshold = Math.min(threshold, item.p);
    });
  return Number(threshold.toFixed(3));
}

/** Trains both regimes on `rows` and picks their thresholds. */
function train(rows: readonly Sample[]): DecisionModel {
  const regime = (subset: readonly Sample[], shortQuestions: boolean): Regime => {
    const answer = fit(subset, (row) => row.right);
    const helpful = fit(subset, (row) => row.helpful);
    if (shortQuestions) {
      // Short questions: only the softmax's clear winners are answered; the model may veto the doubtful ones.
      const winners = subset
        .filter((row) => row.clearWinner)
        .map((row) => ({ right: row.right, p: predict(answer, row.vector) }));
      return {
        answer,
        helpful,
        answerThreshold: 1,
        clearThreshold: Math.min(0.5, precisionThreshold(winners, 0)),
        choiceThreshold: 1,
      };
    }
    const answerThreshold = precisionThreshold(
      subset.map((row) => ({ right: row.right, p: predict(answer, row.vector) })),
      0.5,
    );
    const clearThreshold = Math.min(
      answerThreshold,
      precisionThreshold(
        subset.filter((row) => row.clearWinner).map((row) => ({ right: row.right, p: predict(answer, row.vector) })),
        0.3,
      ),
    );
    const outOfScope = subset
      .filter((row) => !row.inScope && predict(answer, row.vector) < answerThreshold)
      .map((row) => predict(helpful, row.vector))
      .sort((a, b) => b - a);
    const allowed = Math.floor(OUT_OF_SCOPE_OFFERED * subset.filter((row) => !row.inScope).length);
    return {
      answer,
      helpful,
      answerThreshold,
      clearThreshold,
      choiceThreshold: Number(Math.max(0.2, (outOfScope[allowed] ?? 0) + 1e-3).toFixed(3)),
    };
  };
  return {
    shortChars: SHORT_CHARS,
    short: regime(
      rows.filter((row) => row.short),
      true,
    ),
    long: regime(
      rows.filter((row) => !row.short),
      false,
    ),
    choiceShare: 0.1,
  };
}

/**
 * Cross-validated answers per set (each sample judged by a model trained without its fold); short questions' choices
 * are not simulated.
 */
function crossValidate(folds: number): void {
  const outcome = new Map<
    string,
    { n: number; answered: number; right: number; outOfScope: number; offered: number }
  >();
  for (let fold = 0; fold < folds; fold += 1) {
    const model = train(samples.filter((_, position) => position % folds !== fold));
    samples.forEach((sample, position) => {
      if (position % folds !== fold) return;
      const counts = outcome.get(sample.set) ?? { n: 0, answered: 0, right: 0, outOfScope: 0, offered: 0 };
      const regime = sample.short ? model.short : model.long;
      const p = predict(regime.answer, sample.vector);
      const answered = p >= regime.answerThreshold || (sample.clearWinner && p >= regime.clearThreshold);
      const offered = answered || (!sample.short && predict(regime.helpful, sample.vector) >= regime.choiceThreshold);
      if (!sample.inScope) {
        counts.outOfScope += 1;
        if (offered) counts.offered += 1;
      } else {
        counts.n += 1;
        if (answered) counts.answered += 1;
        if (answered && sample.right) counts.right += 1;
      }
      outcome.set(sample.set, counts);
    });
  }
  for (const [set, c] of outcome) {
    process.stdout.write(
      `  ${set.padEnd(24)} in-scope ${String(c.n).padStart(4)}: answered right ${percent(c.right, c.n)}, answered wrong ${percent(c.answered - c.right, c.n)}; out-of-scope ${c.outOfScope}: answered or offered ${percent(c.offered, c.outOfScope)}\n`,
    );
  }
}

process.stdout.write(
  `${samples.length} samples (messages answered by an owned code or with no known word are decided without the model)\n`,
);
process.stdout.write('5-fold cross-validation (decision part only):\n');
crossValidate(5);
const model = train(samples);
process.stdout.write(
  `short: clear winner from ${model.short.clearThreshold}; long: answer from ${model.long.answerThreshold} (clear winner from ${model.long.clearThreshold}), choices from ${model.long.choiceThreshold}\n`,
);
if (WRITE) {
  const text = `/** Generated by bench/train-decision.ts (npm run train:decision); do not edit by hand. */\n\nimport type { DecisionModel } from './decide.js';\n\nexport const DECISION_MODEL: DecisionModel = Object.freeze(${JSON.stringify(model, null, 2)});\n`;
  writeFileSync(`${ROOT}src/matching/decision-model.ts`, text);
  process.stdout.write('wrote src/matching/decision-model.ts\n');
}
