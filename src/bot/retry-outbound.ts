/** Retries outbound Bot Connector calls that Teams throttles or that fail in transit, with backoff and jitter. */

/** Status codes worth another try (Teams throttling and gateway errors). */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ attempts: 4, baseDelayMs: 250, maxDelayMs: 3000 });

/** True for errors a retry may fix: the statuses above, and a connection that could not be made. */
export function isRetryable(error: unknown): boolean {
  const status = (error as { statusCode?: unknown; status?: unknown }).statusCode ?? (error as { status?: unknown }).status;
  if (typeof status === 'number') return RETRYABLE.has(status);
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT' || /ECONNREFUSED|socket hang up|fetch failed/iu.test(String((error as Error).message));
}

/** Runs `call`, retrying retryable failures with exponential backoff and full jitter; rethrows the last error. */
export async function withOutboundRetry<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}
