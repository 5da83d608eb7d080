/** Opens the storage the bot is configured with (`.env` honoured), for the console commands. */

import { loadEnvWithFile } from '../config/env-file.js';
import { ConfigError, readConfig } from '../config/read-config.js';
import { openBlobStore } from '../storage/blob-store.js';
import { openFileStore, StorageError } from '../storage/file-store.js';
import type { KeyValueStore } from '../storage/key-value-store.js';
import { safeText } from './safe-output.js';

/** Returns the store and a description of where it is, or writes why not to stderr and returns undefined. */
export async function openCliStorage(command: string): Promise<{ store: KeyValueStore; where: string } | undefined> {
  let config;
  try {
    config = readConfig(loadEnvWithFile(process.env, '.env'));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(safeText(`${error.message}\n`));
    return undefined;
  }
  if (config.storage === 'memory') {
    process.stderr.write(
      `${command}: STORAGE=memory keeps data inside the running bot only; use STORAGE=file or blob\n`,
    );
    return undefined;
  }
  try {
    if (config.storage === 'blob')
      return {
        store: await openBlobStore(config.blobConnectionString, config.blobContainer),
        where: `blob container ${config.blobContainer}`,
      };
    return { store: await openFileStore(config.dataDir), where: config.dataDir };
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    process.stderr.write(safeText(`${error.message}\n`));
    return undefined;
  }
}
