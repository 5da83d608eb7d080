/**
 * Durable file store: one JSON file per key in DATA_DIR. Writes go to a temporary file that is fsynced and
 * renamed over the old one (then the directory is fsynced), so a kill at any moment leaves either the old or
 * the new content, never half of one. eTags are checked under a per-key lock: this store is for ONE process.
 */

import { createHash, randomUUID } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import { join } from 'node:path';

import type { KeyValueStore, StoredItem, StoredKey } from './key-value-store.js';

/** Thrown when the data folder cannot be used; names the folder and the reason. */
export class StorageError extends Error {
  constructor(message: string) {
    super(`storage: ${message}`);
    this.name = 'StorageError';
  }
}

const TEMPORARY_PREFIX = '.tmp-';

// Longest file name we produce; longer keys are cut and end in a marker and their full hash.
const MAX_NAME = 180;
// Never produced by escaping ('~' is always followed by a hex digit), so a hashed name can't equal an escaped one.
const HASH_MARKER = '~~';
// The item's key, kept in the file so that `list` can name keys whose file name is hashed.
const KEY_FIELD = '~key';

/**
 * Returns the file name for `key`. Lower-case letters, digits, '_' and '-' stay; an upper-case letter becomes '^'
 * and the letter (no two names differ only by case, so a case-insensitive disk keeps them apart); anything else
 * becomes '~<hex>.'; so no key leaves the folder and different keys never share a name.
 */
export function fileNameOf(key: string): string {
  const escaped = [...key]
    .map((char) =>
      /[a-z0-9_-]/u.test(char)
        ? char
        : /[A-Z]/u.test(char)
          ? `^${char.toLowerCase()}`
          : `~${char.codePointAt(0)?.toString(16)}.`,
    )
    .join('');
  if (escaped.length <= MAX_NAME) return `${escaped}.json`;
  const hash = createHash('sha256').update(key).digest('hex');
  return `${escaped.slice(0, MAX_NAME - HASH_MARKER.length - hash.length)}${HASH_MARKER}${hash}.json`;
}

/** Returns the key a file name stands for, or undefined for a hashed name (its key is read from the file). */
function keyOfFileName(name: string): string | undefined {
  if (!name.endsWith('.json') || name.includes(HASH_MARKER)) return undefined;
  return name
    .slice(0, -'.json'.length)
    .replace(/\^([a-z])|~([0-9a-f]+)\./gu, (_all, upper: string | undefined, hex: string | undefined) =>
      upper ? upper.toUpperCase() : String.fromCodePoint(Number.parseInt(hex ?? '0', 16)),
    );
}

// Names written before keys were made case-safe: upper-case letters as they are, or a 32-digit hash after '_'.
const OLD_NAME = /[A-Z]/u;
const OLD_HASHED_NAME = /_[0-9a-f]{32}\.json$/u;

/** Opens (creating if needed) a file store in `dir`; fails with a clear message when the folder is not writable. */
export async function openFileStore(dir: string): Promise<KeyValueStore & { readonly dir: string }> {
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.access(dir, fsConstants.W_OK | fsConstants.R_OK);
    const probe = join(dir, `.probe-${randomUUID()}`);
    await fs.writeFile(probe, 'ok');
    await fs.unlink(probe);
  } catch (error) {
    throw new StorageError(
      `DATA_DIR ${dir} is not a writable folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }

  // A process killed mid-write leaves a temporary file behind; the data files themselves are always whole.
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith(TEMPORARY_PREFIX)) await fs.rm(join(dir, name), { force: true });
    // Files named before names were made case-safe move to their new name (same key, same content).
    else if (OLD_NAME.test(name) && !OLD_HASHED_NAME.test(name)) {
      const key = keyOfFileName(name);
      if (key !== undefined && fileNameOf(key) !== name) await fs.rename(join(dir, name), join(dir, fileNameOf(key)));
    }
  }

  // Operations on one key run one after another, so an eTag check and the write that follows cannot interleave.
  const locks = new Map<string, Promise<unknown>>();
  const withLock = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = locks.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => undefined);
    locks.set(key, settled);
    try {
      return await next;
    } finally {
      if (locks.get(key) === settled) locks.delete(key);
    }
  };

  const path = (key: string): string => join(dir, fileNameOf(key));

  const readName = async (name: string): Promise<StoredItem | undefined> => {
    try {
      return JSON.parse(await fs.readFile(join(dir, name), 'utf8')) as StoredItem;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new StorageError(`cannot read ${name} (${(error as Error).message})`);
    }
  };
  const readFile = async (key: string): Promise<StoredItem | undefined> => {
    const stored = await readName(fileNameOf(key));
    if (!stored) return undefined;
    const { [KEY_FIELD]: _key, ...item } = stored;
    return item;
  };

  const writeFile = async (key: string, item: StoredItem): Promise<void> => {
    const target = path(key);
    const temporary = join(dir, `${TEMPORARY_PREFIX}${randomUUID()}`);
    try {
      const handle = await fs.open(temporary, 'w');
      try {
        await handle.writeFile(JSON.stringify({ ...item, eTag: randomUUID(), [KEY_FIELD]: key }));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, target);
      // The rename itself is made durable by syncing the folder.
      const folder = await fs.open(dir, 'r');
      try {
        await folder.sync();
      } finally {
        await folder.close();
      }
    } catch (error) {
      await fs.rm(temporary, { force: true });
      // A full or read-only disk fails the write (the caller's turn apologises); the old content stays intact.
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      const reason =
        code === 'ENOSPC'
          ? 'the disk is full'
          : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
            ? 'the folder is not writable'
            : code;
      throw new StorageError(`cannot write ${fileNameOf(key)} in ${dir}: ${reason} (${code})`);
    }
  };

  return {
    dir,
    async read(keys) {
      const result: Record<string, StoredItem | undefined> = {};
      for (const key of keys) {
        const item = await readFile(key);
        if (item) result[key] = item;
      }
      return result;
    },
    async write(changes) {
      for (const [key, item] of Object.entries(changes)) {
        await withLock(key, async () => {
          if (item.eTag !== undefined && item.eTag !== '*') {
            const current = await readFile(key);
            if (current && current.eTag !== item.eTag) throw new StorageError(`eTag conflict writing "${key}"`);
          }
          await writeFile(key, item);
        });
      }
    },
    async delete(keys) {
      for (const key of keys) {
        await withLock(key, async () => {
          await fs.rm(path(key), { force: true });
        });
      }
    },
    create: (key, item) =>
      withLock(key, async () => {
        if (await readFile(key)) return false;
        await writeFile(key, item);
        return true;
      }),
    async list(prefix) {
      const found: StoredKey[] = [];
      for (const name of await fs.readdir(dir)) {
        if (!name.endsWith('.json') || name.startsWith(TEMPORARY_PREFIX)) continue;
        let key = keyOfFileName(name);
        // A hashed name keeps the start of its key: only files that may match are opened.
        if (key === undefined) {
          const start =
            keyOfFileName(`${name.slice(0, name.indexOf(HASH_MARKER)).replace(/[~^][0-9a-f]*$/u, '')}.json`) ?? '';
          if (!prefix.startsWith(start) && !start.startsWith(prefix)) continue;
          const stored = await readName(name).catch(() => undefined);
          key = typeof stored?.[KEY_FIELD] === 'string' ? stored[KEY_FIELD] : undefined;
        }
        if (key === undefined || !key.startsWith(prefix)) continue;
        const stat = await fs.stat(join(dir, name)).catch(() => undefined);
        if (stat) found.push({ key, modifiedAt: stat.mtime });
      }
      return found;
    },
  };
}
