/** Per-user message rate limit over a sliding minute, with a bounded number of tracked users. */

export interface RateLimiter {
  /** Records an activity from `userId` at `now` (ms); false when the user is over the limit. */
  allow(userId: string, now: number): boolean;
}

// At most this many users are tracked (no unbounded growth).
export const MAX_TRACKED_USERS = 10_000;
const WINDOW_MS = 60_000;
// Senders that find the table full of users active within the minute share this one bucket.
const OVERFLOW = '\u0000overflow';

/**
 * Creates a limiter allowing `perMinute` activities per user (0: no limit). Only users quiet for a whole minute
 * are forgotten, so a flood of new (forged) sender ids can't push a limited user out of the table and reset
 * them: once the table is full of active users, newcomers share one overflow bucket with the same limit.
 */
export function createRateLimiter(perMinute: number): RateLimiter {
  // Ordered by last activity (every call moves its user to the end), so the quiet users are at the front.
  const recent = new Map<string, number[]>();
  const forgetQuiet = (now: number): void => {
    for (const [user, times] of recent) {
      if ((times.at(-1) ?? 0) > now - WINDOW_MS) return;
      recent.delete(user);
    }
  };
  return {
    allow(userId, now) {
      if (perMinute <= 0) return true;
      let key = userId;
      if (!recent.has(key) && recent.size >= MAX_TRACKED_USERS) {
        forgetQuiet(now);
        if (recent.size >= MAX_TRACKED_USERS) key = OVERFLOW;
      }
      const times = (recent.get(key) ?? []).filter((time) => now - time < WINDOW_MS);
      recent.delete(key);
      const allowed = times.length < perMinute;
      if (allowed) times.push(now);
      recent.set(key, times);
      return allowed;
    },
  };
}
