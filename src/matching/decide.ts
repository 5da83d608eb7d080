/**
 * The answer / choices / none decision: a small logistic model over length-independent features of the scores,
 * trained by `npm run train:decision` (bench/train-decision.ts) on the development sets and calibrated so that the
 * reported confidence is the chance that the best entry is right.
 */

import { DECISION_MODEL } from './decision-model.js';

/** What the decision looks at, for the best-scoring entry of one message. */
export interface DecisionFeatures {
  /** Softmax probability of the best entry against every entry, "none" and the out-of-scope topics. */
  readonly probability: number;
  /** Softmax probability of "none" and the out-of-scope topics together. */
  readonly none: number;
  /** Score lead of the best entry over the second, per square root of known query weight. */
  readonly margin: number;
  /** Score lead of the best entry over the best out-of-scope topic, per square root of known query weight. */
  readonly lead: number;
  /** Score of the best entry per square root of known query weight. */
  readonly strength: number;
  /** log(1 + known query weight). */
  readonly knownLog: number;
  /** Share of the query weight no entry knows. */
  readonly unknownShare: number;
  /** Share of the known query weight the best entry has at all. */
  readonly coverage: number;
  /** Error codes and event ids no entry owns (at most 2). */
  readonly unowned: number;
  /** 1 when the message names a property the best entry owns. */
  readonly property: number;
  /** log(1 + normalized characters). */
  readonly lengthLog: number;
}

/** The features in model order. */
export const FEATURE_NAMES = [
  'probability',
  'none',
  'margin',
  'lead',
  'strength',
  'knownLog',
  'unknownShare',
  'coverage',
  'unowned',
  'property',
  'lengthLog',
] as const satisfies ReadonlyArray<keyof DecisionFeatures>;

/** A logistic model over standardized features. */
export interface LogisticModel {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
  /**
   * Isotonic calibration of the logistic output: increasing raw probabilities and the share of right answers they
   * stand for, interpolated linearly (fitted by pool-adjacent-violators on the training set). Empty: none.
   */
  readonly calibration: ReadonlyArray<readonly number[]>;
}

/** The models and thresholds of one kind of message (short questions or long messages). */
export interface Regime {
  /** P(the best entry is right). */
  readonly answer: LogisticModel;
  /** P(one of the best three entries is right). */
  readonly helpful: LogisticModel;
  /** Answer when P(best entry right) reaches this. */
  readonly answerThreshold: number;
  /** Answer the softmax's clear winner when P(best entry right) reaches this. */
  readonly clearThreshold: number;
  /** Long messages: otherwise offer choices when P(one of three right) reaches this. */
  readonly choiceThreshold: number;
}

/**
 * Short questions (up to `shortChars` normalized characters) are decided by the softmax's clear winner as long as the
 * model does not veto it; long messages, whose many unknown words push the softmax towards "none", by the model alone.
 */
export interface DecisionModel {
  readonly shortChars: number;
  readonly short: Regime;
  readonly long: Regime;
  /** A third choice is offered when its evidence is at least this share of the best entry's. */
  readonly choiceShare: number;
}

export const DECISION: DecisionModel = DECISION_MODEL;

/** Returns the model's probability for a feature vector (in FEATURE_NAMES order). */
export function predict(model: LogisticModel, vector: readonly number[]): number {
  return calibrate(model.calibration, rawProbability(model, vector));
}

/** The logistic model's own output, before calibration. */
export function rawProbability(model: LogisticModel, vector: readonly number[]): number {
  let z = model.bias;
  for (let position = 0; position < vector.length; position += 1) {
    const value = vector[position] ?? 0;
    z += ((model.weights[position] ?? 0) * (value - (model.mean[position] ?? 0))) / (model.scale[position] ?? 1);
  }
  return 1 / (1 + Math.exp(-z));
}

/** Maps a raw probability through the calibration points (linear between them, flat beyond the ends). */
export function calibrate(points: ReadonlyArray<readonly number[]>, raw: number): number {
  if (points.length === 0) return raw;
  if (raw <= (points[0]?.[0] ?? 0)) return points[0]?.[1] ?? 0;
  const last = points.length - 1;
  if (raw >= (points[last]?.[0] ?? 0)) return points[last]?.[1] ?? 0;
  let after = 0;
  while (after < points.length && (points[after]?.[0] ?? 0) < raw) after += 1;
  // after >= 1: the first point is below `raw`, the last one above it.
  const x0 = points[after - 1]?.[0] ?? 0;
  const y0 = points[after - 1]?.[1] ?? 0;
  const x1 = points[after]?.[0] ?? 0;
  const y1 = points[after]?.[1] ?? 0;
  return x1 === x0 ? y1 : y0 + ((raw - x0) * (y1 - y0)) / (x1 - x0);
}

/** Returns the features as a vector in FEATURE_NAMES order. */
export function featureVector(features: DecisionFeatures): number[] {
  return FEATURE_NAMES.map((name) => features[name]);
}

/** The regime of a message of `chars` normalized characters. */
export function regimeOf(chars: number, model: DecisionModel = DECISION): Regime {
  return chars <= model.shortChars ? model.short : model.long;
}

/** The two probabilities the decision is made from, by the regime of a message of `chars` characters. */
export function decide(
  features: DecisionFeatures,
  chars: number,
  model: DecisionModel = DECISION,
): { readonly answer: number; readonly helpful: number; readonly regime: Regime } {
  const vector = featureVector(features);
  const regime = regimeOf(chars, model);
  return { answer: predict(regime.answer, vector), helpful: predict(regime.helpful, vector), regime };
}
