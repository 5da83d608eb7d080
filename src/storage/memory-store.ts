/** In-memory store with eTag semantics (tests and local runs until durable storage is configured). */

import type { KeyValueStore, StoredItem } from './key-value-store.js';

/** Creates an in-memory store; every operation completes without yielding in between, so `create` is atomic. */
export function createMemoryStore(): KeyValueStore {
  const items = new Map<string, string>();
  // Each item's eTag beside its JSON, so checking one before a write does not parse the stored item.
  const eTags = new Map<string, string>();
  const modified = new Map<string, Date>();
  let version = 0;
  const save = (key: string, item: StoredItem): void => {
    version += 1;
    const eTag = String(version);
    items.set(key, JSON.stringify({ ...item, eTag }));
    eTags.set(key, eTag);
    modified.set(key, new Date());
  };
  return {
    async read(keys) {
      const result: Record<string, StoredItem | undefined> = {};
      for (const key of keys) {
        const raw = items.get(key);
        if (raw !== undefined) result[key] = JSON.parse(raw) as StoredItem;
      }
      return result;
    },
    async write(changes) {
      // Check every eTag before writing anything, so a rejected batch changes nothing.
      for (const [key, item] of Object.entries(changes)) {
        const old = eTags.get(key);
        if (old !== undefined && item.eTag !== undefined && item.eTag !== '*' && old !== item.eTag) {
          throw new Error(`storage: eTag conflict writing "${key}"`);
        }
      }
      for (const [key, item] of Object.entries(changes)) save(key, item);
    },
    async delete(keys) {
      for (const key of keys) {
        items.delete(key);
        eTags.delete(key);
        modified.delete(key);
      }
    },
    async create(key, item) {
      if (items.has(key)) return false;
      save(key, item);
      return true;
    },
    async list(prefix) {
      return [...modified].filter(([key]) => key.startsWith(prefix)).map(([key, modifiedAt]) => ({ key, modifiedAt }));
    },
  };
}
