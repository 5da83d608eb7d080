/**
 * The storage port everything the bot keeps goes through. It has the shape of botbuilder's `Storage`
 * (read / write / delete with eTag semantics), so botbuilder's ConversationState can use an adapter directly,
 * plus `create` (write only if absent), which ticket ids and idempotent submissions need and botbuilder's
 * interface lacks. The core uses it without importing botbuilder.
 */

/** A stored item; `eTag` is set by the store on read, and checked on write when present (`*` skips the check). */
export interface StoredItem {
  eTag?: string;
  [field: string]: unknown;
}

export interface KeyValueStore {
  read(keys: string[]): Promise<Record<string, StoredItem | undefined>>;
  write(changes: Record<string, StoredItem>): Promise<void>;
  delete(keys: string[]): Promise<void>;
  /** Writes `item` only if `key` does not exist yet; false when it already did (atomic across writers). */
  create(key: string, item: StoredItem): Promise<boolean>;
}

/** True when a write failed because another writer changed the item first (eTag mismatch). */
export function isConflict(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /etag|precondition|conflict/iu.test(message) || (error as { statusCode?: number }).statusCode === 412;
}
