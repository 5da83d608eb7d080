/** Readiness checks behind GET /readyz: each names a dependency and says whether it is usable. */

export interface ReadinessCheck {
  readonly name: string;
  /** Resolves to a short detail (or `true`) when ready; rejects when not ready. */
  check(): Promise<string | true>;
}

class ReadinessTimeout extends Error {}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, { readonly ok: boolean; readonly detail?: string }>>;
}

/**
 * Runs every check (each bounded by `timeoutMs`) and reports all of them. A failure is reported as "failed" or
 * "timed out" only (the error, which may name folders or hosts, goes to `onFailure` for the log).
 */
export async function runReadiness(
  checks: readonly ReadinessCheck[],
  timeoutMs: number,
  onFailure: (name: string, error: unknown) => void = () => undefined,
): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (item) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ReadinessTimeout(`timed out after ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const detail = await Promise.race([item.check(), timeout]);
        return [item.name, detail === true ? { ok: true } : { ok: true, detail }] as const;
      } catch (error) {
        onFailure(item.name, error);
        return [
          item.name,
          { ok: false, detail: error instanceof ReadinessTimeout ? error.message : 'failed' },
        ] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: results.every(([, result]) => result.ok), checks: Object.fromEntries(results) };
}
