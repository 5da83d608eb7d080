import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadLabelledSets } from '../../bench/labelled-sets.js';
import { askOne } from '../../src/cli/ask-contract.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { ROOT } from '../support/start-test-app.js';

// The confidence reported for the best entry is the chance that it is right: per bucket of confidence, the share of
// messages whose best entry is right stays within 10 points of the bucket's mean confidence.
const BUCKETS = 5;
const MIN_SAMPLES = 20;
const TOLERANCE = 0.1;

const index = buildMatchIndex(loadKnowledge(join(ROOT, 'knowledge')));

describe('reported confidence', () => {
  const buckets = Array.from({ length: BUCKETS }, () => ({ count: 0, right: 0, confidence: 0 }));
  for (const message of loadLabelledSets(ROOT, 'all')) {
    const result = askOne(index, { text: message.text, locale: message.locale, previous: message.previous }) as {
      kind: string;
      entries: Array<{ id: string; score: number }>;
    };
    const best = result.entries[0];
    // Answers, choices and "none" report a confidence for their best entry; clarifying questions and diagnoses do not.
    if (!best || !['answer', 'choices', 'none'].includes(result.kind)) continue;
    const bucket = buckets[Math.min(BUCKETS - 1, Math.floor(best.score * BUCKETS))]!;
    bucket.count += 1;
    bucket.confidence += best.score;
    if (message.expect.includes(best.id)) bucket.right += 1;
  }

  it('is within 10 points of the accuracy in every bucket with enough messages, and at least three buckets have enough', () => {
    const judged = buckets.filter((bucket) => bucket.count >= MIN_SAMPLES);
    expect(judged.length).toBeGreaterThanOrEqual(3);
    for (const bucket of judged) {
      const accuracy = bucket.right / bucket.count;
      const confidence = bucket.confidence / bucket.count;
      expect(
        Math.abs(accuracy - confidence),
        `${bucket.count} messages: accuracy ${accuracy.toFixed(2)}, confidence ${confidence.toFixed(2)}`,
      ).toBeLessThanOrEqual(TOLERANCE);
    }
  });
});
