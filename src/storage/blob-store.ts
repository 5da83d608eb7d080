/**
 * Azure Blob Storage for several instances: botbuilder-azure-blobs' BlobsStorage for read / write / delete
 * (eTags become If-Match conditions), plus create-if-absent as an If-None-Match upload to the same blob name.
 */

import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';

import type { KeyValueStore, StoredItem, StoredKey } from './key-value-store.js';
import { StorageError } from './file-store.js';

/** The blob name BlobsStorage uses for `key` (its sanitizeBlobKey is not exported): empty path parts dropped, URI-encoded. */
export function blobNameOf(key: string): string {
  const joined = key.split('/').reduce((name, part, index) => (part ? [name, part].join(index < 255 ? '/' : '') : name));
  return encodeURIComponent(joined).slice(0, 1024);
}

/** Opens the container (creating it if needed); fails with a clear message when the account can't be reached. */
export async function openBlobStore(connectionString: string, container: string): Promise<KeyValueStore & { readonly container: string }> {
  const blobs = new BlobsStorage(connectionString, container);
  const client = new ContainerClient(connectionString, container);
  try {
    await client.createIfNotExists();
  } catch (error) {
    throw new StorageError(`Azure Blob container ${container} cannot be used (${(error as { code?: string }).code ?? (error as Error).message})`);
  }
  return {
    container,
    read: (keys) => blobs.read(keys) as Promise<Record<string, StoredItem | undefined>>,
    write: (changes) => blobs.write(changes),
    delete: (keys) => blobs.delete(keys),
    async create(key, item) {
      const { eTag: _ignored, ...content } = item;
      const body = JSON.stringify(content);
      try {
        await client.getBlockBlobClient(blobNameOf(key)).upload(body, Buffer.byteLength(body), { conditions: { ifNoneMatch: '*' } });
        return true;
      } catch (error) {
        // 409 BlobAlreadyExists (or 412 on some emulators): someone created it first.
        const status = (error as { statusCode?: number }).statusCode;
        if (status === 409 || status === 412) return false;
        throw error;
      }
    },
    async list(prefix) {
      const found: StoredKey[] = [];
      // Blob names are the URI-encoded keys (see blobNameOf), so the encoded prefix selects the same keys.
      for await (const blob of client.listBlobsFlat({ prefix: encodeURIComponent(prefix) })) {
        found.push({ key: decodeURIComponent(blob.name), modifiedAt: blob.properties.lastModified });
      }
      return found;
    },
  };
}
