/**
 * A disk that fills up, as a storage wrapper: from a chosen write on, every write and create fails the way the
 * file store fails on ENOSPC (StorageError "the disk is full"), until the disk is freed. Reads and deletes go on
 * working, as they do on a real full disk.
 */

import { StorageError } from '../../src/storage/file-store.js';
import type { KeyValueStore } from '../../src/storage/key-value-store.js';

export interface FillingStore {
  readonly store: KeyValueStore;
  /** Writes attempted so far (failed ones included). */
  readonly writes: number;
  /** Writes failed so far. */
  readonly failed: number;
  /** The disk fills up after `count` more writes succeed. */
  fillAfter(count: number): void;
  free(): void;
}

/** Wraps `inner` (a real store) so that its disk can fill up at a chosen write. */
export function fillingStore(inner: KeyValueStore): FillingStore {
  let writes = 0;
  let failed = 0;
  let fullFrom = Number.POSITIVE_INFINITY;
  const guard = (key: string): void => {
    writes += 1;
    if (writes > fullFrom) {
      failed += 1;
      throw new StorageError(`cannot write ${key}: the disk is full (ENOSPC)`);
    }
  };
  return {
    store: {
      read: (keys) => inner.read(keys),
      write: async (changes) => {
        for (const key of Object.keys(changes)) guard(key);
        return inner.write(changes);
      },
      create: async (key, item) => {
        guard(key);
        return inner.create(key, item);
      },
      delete: (keys) => inner.delete(keys),
      list: (prefix) => inner.list(prefix),
    },
    get writes() {
      return writes;
    },
    get failed() {
      return failed;
    },
    fillAfter(count) {
      fullFrom = writes + count;
    },
    free() {
      fullFrom = Number.POSITIVE_INFINITY;
    },
  };
}
