/** Builds the search index over the knowledge once at start-up: weighted terms per entry, postings, idf, typo lookup. */

import Fuse from 'fuse.js';

import type { KnowledgeBase, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { createSignalExtractor, type Signals } from './extract-signals.js';
import { normalizeForMatching } from './normalize-text.js';
import { tokenize } from './tokenize.js';

/** How much each field of an entry counts (both languages are indexed: users mix them). */
export const FIELD_WEIGHTS = Object.freeze({ title: 2.5, keywords: 2, questions: 1, answer: 0.3 });

/** Defender setting names that are facts (design.md) even where no entry owns them; owned ones come from knowledge. */
const FACT_PROPERTIES = [
  'MAPSReporting', 'SubmitSamplesConsent', 'CloudBlockLevel', 'CloudExtendedTimeout', 'DisableBlockAtFirstSeen',
  'DisableRealtimeMonitoring', 'IsTamperProtected', 'TamperProtectionSource', 'AMRunningMode', 'RealTimeProtectionEnabled',
  'AntivirusEnabled', 'TroubleShootingMode', 'AMProductVersion', 'AntivirusSignatureAge', 'TPExclusions', 'SSLOptions',
  'ForceDefenderPassiveMode', 'DisableTamperProtection',
];

export interface IndexedEntry {
  readonly id: string;
  readonly entry: KnowledgeEntry;
  /** Sum of term weights (document length for BM25). */
  readonly length: number;
}

export interface MatchIndex {
  readonly entries: readonly IndexedEntry[];
  /** term → list of [entry index, weighted term frequency]. */
  readonly postings: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  readonly idf: ReadonlyMap<string, number>;
  /** idf given to a term no entry has (as rare as it gets). */
  readonly unknownIdf: number;
  readonly averageLength: number;
  /** Background (all entries) weighted frequency of each term, and its total. */
  readonly background: ReadonlyMap<string, number>;
  readonly backgroundLength: number;
  /** Fuse indexes of Latin vocabulary terms, bucketed by first letter, for typo correction. */
  readonly vocabulary: ReadonlyMap<string, Fuse<string>>;
  readonly owners: {
    readonly errorCodes: ReadonlyMap<string, string>;
    readonly eventIds: ReadonlyMap<number, string>;
    readonly properties: ReadonlyMap<string, string>;
  };
  readonly extractSignals: (text: string) => Signals;
}

const MIN_TYPO_LENGTH = 4;

/** Adds the terms of `text` (times `weight`) to `terms`. */
function addText(terms: Map<string, number>, text: string, weight: number): void {
  for (const { term, weight: termWeight } of tokenize(normalizeForMatching(text))) {
    terms.set(term, (terms.get(term) ?? 0) + weight * termWeight);
  }
}

/** Returns the weighted terms of one entry over both languages. */
function entryTerms(entry: KnowledgeEntry): Map<string, number> {
  const terms = new Map<string, number>();
  for (const language of ['ja', 'en'] as const) {
    const local = entry[language];
    addText(terms, local.title, FIELD_WEIGHTS.title);
    for (const keyword of local.keywords) addText(terms, keyword, FIELD_WEIGHTS.keywords);
    for (const question of local.questions) addText(terms, question, FIELD_WEIGHTS.questions);
    addText(terms, local.answer, FIELD_WEIGHTS.answer);
  }
  for (const property of entry.properties) addText(terms, property, FIELD_WEIGHTS.keywords);
  for (const code of entry.errorCodes) addText(terms, code, FIELD_WEIGHTS.keywords);
  return terms;
}

/** Builds the index; call once at start-up. */
export function buildMatchIndex(knowledge: KnowledgeBase): MatchIndex {
  const postings = new Map<string, Array<readonly [number, number]>>();
  const entries: IndexedEntry[] = knowledge.entries.map((entry, index) => {
    const terms = entryTerms(entry);
    let length = 0;
    for (const [term, frequency] of terms) {
      length += frequency;
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push([index, frequency]);
    }
    return { id: entry.id, entry, length };
  });

  const count = entries.length;
  const idf = new Map<string, number>();
  for (const [term, list] of postings) idf.set(term, Math.log(1 + (count - list.length + 0.5) / (list.length + 0.5)));
  const unknownIdf = Math.log(1 + (count + 0.5) / 0.5);

  const buckets = new Map<string, string[]>();
  for (const term of postings.keys()) {
    if (term.length < MIN_TYPO_LENGTH || !/^[a-z][a-z0-9-]*$/u.test(term)) continue;
    const key = term[0] ?? '';
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = []));
    bucket.push(term);
  }
  const vocabulary = new Map<string, Fuse<string>>();
  for (const [key, terms] of buckets) {
    vocabulary.set(key, new Fuse(terms, { includeScore: true, threshold: 0.34, ignoreLocation: true, minMatchCharLength: 3, isCaseSensitive: true }));
  }

  const errorCodes = new Map<string, string>();
  const eventIds = new Map<number, string>();
  const properties = new Map<string, string>();
  for (const entry of knowledge.entries) {
    for (const code of entry.errorCodes) errorCodes.set(code, entry.id);
    for (const id of entry.eventIds) eventIds.set(id, entry.id);
    for (const property of entry.properties) properties.set(property, entry.id);
  }

  const background = new Map<string, number>();
  let backgroundLength = 0;
  for (const [term, list] of postings) {
    const frequency = list.reduce((sum, [, value]) => sum + value, 0);
    background.set(term, frequency);
    backgroundLength += frequency;
  }

  return {
    entries,
    postings,
    idf,
    background,
    backgroundLength,
    unknownIdf,
    averageLength: entries.reduce((total, entry) => total + entry.length, 0) / Math.max(1, count),
    vocabulary,
    owners: { errorCodes, eventIds, properties },
    extractSignals: createSignalExtractor([...new Set([...FACT_PROPERTIES, ...properties.keys()])], [...eventIds.keys()]),
  };
}
