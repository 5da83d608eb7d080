import { describe, expect, it } from 'vitest';

import { createRateLimiter, MAX_TRACKED_USERS } from '../../src/bot/rate-limiter.js';

describe('rate limiter', () => {
  it('limits each user per sliding minute', () => {
    const limiter = createRateLimiter(2);
    expect([limiter.allow('a', 0), limiter.allow('a', 1), limiter.allow('a', 2), limiter.allow('b', 3)]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(limiter.allow('a', 60_001)).toBe(true);
  });

  it('keeps a limited user limited however many forged sender ids follow', () => {
    const limiter = createRateLimiter(3);
    for (let index = 0; index < 3; index += 1) limiter.allow('victim-of-own-spam', index);
    expect(limiter.allow('victim-of-own-spam', 10)).toBe(false);
    let overflowAllowed = 0;
    for (let index = 0; index <= MAX_TRACKED_USERS + 1; index += 1)
      if (limiter.allow(`forged-${index}`, 20)) overflowAllowed += 1;
    expect(limiter.allow('victim-of-own-spam', 30)).toBe(false);
    // The table was full of active users: the forged ids beyond it shared one bucket of 3.
    expect(overflowAllowed).toBe(MAX_TRACKED_USERS - 1 + 3);
    // A minute later the quiet ones are forgotten and room is made for a newcomer.
    expect(limiter.allow('newcomer', 61_000)).toBe(true);
  });
});
