/**
 * Analytics events on the storage port. Events are buffered and written in batches (every few seconds and at
 * shutdown) into per-minute buckets, so a busy bot does not rewrite a large record on every turn; each bucket is
 * capped and updated with eTag retries, so several instances can share it.
 */

import { ConflictError, retryOnConflict, type KeyValueStore, type StoredItem } from '../storage/key-value-store.js';
import type { AnalyticsEvent } from './analytics-event.js';

const PREFIX = 'analytics/';
/** Most events kept per minute; beyond it events are counted as dropped, so a bucket never grows without bound. */
const MAX_EVENTS_PER_MINUTE = 2000;
/** Most events waiting in memory; beyond it the oldest are dropped (and counted). */
const MAX_BUFFERED = 10_000;
const MINUTE_MS = 60_000;

/** The bucket key of an instant: analytics/2026-11-29T05:37. */
const bucketKey = (at: Date): string => `${PREFIX}${at.toISOString().slice(0, 16)}`;

export interface AnalyticsStore {
  /** Queues an event; it is written by the next flush. */
  record(event: AnalyticsEvent): void;
  /** Writes every queued event. */
  flush(): Promise<void>;
  /** Every event between `from` and `to` (inclusive minutes). */
  read(from: Date, to: Date): Promise<{ events: AnalyticsEvent[]; dropped: number }>;
}

/** Appends `events` to the bucket `key`, retrying on conflicts with other writers. */
function append(
  store: KeyValueStore,
  key: string,
  events: readonly AnalyticsEvent[],
  droppedBefore: number,
): Promise<void> {
  return retryOnConflict(async () => {
    const bucket: StoredItem | undefined = (await store.read([key]))[key];
    const stored = Array.isArray(bucket?.['events']) ? (bucket['events'] as AnalyticsEvent[]) : [];
    const room = Math.max(0, MAX_EVENTS_PER_MINUTE - stored.length);
    const dropped =
      (typeof bucket?.['dropped'] === 'number' ? bucket['dropped'] : 0) +
      droppedBefore +
      Math.max(0, events.length - room);
    const next = { events: [...stored, ...events.slice(0, room)], dropped };
    if (bucket) await store.write({ [key]: { ...next, eTag: bucket.eTag } });
    else if (!(await store.create(key, next))) throw new ConflictError(`another writer created ${key} first`);
  });
}

/** Creates the analytics store on `store`. */
export function createAnalyticsStore(store: KeyValueStore): AnalyticsStore {
  let buffer: AnalyticsEvent[] = [];
  let droppedInMemory = 0;
  let flushing: Promise<void> = Promise.resolve();
  return {
    record(event) {
      buffer.push(event);
      if (buffer.length > MAX_BUFFERED) {
        buffer.shift();
        droppedInMemory += 1;
      }
    },
    flush() {
      // One flush at a time; a flush asked for during another runs after it.
      flushing = flushing.then(async () => {
        const events = buffer;
        const dropped = droppedInMemory;
        buffer = [];
        droppedInMemory = 0;
        const byBucket = new Map<string, AnalyticsEvent[]>();
        for (const event of events) {
          const key = bucketKey(new Date(event.at));
          // Appended in place: copying the group per event made a flush quadratic in the events buffered.
          const group = byBucket.get(key);
          if (group) group.push(event);
          else byBucket.set(key, [event]);
        }
        let first = true;
        for (const [key, group] of byBucket) {
          await append(store, key, group, first ? dropped : 0);
          first = false;
        }
      });
      return flushing;
    },
    async read(from, to) {
      const keys: string[] = [];
      for (
        let minute = new Date(from.toISOString().slice(0, 16) + ':00Z');
        minute <= to;
        minute = new Date(minute.getTime() + MINUTE_MS)
      )
        keys.push(bucketKey(minute));
      const events: AnalyticsEvent[] = [];
      let dropped = 0;
      // Read in slices so a long window does not ask for thousands of keys at once.
      for (let start = 0; start < keys.length; start += 240) {
        const items = await store.read(keys.slice(start, start + 240));
        for (const item of Object.values(items)) {
          if (Array.isArray(item?.['events'])) events.push(...(item['events'] as AnalyticsEvent[]));
          if (typeof item?.['dropped'] === 'number') dropped += item['dropped'];
        }
      }
      return { events, dropped };
    },
  };
}
