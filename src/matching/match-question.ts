/** Maps a question or pasted error text to knowledge entries: exact signals first, then token search with typo tolerance. */

import { detectLanguage, type Language } from '../i18n/language.js';
import { conversationalKind, type ConversationalKind } from './conversational.js';
import type { Signals } from './extract-signals.js';
import type { MatchIndex } from './match-index.js';
import { chooseMessageText, normalizeForMatching } from './normalize-text.js';
import { tokenize, type Term } from './tokenize.js';

export type MatchKind = 'answer' | 'choices' | 'none' | ConversationalKind;

export interface ScoredEntry {
  readonly id: string;
  /** Confidence in [0, 1]. */
  readonly score: number;
}

export interface MatchResult {
  readonly kind: MatchKind;
  readonly language: Language;
  /** answer: the answer first; choices: best first, at most 3; none: may be empty. */
  readonly entries: readonly ScoredEntry[];
  readonly signals: Signals;
  /** How the decision was reached (for logs and the ask console). */
  readonly reason: string;
  /** True when the text was longer than the searched part. */
  readonly truncated: boolean;
}

export interface MatchInput {
  readonly text: string;
  readonly html?: string | undefined;
  readonly locale?: string | undefined;
}

/** Thresholds of the decision; frozen defaults tuned on the development set (test/fixtures/questions). */
export interface MatchPolicy {
  /** Characters of normalized text searched; the rest is only scanned for signals. */
  readonly maxQueryChars: number;
  /** Terms searched after the cap. */
  readonly maxTerms: number;
  /** Fuzzy vocabulary lookups per message. */
  readonly maxTypoLookups: number;
  /** Dirichlet smoothing mass (in weighted term counts). */
  readonly smoothing: number;
  /** Softmax temperature turning log-likelihood ratios into probabilities. */
  readonly temperature: number;
  /** Log-likelihood ratio (per square root of known query weight) an entry must beat to outrank "none". */
  readonly noneMargin: number;
  /** Added to the score of the entry owning a property the message names. */
  readonly propertyBonus: number;
  /** Share of the query weight that must be known vocabulary; less means the question is about something else. */
  readonly minKnownShare: number;
  /** Posterior probability for a confident answer. */
  readonly answerProbability: number;
  /** Posterior probability for an entry to be offered as a choice. */
  readonly choiceProbability: number;
}

export const DEFAULT_MATCH_POLICY: MatchPolicy = Object.freeze({
  maxQueryChars: 600,
  maxTerms: 60,
  maxTypoLookups: 8,
  smoothing: 60,
  temperature: 1,
  noneMargin: 2,
  propertyBonus: 4,
  minKnownShare: 0.3,
  answerProbability: 0.6,
  choiceProbability: 0.12,
});

interface QueryTerm {
  readonly term: string;
  /** Term weight × idf: how much this term says. */
  readonly weight: number;
  /** Index terms it matches (itself, or a typo correction) with a match quality in (0, 1]. */
  readonly matches: ReadonlyArray<readonly [string, number]>;
}

/** Resolves each query term to index terms: exact, or the closest vocabulary term by fuse.js for likely typos. */
function resolveTerms(index: MatchIndex, terms: readonly Term[], policy: MatchPolicy): QueryTerm[] {
  const merged = new Map<string, number>();
  for (const { term, weight } of terms) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
  let lookups = 0;
  const resolved: QueryTerm[] = [];
  for (const [term, weight] of merged) {
    const idf = index.idf.get(term);
    if (idf !== undefined) {
      resolved.push({ term, weight: weight * idf, matches: [[term, 1]] });
      continue;
    }
    let matches: Array<readonly [string, number]> = [];
    if (lookups < policy.maxTypoLookups && term.length >= 4 && /^[a-z][a-z0-9-]*$/u.test(term)) {
      lookups += 1;
      const best = index.vocabulary.get(term[0] ?? '')?.search(term, { limit: 1 })[0];
      if (best && best.score !== undefined && Math.abs(best.item.length - term.length) <= 2) matches = [[best.item, 1 - best.score]];
    }
    const correctedIdf = matches[0] ? (index.idf.get(matches[0][0]) ?? index.unknownIdf) : index.unknownIdf;
    resolved.push({ term, weight: weight * correctedIdf, matches });
  }
  return resolved;
}

/**
 * Query-likelihood scoring with Dirichlet smoothing: for each entry, the log-likelihood ratio of the query under the
 * entry's term distribution against the background of all entries. Terms no entry has are left out (they say nothing
 * about which entry fits); terms other entries have and this one lacks count against it.
 */
function score(index: MatchIndex, query: readonly QueryTerm[], mu: number): Float64Array {
  const scores = new Float64Array(index.entries.length);
  let knownWeight = 0;
  for (const { weight, matches } of query) {
    for (const [term, quality] of matches) {
      const backgroundProbability = (index.background.get(term) ?? 0) / index.backgroundLength;
      if (backgroundProbability === 0) continue;
      const termWeight = weight * quality;
      knownWeight += termWeight;
      for (const [entryIndex, frequency] of index.postings.get(term) ?? []) {
        const length = index.entries[entryIndex]?.length ?? 0;
        const present = Math.log((frequency + mu * backgroundProbability) / ((length + mu) * backgroundProbability));
        const absent = Math.log(mu / (length + mu));
        scores[entryIndex] = (scores[entryIndex] ?? 0) + termWeight * (present - absent);
      }
    }
  }
  // Every entry first gets the "absent" penalty for all known terms; the loop above added back what it does have.
  for (let position = 0; position < scores.length; position += 1) {
    const length = index.entries[position]?.length ?? 0;
    scores[position] = (scores[position] ?? 0) + knownWeight * Math.log(mu / (length + mu));
  }
  return scores;
}

/** Entry ids owned by the exact signals in the message, strongest kind first (codes, then event ids). */
function ownedBySignals(index: MatchIndex, signals: Signals): string[] {
  const ids: string[] = [];
  for (const code of signals.errorCodes) {
    const owner = index.owners.errorCodes.get(code);
    if (owner) ids.push(owner);
  }
  for (const id of signals.eventIds) {
    const owner = index.owners.eventIds.get(id);
    if (owner) ids.push(owner);
  }
  return [...new Set(ids)];
}

/** Matches one message against the index. */
export function matchQuestion(index: MatchIndex, input: MatchInput, policy: MatchPolicy = DEFAULT_MATCH_POLICY): MatchResult {
  const raw = chooseMessageText(input.text, input.html);
  const language = detectLanguage(raw, input.locale);
  const normalized = normalizeForMatching(raw);
  const signals = index.extractSignals(normalized);
  const truncated = normalized.length > policy.maxQueryChars;
  const base = { language, signals, truncated };

  const conversational = conversationalKind(normalized);
  if (conversational) return { ...base, kind: conversational, entries: [], reason: 'conversational' };

  const owned = ownedBySignals(index, signals);
  if (owned.length === 1) return { ...base, kind: 'answer', entries: [{ id: owned[0] ?? '', score: 1 }], reason: 'owned-signal' };
  if (owned.length > 1) {
    return { ...base, kind: 'choices', entries: owned.slice(0, 3).map((id) => ({ id, score: 0.9 })), reason: 'several-owned-signals' };
  }

  const query = resolveTerms(index, tokenize(normalized.slice(0, policy.maxQueryChars)).slice(0, policy.maxTerms), policy);
  const total = query.reduce((sum, term) => sum + term.weight, 0);
  const known = query.reduce((sum, term) => sum + (term.matches.length > 0 ? term.weight * (term.matches[0]?.[1] ?? 0) : 0), 0);
  if (total === 0 || known === 0) return { ...base, kind: 'none', entries: [], reason: 'no-known-terms' };
  const scores = score(index, query, policy.smoothing);

  // A named property is strong evidence for the entry that owns it.
  for (const property of signals.properties) {
    const owner = index.owners.properties.get(property);
    const position = owner === undefined ? -1 : index.entries.findIndex((entry) => entry.id === owner);
    if (position >= 0) scores[position] = (scores[position] ?? 0) + policy.propertyBonus;
  }

  // Posterior over entries plus "none" (the background, which any entry must beat by noneMargin), by softmax.
  const ranked = [...scores.keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  const best = ranked[0];
  if (best === undefined) return { ...base, kind: 'none', entries: [], reason: 'no-entries' };
  const top = scores[best] ?? 0;
  const noneScore = policy.noneMargin * Math.sqrt(known);
  const ceiling = Math.max(top, noneScore);
  let partition = Math.exp((noneScore - ceiling) / policy.temperature);
  for (const position of ranked) partition += Math.exp(((scores[position] ?? 0) - ceiling) / policy.temperature);
  const posterior = (value: number): number => Math.exp((value - ceiling) / policy.temperature) / partition;
  const candidates = ranked.slice(0, 3).map((position) => ({ id: index.entries[position]?.id ?? '', score: Number(posterior(scores[position] ?? 0).toFixed(3)) }));
  const first = candidates[0]?.score ?? 0;
  const pNone = posterior(noneScore);
  const knownShare = known / total;
  const detail = `p=${first.toFixed(2)} none=${pNone.toFixed(2)} known=${knownShare.toFixed(2)}`;

  if (pNone >= first || knownShare < policy.minKnownShare) return { ...base, kind: 'none', entries: candidates, reason: `none ${detail}` };
  if (first >= policy.answerProbability) return { ...base, kind: 'answer', entries: candidates, reason: `clear ${detail}` };
  const offered = candidates.filter((candidate) => candidate.score >= policy.choiceProbability);
  if (offered.length >= 2 || (offered.length === 1 && first >= policy.choiceProbability)) {
    return { ...base, kind: 'choices', entries: offered.length >= 2 ? offered : candidates.slice(0, 2), reason: `close ${detail}` };
  }
  return { ...base, kind: 'none', entries: candidates, reason: `unsure ${detail}` };
}
