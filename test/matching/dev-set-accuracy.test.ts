import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadDevSet, measureAccuracy } from '../../bench/labelled-sets.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { matchQuestion } from '../../src/matching/match-question.js';
import { ROOT } from '../support/start-test-app.js';

// Keeps accuracy from regressing; timing lives in `npm run bench`. Targets from the matching issue.
const TARGETS = { strict: 0.95, confidentWrong: 0.02, abstain: 0.95 };

const index = buildMatchIndex(loadKnowledge(join(ROOT, 'knowledge')));
const questions = loadDevSet(join(ROOT, 'test/fixtures/questions'));

describe.each(['ja', 'en'] as const)('development set accuracy (%s)', (language) => {
  const subset = questions.filter((question) => question.language === language);
  const accuracy = measureAccuracy(subset, ({ text }) =>
    matchQuestion(index, { text, locale: language === 'ja' ? 'ja-JP' : 'en-US' }),
  );

  it('has enough questions to mean something', () => {
    expect(accuracy.inScope).toBeGreaterThanOrEqual(75);
    expect(accuracy.outOfScope).toBeGreaterThanOrEqual(15);
  });

  it(`answers at least ${TARGETS.strict * 100}% of in-scope questions with the right entry`, () => {
    expect(accuracy.strict / accuracy.inScope).toBeGreaterThanOrEqual(TARGETS.strict);
  });

  it(`is confidently wrong on at most ${TARGETS.confidentWrong * 100}%`, () => {
    expect(accuracy.confidentWrong / accuracy.inScope).toBeLessThanOrEqual(TARGETS.confidentWrong);
  });

  it(`abstains on at least ${TARGETS.abstain * 100}% of out-of-scope questions`, () => {
    expect(accuracy.abstain / accuracy.outOfScope).toBeGreaterThanOrEqual(TARGETS.abstain);
  });

  it('gives every conversational message its kind', () => {
    expect(accuracy.conversationalRight).toBe(accuracy.conversational);
  });
});
