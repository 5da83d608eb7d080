/**
 * Bounded outbound calls: each attempt has a timeout, the retries of throttled or failed-in-transit calls (with
 * backoff and jitter) share one total budget, and the last error is thrown when either runs out. A peer that
 * accepts the connection and never answers therefore costs at most the budget, never a turn or a shutdown.
 */

/** Status codes worth another try (Teams throttling and gateway errors). */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Longest wait for one attempt. */
  readonly attemptTimeoutMs: number;
  /** Longest time for all attempts and pauses together. */
  readonly budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({
  attempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 3000,
  attemptTimeoutMs: 5000,
  budgetMs: 12000,
});

/** Thrown when an attempt or the whole budget ran out without an answer. */
class OutboundTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
  constructor(message: string) {
    super(`outbound: ${message}`);
    this.name = 'OutboundTimeoutError';
  }
}

/**
 * True for errors a retry may fix: the statuses above, a connection that could not be made, an attempt that timed out.
 */
export function isRetryable(error: unknown): boolean {
  const status =
    (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  if (typeof status === 'number' && status > 0) return RETRYABLE.has(status);
  const code = (error as { code?: unknown }).code;
  const name = (error as { name?: unknown }).name;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    name === 'AbortError' ||
    /ECONNREFUSED|socket hang up|fetch failed|aborted/iu.test(String((error as Error).message))
  );
}

/** Resolves or rejects like `work`, or rejects with OutboundTimeoutError after `ms`. */
async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OutboundTimeoutError(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `call`, retrying retryable failures with exponential backoff and full jitter within the policy's budget;
 * rethrows the last error.
 */
export async function withOutboundRetry<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  const deadline = Date.now() + policy.budgetMs;
  for (let attempt = 1; ; attempt += 1) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new OutboundTimeoutError(`no answer within the budget of ${policy.budgetMs} ms`);
    try {
      return await withTimeout(call(), Math.min(policy.attemptTimeoutMs, remaining), `attempt ${attempt}`);
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const pause = Math.random() * ceiling;
      // No time left for another attempt after the pause: the error we have is the answer.
      if (Date.now() + pause >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
