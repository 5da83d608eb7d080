/**
 * Builds the search index over the knowledge once at start-up: weighted terms per entry, postings, background model,
 * typo lookup.
 */

import Fuse from 'fuse.js';

import type { Clarification, KnowledgeBase, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { createSignalExtractor, type Signals } from './extract-signals.js';
import { normalizeForMatching } from './normalize-text.js';
import { DEFAULT_BIGRAM_WEIGHT, DEFAULT_CONCEPT_WEIGHT, tokenize, type Term } from './tokenize.js';

/** How the index is built: how much each field of an entry counts (both languages are indexed: users mix them). */
export interface IndexOptions {
  readonly title: number;
  readonly keywords: number;
  readonly questions: number;
  readonly answer: number;
  /** Weight of a Japanese character bigram relative to a word. */
  readonly bigramWeight: number;
  /** Weight of a concept term relative to a word. */
  readonly conceptWeight: number;
}

export const DEFAULT_INDEX_OPTIONS: IndexOptions = Object.freeze({
  title: 2.5,
  keywords: 2,
  questions: 1,
  answer: 0,
  bigramWeight: DEFAULT_BIGRAM_WEIGHT,
  conceptWeight: DEFAULT_CONCEPT_WEIGHT,
});

/**
 * Defender setting names that are facts (../shared/docs/design.md) even where no entry owns them; owned ones come from
 * knowledge.
 */
const FACT_PROPERTIES = [
  'MAPSReporting',
  'SubmitSamplesConsent',
  'CloudBlockLevel',
  'CloudExtendedTimeout',
  'DisableBlockAtFirstSeen',
  'DisableRealtimeMonitoring',
  'IsTamperProtected',
  'TamperProtectionSource',
  'AMRunningMode',
  'RealTimeProtectionEnabled',
  'AntivirusEnabled',
  'TroubleShootingMode',
  'AMProductVersion',
  'AntivirusSignatureAge',
  'TPExclusions',
  'SSLOptions',
  'ForceDefenderPassiveMode',
  'DisableTamperProtection',
];

export interface IndexedEntry {
  readonly id: string;
  /** Undefined for the out-of-scope pseudo-entry. */
  readonly entry: KnowledgeEntry | undefined;
  /** Sum of term weights (the document length in the query-likelihood score). */
  readonly length: number;
}

export interface MatchIndex {
  /** Knowledge entries, then one pseudo-entry per out-of-scope topic (from `firstOutOfScope` on). */
  readonly entries: readonly IndexedEntry[];
  /** Position of the first out-of-scope pseudo-entry; equals the number of knowledge entries. */
  readonly firstOutOfScope: number;
  /** term → list of [entry index, weighted term frequency]. */
  readonly postings: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  /** Background (all entries) weighted frequency of each term, and its total. */
  readonly background: ReadonlyMap<string, number>;
  readonly backgroundLength: number;
  /**
   * Fuse indexes of Latin vocabulary terms, bucketed by first letter and length (see vocabularyKey), for typo
   * correction.
   */
  readonly vocabulary: ReadonlyMap<string, Fuse<string>>;
  readonly owners: {
    readonly errorCodes: ReadonlyMap<string, string>;
    readonly eventIds: ReadonlyMap<number, string>;
    /** Property → position in `entries` of the entry that owns it (scores are indexed by position). */
    readonly properties: ReadonlyMap<string, number>;
  };
  readonly extractSignals: (text: string) => Signals;
  readonly options: IndexOptions;
  /**
   * Clarifying questions: the entry asking, its question, and every entry the question decides between (host included).
   */
  readonly clarifications: ReadonlyArray<{
    readonly host: KnowledgeEntry;
    readonly clarification: Clarification;
    readonly group: ReadonlySet<string>;
  }>;
  /** Entries by id, and their positions in `entries` (knowledge entries only). */
  readonly byId: ReadonlyMap<string, KnowledgeEntry>;
  readonly positions: ReadonlyMap<string, number>;
}

const MIN_TYPO_LENGTH = 4;

/** Id prefix of out-of-scope pseudo-entries; never shown to users. */
const OUT_OF_SCOPE_PREFIX = '(out-of-scope) ';

/**
 * Bucket key of a vocabulary term: first letter and length. Typos rarely change the first letter, and a correction
 * differs by at most two characters in length, so a lookup searches five small buckets instead of the whole vocabulary.
 */
export function vocabularyKey(term: string, length: number): string {
  return `${term[0] ?? ''}${length}`;
}

/**
 * Adds the terms of `text` (times `weight`) to `terms`; `seen` keeps the terms of texts tokenized before (keywords
 * repeat).
 */
function addText(
  terms: Map<string, number>,
  text: string,
  weight: number,
  options: IndexOptions,
  seen: Map<string, Term[]>,
): void {
  const normalized = normalizeForMatching(text);
  let tokens = seen.get(normalized);
  if (!tokens) seen.set(normalized, (tokens = tokenize(normalized, options.bigramWeight, options.conceptWeight)));
  for (const { term, weight: termWeight } of tokens) terms.set(term, (terms.get(term) ?? 0) + weight * termWeight);
}

/** Returns the weighted terms of one entry over both languages. */
function entryTerms(entry: KnowledgeEntry, options: IndexOptions, seen: Map<string, Term[]>): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (text: string, weight: number): void => addText(terms, text, weight, options, seen);
  for (const language of ['ja', 'en'] as const) {
    const local = entry[language];
    add(local.title, options.title);
    for (const keyword of local.keywords) add(keyword, options.keywords);
    for (const question of local.questions) add(question, options.questions);
    if (options.answer > 0) add(local.answer, options.answer);
  }
  for (const command of entry.commands) add(command.text, options.keywords);
  for (const property of entry.properties) add(property, options.keywords);
  for (const code of entry.errorCodes) add(code, options.keywords);
  return terms;
}

/** The weighted terms of every indexed document: the knowledge entries in order, then one per out-of-scope topic. */
export type DocumentTerms = ReadonlyArray<ReadonlyArray<readonly [string, number]>>;

/** Tokenizes every document of `knowledge` (the expensive part of building the index; the start cache keeps it). */
export function indexDocuments(knowledge: KnowledgeBase, options: IndexOptions = DEFAULT_INDEX_OPTIONS): DocumentTerms {
  const seen = new Map<string, Term[]>();
  const topics = knowledge.outOfScope.map((topic) => {
    const terms = new Map<string, number>();
    for (const phrase of [...topic.phrases.ja, ...topic.phrases.en])
      addText(terms, phrase, options.questions, options, seen);
    return terms;
  });
  return [...knowledge.entries.map((entry) => entryTerms(entry, options, seen)), ...topics].map((terms) => [...terms]);
}

/**
 * Builds the index; call once at start-up. `documents` are the terms indexDocuments returns for this knowledge and
 * these options (from the start cache); without them, or when they don't fit, the knowledge is tokenized here.
 */
export function buildMatchIndex(
  knowledge: KnowledgeBase,
  options: IndexOptions = DEFAULT_INDEX_OPTIONS,
  documents?: DocumentTerms,
): MatchIndex {
  const terms =
    documents?.length === knowledge.entries.length + knowledge.outOfScope.length
      ? documents
      : indexDocuments(knowledge, options);
  const postings = new Map<string, Array<readonly [number, number]>>();
  const addDocument = (index: number, document: ReadonlyArray<readonly [string, number]>): number => {
    let length = 0;
    for (const [term, frequency] of document) {
      length += frequency;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([index, frequency]);
    }
    return length;
  };
  const entries: IndexedEntry[] = knowledge.entries.map((entry, index) => ({
    id: entry.id,
    entry,
    length: addDocument(index, terms[index] ?? []),
  }));
  const firstOutOfScope = entries.length;
  // Each out-of-scope topic is one more document competing with the entries: winning one of them means "none".
  for (const topic of knowledge.outOfScope) {
    entries.push({
      id: `${OUT_OF_SCOPE_PREFIX}${topic.id}`,
      entry: undefined,
      length: addDocument(entries.length, terms[entries.length] ?? []),
    });
  }

  const buckets = new Map<string, string[]>();
  for (const term of postings.keys()) {
    if (term.length < MIN_TYPO_LENGTH || !/^[a-z][a-z0-9-]*$/u.test(term)) continue;
    const key = vocabularyKey(term, term.length);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(term);
  }
  const vocabulary = new Map<string, Fuse<string>>();
  for (const [key, terms] of buckets) {
    vocabulary.set(
      key,
      new Fuse(terms, {
        includeScore: true,
        threshold: 0.34,
        ignoreLocation: true,
        minMatchCharLength: 3,
        isCaseSensitive: true,
      }),
    );
  }

  const errorCodes = new Map<string, string>();
  const eventIds = new Map<number, string>();
  const properties = new Map<string, number>();
  knowledge.entries.forEach((entry, position) => {
    for (const code of entry.errorCodes) errorCodes.set(code, entry.id);
    for (const id of entry.eventIds) eventIds.set(id, entry.id);
    for (const property of entry.properties) properties.set(property, position);
  });

  const background = new Map<string, number>();
  let backgroundLength = 0;
  for (const [term, list] of postings) {
    const frequency = list.reduce((sum, [, value]) => sum + value, 0);
    background.set(term, frequency);
    backgroundLength += frequency;
  }

  return {
    entries,
    firstOutOfScope,
    postings,
    background,
    backgroundLength,
    vocabulary,
    owners: { errorCodes, eventIds, properties },
    options,
    clarifications: knowledge.entries.flatMap((host) =>
      host.clarify
        ? [
            {
              host,
              clarification: host.clarify,
              group: new Set([host.id, ...host.clarify.options.map((option) => option.entry)]),
            },
          ]
        : [],
    ),
    byId: knowledge.byId,
    positions: new Map(knowledge.entries.map((entry, position) => [entry.id, position])),
    extractSignals: createSignalExtractor(
      [...new Set([...FACT_PROPERTIES, ...properties.keys()])],
      [...eventIds.keys()],
      [...errorCodes.keys()],
    ),
  };
}
