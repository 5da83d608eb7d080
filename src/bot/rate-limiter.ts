/** Per-user message rate limit over a sliding minute, with a bounded number of tracked users. */

export interface RateLimiter {
  /** Records a message from `userId` at `now` (ms); false when the user is over the limit. */
  allow(userId: string, now: number): boolean;
}

// At most this many users are tracked; the least recently seen are forgotten first (no unbounded growth).
const MAX_TRACKED_USERS = 10_000;
const WINDOW_MS = 60_000;

/** Creates a limiter allowing `perMinute` messages per user (0: no limit). */
export function createRateLimiter(perMinute: number): RateLimiter {
  const recent = new Map<string, number[]>();
  return {
    allow(userId, now) {
      if (perMinute <= 0) return true;
      const times = (recent.get(userId) ?? []).filter((time) => now - time < WINDOW_MS);
      recent.delete(userId);
      const allowed = times.length < perMinute;
      if (allowed) times.push(now);
      recent.set(userId, times);
      if (recent.size > MAX_TRACKED_USERS) recent.delete(recent.keys().next().value as string);
      return allowed;
    },
  };
}
