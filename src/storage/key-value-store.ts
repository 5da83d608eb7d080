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
  /** Every key starting with `prefix`, with when it was last written (start-up recovery and the retention sweep). */
  list(prefix: string): Promise<StoredKey[]>;
}

/** A key found by `list`, and when its item was last written. */
export interface StoredKey {
  readonly key: string;
  readonly modifiedAt: Date;
}

/** True when a write failed because another writer changed the item first (eTag mismatch). */
export function isConflict(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return (
    error instanceof ConflictError ||
    /etag|precondition|conflict/iu.test(message) ||
    (error as { statusCode?: number }).statusCode === 412
  );
}

/** Thrown when a racing writer got there first (a lost create or an eTag mismatch): worth another read and try. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(`storage: ${message}`);
    this.name = 'ConflictError';
  }
}

const MAX_CONFLICT_ATTEMPTS = 50;

/**
 * Runs a read-modify-write `attempt` again while it fails with a conflict, with a short random pause so racing
 * writers spread out; other errors, and the last conflict, are thrown.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConflict(error) || tries >= MAX_CONFLICT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** tries)));
    }
  }
}
