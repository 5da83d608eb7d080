/**
 * Azure Blob Storage for several instances: botbuilder-azure-blobs' BlobsStorage for read / write / delete
 * (eTags become If-Match conditions), plus create-if-absent as an If-None-Match upload to the same blob name.
 */

import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';

import type { KeyValueStore, StoredItem, StoredKey } from './key-value-store.js';
import { StorageError } from './file-store.js';

/**
 * The blob name BlobsStorage uses for `key` (its sanitizeBlobKey is not exported): empty path parts dropped,
 * URI-encoded.
 */
function blobNameOf(key: string): string {
  const joined = key
    .split('/')
    .reduce((name, part, index) => (part ? [name, part].join(index < 255 ? '/' : '') : name));
  return encodeURIComponent(joined).slice(0, 1024);
}

/** Limits for every call to the storage account. */
export interface BlobBounds {
  /** Longest wait for one try (also sent as the service's own timeout). */
  readonly attemptTimeoutMs: number;
  /** Longest time one operation may take with its retries; after it the operation fails with a StorageError. */
  readonly budgetMs: number;
}

/** Opens the container (creating it if needed); fails with a clear message when the account can't be reached. */
export async function openBlobStore(
  connectionString: string,
  container: string,
  bounds: BlobBounds = { attemptTimeoutMs: 5000, budgetMs: 12000 },
): Promise<KeyValueStore & { readonly container: string }> {
  // The SDK's tries are few and short; the budget below is what guarantees an end (its try timeout is server-side
  // only).
  const pipeline = {
    retryOptions: {
      maxTries: 3,
      tryTimeoutInMs: bounds.attemptTimeoutMs,
      retryDelayInMs: 200,
      maxRetryDelayInMs: 1000,
    },
  };
  const blobs = new BlobsStorage(connectionString, container, { storagePipelineOptions: pipeline });
  const client = new ContainerClient(connectionString, container, pipeline);
  const bounded = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new StorageError(`Azure Blob Storage did not answer ${what} within ${bounds.budgetMs} ms`)),
        bounds.budgetMs,
      );
    });
    try {
      return await Promise.race([work(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    await bounded('opening the container', () => client.createIfNotExists());
  } catch (error) {
    throw new StorageError(
      `Azure Blob container ${container} cannot be used (${(error as { code?: string }).code ?? (error as Error).message})`,
    );
  }
  return {
    container,
    read: (keys) => bounded('a read', () => blobs.read(keys) as Promise<Record<string, StoredItem | undefined>>),
    write: (changes) => bounded('a write', () => blobs.write(changes)),
    delete: (keys) => bounded('a delete', () => blobs.delete(keys)),
    create: (key, item) => bounded('a create', () => createBlob(key, item)),
    list: (prefix) => bounded('a listing', () => listBlobs(prefix)),
  };

  async function createBlob(key: string, item: StoredItem): Promise<boolean> {
    const { eTag: _ignored, ...content } = item;
    const body = JSON.stringify(content);
    try {
      await client
        .getBlockBlobClient(blobNameOf(key))
        .upload(body, Buffer.byteLength(body), { conditions: { ifNoneMatch: '*' } });
      return true;
    } catch (error) {
      // 409 BlobAlreadyExists (or 412 on some emulators): someone created it first.
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 409 || status === 412) return false;
      throw error;
    }
  }

  async function listBlobs(prefix: string): Promise<StoredKey[]> {
    const found: StoredKey[] = [];
    // Blob names are the URI-encoded keys (see blobNameOf), so the encoded prefix selects the same keys.
    for await (const blob of client.listBlobsFlat({ prefix: encodeURIComponent(prefix) })) {
      found.push({ key: decodeURIComponent(blob.name), modifiedAt: blob.properties.lastModified });
    }
    return found;
  }
}
