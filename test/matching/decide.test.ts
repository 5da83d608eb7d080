import { describe, expect, it } from 'vitest';

import { calibrate, DECISION, FEATURE_NAMES, regimeOf } from '../../src/matching/decide.js';

describe('calibrate', () => {
  const points = [
    [0.1, 0],
    [0.5, 0.2],
    [0.9, 1],
  ];

  it('interpolates linearly between the points and is flat beyond the ends', () => {
    expect(calibrate(points, 0.05)).toBe(0);
    expect(calibrate(points, 0.3)).toBeCloseTo(0.1, 10);
    expect(calibrate(points, 0.7)).toBeCloseTo(0.6, 10);
    expect(calibrate(points, 0.95)).toBe(1);
  });

  it('returns the raw probability when there is no calibration', () => {
    expect(calibrate([], 0.42)).toBe(0.42);
  });
});

describe('the trained decision model', () => {
  it('has one weight per feature and increasing calibration points in both regimes', () => {
    for (const regime of [DECISION.short, DECISION.long]) {
      for (const model of [regime.answer, regime.helpful]) {
        expect(model.weights).toHaveLength(FEATURE_NAMES.length);
        const xs = model.calibration.map((point) => point[0] ?? 0);
        const ys = model.calibration.map((point) => point[1] ?? 0);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
        expect(ys).toEqual([...ys].sort((a, b) => a - b));
      }
    }
  });

  it('treats messages up to shortChars as short questions', () => {
    expect(regimeOf(DECISION.shortChars)).toBe(DECISION.short);
    expect(regimeOf(DECISION.shortChars + 1)).toBe(DECISION.long);
  });
});
