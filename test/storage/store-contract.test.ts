import { mkdtempSync, readdirSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openBlobStore } from '../../src/storage/blob-store.js';
import { startAzurite, type Azurite } from '../support/azurite.js';

import { fileNameOf, openFileStore, StorageError } from '../../src/storage/file-store.js';
import { isConflict, type KeyValueStore } from '../../src/storage/key-value-store.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';

let azurite: Azurite | undefined;
let containers = 0;

beforeAll(async () => {
  azurite = await startAzurite();
}, 60_000);
afterAll(async () => {
  await azurite?.stop();
});

// One contract, every adapter; blob runs against Azurite started above.
const ADAPTERS: Array<[string, () => Promise<KeyValueStore>]> = [
  ['memory', async () => createMemoryStore()],
  ['file', async () => openFileStore(mkdtempSync(join(tmpdir(), 'store-')))],
  ['blob', async () => openBlobStore(azurite?.connectionString ?? '', `contract-${(containers += 1)}`)],
];

describe.each(ADAPTERS)('%s store contract', (_name, open) => {
  it('reads missing keys as absent', async () => {
    const store = await open();
    expect(await store.read(['nope', 'also-nope'])).toEqual({});
  });

  it('round-trips items with a fresh eTag on every write', async () => {
    const store = await open();
    await store.write({ a: { value: 1, nested: { list: [1, 2] } } });
    const first = (await store.read(['a']))['a'];
    expect(first).toMatchObject({ value: 1, nested: { list: [1, 2] } });
    expect(typeof first?.eTag).toBe('string');
    await store.write({ a: { value: 2, eTag: first?.eTag } });
    const second = (await store.read(['a']))['a'];
    expect(second?.['value']).toBe(2);
    expect(second?.eTag).not.toBe(first?.eTag);
  });

  it('rejects a write with a stale eTag and keeps the newer item', async () => {
    const store = await open();
    await store.write({ a: { value: 1 } });
    const stale = (await store.read(['a']))['a']?.eTag;
    await store.write({ a: { value: 2, eTag: stale } });
    const failure = await store.write({ a: { value: 3, eTag: stale } }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isConflict(failure)).toBe(true);
    expect((await store.read(['a']))['a']?.['value']).toBe(2);
  });

  it('overwrites with eTag "*"', async () => {
    const store = await open();
    await store.write({ a: { value: 1 } });
    await store.write({ a: { value: 9, eTag: '*' } });
    expect((await store.read(['a']))['a']?.['value']).toBe(9);
  });

  it('deletes, and deleting a missing key is fine', async () => {
    const store = await open();
    await store.write({ a: { value: 1 } });
    await store.delete(['a', 'missing']);
    expect(await store.read(['a'])).toEqual({});
  });

  it('creates only when absent, once among racing creators', async () => {
    const store = await open();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => store.create('only-once', { writer: index })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await store.create('only-once', { writer: 99 })).toBe(false);
  });

  it('keeps keys with unusual characters apart and Japanese text intact', async () => {
    const store = await open();
    const keys = [
      'msteams/conversations/a:1Xy_-/',
      '../../etc/passwd',
      'tickets/MDAV-20261129-0001',
      'キー/日本語',
      'a.b',
      'a~2e.b',
      'x'.repeat(400),
    ];
    for (const [index, key] of keys.entries())
      await store.write({ [key]: { index, text: '改ざん防止がオンにならない 🛡️' } });
    const read = await store.read(keys);
    keys.forEach((key, index) =>
      expect(read[key], key).toMatchObject({ index, text: '改ざん防止がオンにならない 🛡️' }),
    );
  });

  it('lists the keys under a prefix with when they were written, long and unusual keys included', async () => {
    const store = await open();
    const before = Date.now() - 5000;
    const keys = [
      'drafts/a:1Xy/1',
      'drafts/キー',
      `drafts/${'L'.repeat(400)}`,
      'Drafts/upper',
      'draftsX',
      'other/drafts/1',
    ];
    for (const key of keys) await store.write({ [key]: { key } });
    const listed = await store.list('drafts/');
    expect(listed.map((found) => found.key).sort()).toEqual(
      ['drafts/a:1Xy/1', 'drafts/キー', `drafts/${'L'.repeat(400)}`].sort(),
    );
    for (const found of listed) expect(found.modifiedAt.getTime()).toBeGreaterThan(before);
    await store.delete(['drafts/キー']);
    expect((await store.list('drafts/')).map((found) => found.key)).not.toContain('drafts/キー');
  });

  it('keeps keys that differ only by case, or by a crafted hash-like tail, apart', async () => {
    const store = await open();
    const long = `k/${'x'.repeat(300)}`;
    const keys = [
      'Ticket',
      'ticket',
      'TICKET',
      long,
      `${'x'.repeat(140)}_${'0'.repeat(32)}`,
      `${long.slice(0, 100)}~~`,
    ];
    for (const [index, key] of keys.entries()) await store.write({ [key]: { index } });
    const read = await store.read(keys);
    keys.forEach((key, index) => expect(read[key]?.['index'], key).toBe(index));
  });

  it('lets concurrent writers with eTags lose nothing: every increment lands once', async () => {
    const store = await open();
    await store.write({ counter: { value: 0 } });
    const increment = async (): Promise<void> => {
      for (;;) {
        const current = (await store.read(['counter']))['counter'];
        try {
          await store.write({ counter: { value: Number(current?.['value']) + 1, eTag: current?.eTag } });
          return;
        } catch (error) {
          if (!isConflict(error)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, increment));
    expect((await store.read(['counter']))['counter']?.['value']).toBe(20);
  });
});

describe('file store', () => {
  it('never builds a path outside its folder', () => {
    for (const key of ['../x', '/etc/passwd', 'a/../../b', '..', 'C:\\Windows']) {
      const name = fileNameOf(key);
      expect(name, key).not.toMatch(/[\\/]/u);
      expect(name.startsWith('..'), key).toBe(false);
    }
    expect(fileNameOf('x'.repeat(1000)).length).toBeLessThan(255);
  });

  it('names files so that no two keys share one, on case-sensitive and case-insensitive disks', () => {
    const long = 'a'.repeat(400);
    // A short key can't be crafted to equal the name of a long (hashed) key: hashed names hold '~~', escapes never do.
    const hashed = fileNameOf(long);
    expect(hashed).toContain('~~');
    const crafted = hashed.slice(0, -'.json'.length);
    expect(fileNameOf(crafted)).not.toBe(hashed);
    const names = ['Ticket', 'ticket', 'TICKET', 'tIcket', long, `${long}b`].map(fileNameOf);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it('moves files named before names were case-safe to their new name on open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    writeFileSync(join(dir, 'msteams~2f.conversations~2f.a~3a.1Xy.json'), JSON.stringify({ value: 7, eTag: 'old' }));
    const store = await openFileStore(dir);
    expect((await store.read(['msteams/conversations/a:1Xy']))['msteams/conversations/a:1Xy']?.['value']).toBe(7);
    expect(readdirSync(dir)).toEqual([fileNameOf('msteams/conversations/a:1Xy')]);
  });

  it('leaves no temporary files behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const store = await openFileStore(dir);
    await Promise.all(Array.from({ length: 10 }, (_, index) => store.write({ [`k${index}`]: { index } })));
    expect(readdirSync(dir).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });

  it('says plainly when the folder cannot be used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    await expect(openFileStore(join(file, 'data'))).rejects.toThrow(StorageError);
    await expect(openFileStore(join(file, 'data'))).rejects.toThrow(/DATA_DIR .* is not a writable folder/u);
    if (process.getuid?.() !== 0) {
      const locked = mkdtempSync(join(tmpdir(), 'store-'));
      chmodSync(locked, 0o500);
      await expect(openFileStore(locked)).rejects.toThrow(StorageError);
    }
  });
});
