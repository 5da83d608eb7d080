/** The retention sweep: deletes what was kept only for a while (idle conversation state, old drafts), never tickets. */

import type { KeyValueStore } from './key-value-store.js';

/** One kind of item the sweep may delete once it has not been written for the retention period. */
export interface RetentionRule {
  readonly id: string;
  /** The listing prefix that holds such items (empty: everything, filtered by `matches`). */
  readonly prefix: string;
  readonly matches: (key: string) => boolean;
}

/** Deletes every item of `rules` last written before `cutoff`; returns how many per rule id. */
export async function sweepIdle(
  store: KeyValueStore,
  rules: readonly RetentionRule[],
  cutoff: Date,
): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const rule of rules) {
    const stale = (await store.list(rule.prefix))
      .filter((found) => rule.matches(found.key) && found.modifiedAt < cutoff)
      .map((found) => found.key);
    for (let start = 0; start < stale.length; start += 100) await store.delete(stale.slice(start, start + 100));
    deleted[rule.id] = stale.length;
  }
  return deleted;
}
