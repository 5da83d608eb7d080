/** Analytics events on the storage port, in hourly buckets (bounded, updated with eTag retries). */

import { isConflict, type KeyValueStore } from '../storage/key-value-store.js';
import type { AnalyticsEvent } from './analytics-event.js';

const PREFIX = 'analytics/';
/** Most events kept per hour; beyond it events are counted as dropped, so a bucket never grows without bound. */
export const MAX_EVENTS_PER_HOUR = 5000;
const MAX_ATTEMPTS = 30;

/** The bucket key of an instant: analytics/2026-11-29T05. */
export const bucketKey = (at: Date): string => `${PREFIX}${at.toISOString().slice(0, 13)}`;

export interface AnalyticsStore {
  record(event: AnalyticsEvent): Promise<void>;
  /** Every event between `from` and `to` (inclusive hours). */
  read(from: Date, to: Date): Promise<{ events: AnalyticsEvent[]; dropped: number }>;
}

/** Creates the analytics store. */
export function createAnalyticsStore(store: KeyValueStore): AnalyticsStore {
  return {
    async record(event) {
      const key = bucketKey(new Date(event.at));
      for (let attempt = 1; ; attempt += 1) {
        const bucket = (await store.read([key]))[key];
        const events = Array.isArray(bucket?.['events']) ? (bucket['events'] as AnalyticsEvent[]) : [];
        const dropped = typeof bucket?.['dropped'] === 'number' ? bucket['dropped'] : 0;
        const full = events.length >= MAX_EVENTS_PER_HOUR;
        const next = full ? { events, dropped: dropped + 1 } : { events: [...events, event], dropped };
        try {
          if (!bucket) {
            if (await store.create(key, next)) return;
            continue;
          }
          await store.write({ [key]: { ...next, eTag: bucket.eTag } });
          return;
        } catch (error) {
          if (!isConflict(error) || attempt >= MAX_ATTEMPTS) throw error;
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
        }
      }
    },
    async read(from, to) {
      const keys: string[] = [];
      for (let hour = new Date(from.toISOString().slice(0, 13) + ':00:00Z'); hour <= to; hour = new Date(hour.getTime() + 3_600_000)) keys.push(bucketKey(hour));
      const events: AnalyticsEvent[] = [];
      let dropped = 0;
      // Read in slices so a long window does not ask for thousands of keys at once.
      for (let start = 0; start < keys.length; start += 48) {
        const items = await store.read(keys.slice(start, start + 48));
        for (const item of Object.values(items)) {
          if (Array.isArray(item?.['events'])) events.push(...(item['events'] as AnalyticsEvent[]));
          if (typeof item?.['dropped'] === 'number') dropped += item['dropped'];
        }
      }
      return { events, dropped };
    },
  };
}
