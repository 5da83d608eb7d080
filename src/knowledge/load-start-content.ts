/**
 * The start cache: what start-up would otherwise compute from the knowledge files every time (their parsed YAML and
 * the index's tokenized documents), written next to the compiled code by `npm run build` and used only while it
 * still fits. It is keyed by a digest of the knowledge texts, the validation policy, the index options and the
 * compiled code that parses, validates and tokenizes; anything else (an edited entry, a rebuilt tokenizer, running
 * from the TypeScript sources) misses and start-up reads everything itself, as without a cache.
 */

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

import {
  buildMatchIndex,
  DEFAULT_INDEX_OPTIONS,
  indexDocuments,
  type DocumentTerms,
  type MatchIndex,
} from '../matching/match-index.js';
import type { KnowledgeBase } from './knowledge-entry.js';
import {
  KnowledgeError,
  knowledgeFromTexts,
  parseKnowledgeFiles,
  readKnowledgeTexts,
  type KnowledgeText,
} from './load-knowledge.js';
import type { KnowledgeFile, ValidationPolicy } from './validate-knowledge.js';

/** Changes whenever the cache's layout does. */
const CACHE_VERSION = 1;

/** The compiled modules whose behaviour the cached data depends on, next to this one. */
const CACHED_CODE: readonly URL[] = [
  './load-knowledge.js',
  './validate-knowledge.js',
  '../matching/match-index.js',
  '../matching/tokenize.js',
  '../matching/concepts.js',
  '../matching/normalize-text.js',
].map((module) => new URL(module, import.meta.url));

interface StartCacheFile {
  readonly version: number;
  readonly digest: string;
  readonly files: readonly KnowledgeFile[];
  readonly documents: DocumentTerms;
}

/** What start-up needs from the knowledge, and whether the cache supplied it. */
export interface StartContent {
  readonly knowledge: KnowledgeBase;
  readonly index: MatchIndex;
  readonly cache: 'hit' | 'miss' | 'off';
}

/**
 * Digest of everything the cached data is derived from; undefined when the code can't be read (tsx: no compiled
 * modules).
 */
function digestOf(texts: readonly KnowledgeText[], policy: ValidationPolicy, code: readonly URL[]): string | undefined {
  const hash = createHash('sha256').update(
    JSON.stringify({ version: CACHE_VERSION, policy, options: DEFAULT_INDEX_OPTIONS }),
  );
  try {
    for (const module of code) hash.update(readFileSync(module));
  } catch {
    return undefined;
  }
  for (const { file, text } of texts) hash.update(`\0${file}\0${text}`);
  return hash.digest('hex');
}

/** Reads the cache at `path` when it was made for this digest. */
function readCache(path: string, digest: string): StartCacheFile | undefined {
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as StartCacheFile;
    return cache.version === CACHE_VERSION &&
      cache.digest === digest &&
      Array.isArray(cache.files) &&
      Array.isArray(cache.documents)
      ? cache
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads and validates the knowledge in `dir` and builds its index, from the cache at `cachePath` when it fits.
 * The knowledge is always validated; only parsing and tokenizing are skipped. Throws `KnowledgeError` like
 * loadKnowledge.
 * `code`: the modules the digest covers (tests pass the TypeScript sources).
 */
export function loadStartContent(
  dir: string,
  policy: ValidationPolicy,
  cachePath: string | undefined,
  code: readonly URL[] = CACHED_CODE,
): StartContent {
  const texts = readKnowledgeTexts(dir);
  const digest = cachePath === undefined ? undefined : digestOf(texts, policy, code);
  const cache = digest === undefined || cachePath === undefined ? undefined : readCache(cachePath, digest);
  const knowledge = knowledgeFromTexts(texts, policy, cache?.files);
  return {
    knowledge,
    index: buildMatchIndex(knowledge, DEFAULT_INDEX_OPTIONS, cache?.documents),
    cache: cachePath === undefined ? 'off' : cache ? 'hit' : 'miss',
  };
}

/**
 * Writes the cache for the knowledge in `dir` to `cachePath`; throws `KnowledgeError` when the knowledge is invalid.
 */
export function writeStartCache(
  dir: string,
  policy: ValidationPolicy,
  cachePath: string,
  code: readonly URL[] = CACHED_CODE,
): void {
  const texts = readKnowledgeTexts(dir);
  const digest = digestOf(texts, policy, code);
  if (digest === undefined)
    throw new Error('start cache: the compiled code is not next to this module (run it from dist/)');
  const { files, problems } = parseKnowledgeFiles(texts);
  if (problems.length > 0) throw new KnowledgeError(problems);
  const knowledge = knowledgeFromTexts(texts, policy, files);
  const cache: StartCacheFile = { version: CACHE_VERSION, digest, files, documents: indexDocuments(knowledge) };
  writeFileSync(cachePath, JSON.stringify(cache));
}
