/** Counts in-flight requests so shutdown can wait for running turns to finish. */

/** Tracks running work and resolves `idle()` when none is left. */
export interface InFlight {
  readonly count: number;
  /** Runs `work`, counting it as in flight until it settles. */
  track<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves true when nothing is in flight, or false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean>;
}

/** Creates an in-flight counter. */
export function createInFlight(): InFlight {
  let count = 0;
  let waiters: Array<() => void> = [];
  const settle = (): void => {
    count -= 1;
    if (count === 0) {
      const done = waiters;
      waiters = [];
      for (const wake of done) wake();
    }
  };
  return {
    get count() {
      return count;
    },
    async track(work) {
      count += 1;
      try {
        return await work();
      } finally {
        settle();
      }
    },
    idle(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((wake) => wake !== onIdle);
          resolve(false);
        }, timeoutMs);
        const onIdle = (): void => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.push(onIdle);
      });
    },
  };
}
