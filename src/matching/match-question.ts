/** Maps a question or pasted error text to knowledge entries: exact signals first, then token search with typo tolerance. */

import { detectLanguage, type Language } from '../i18n/language.js';
import { conversationalKind, type ConversationalKind } from './conversational.js';
import type { Signals } from './extract-signals.js';
import { vocabularyKey, type MatchIndex } from './match-index.js';
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
  /** Largest log-ratio one term can add for an entry, so one generic word concentrated in an entry can't decide alone. */
  readonly termCap: number;
  /** Softmax temperature turning log-likelihood ratios into probabilities. */
  readonly temperature: number;
  /** Log-likelihood ratio (per square root of known query weight) an entry must beat to outrank "none". */
  readonly noneMargin: number;
  /** Added to "none" (per square root of known query weight) for each error code or event id no entry owns. */
  readonly unownedSignalEvidence: number;
  /** Added to the score of the entry owning a property the message names. */
  readonly propertyBonus: number;
  /** How strongly words no entry knows count for "none" (per unit of query weight). */
  readonly unknownEvidence: number;
  /** Posterior probability for a confident answer. */
  readonly answerProbability: number;
  /** Posterior probability for an entry to be offered as a choice. */
  readonly choiceProbability: number;
}

export const DEFAULT_MATCH_POLICY: MatchPolicy = Object.freeze({
  maxQueryChars: 600,
  maxTerms: 60,
  maxTypoLookups: 8,
  smoothing: 400,
  termCap: 4,
  temperature: 0.7,
  noneMargin: 1,
  propertyBonus: 4,
  unownedSignalEvidence: 8,
  unknownEvidence: 0.5,
  answerProbability: 0.6,
  choiceProbability: 0.12,
});

interface QueryTerm {
  readonly term: string;
  /** How much this term counts (words 1, Japanese bigrams and concepts by their index options). */
  readonly weight: number;
  /** Index terms it matches (itself, or a typo correction) with a match quality in (0, 1]. */
  readonly matches: ReadonlyArray<readonly [string, number]>;
}

/** Returns the closest more common vocabulary term to `term` by fuse.js (similar length), with a quality in (0, 1]. */
function closestTerm(index: MatchIndex, term: string): readonly [string, number] | undefined {
  const own = index.background.get(term) ?? 0;
  const found = [-2, -1, 0, 1, 2].flatMap((delta) => index.vocabulary.get(vocabularyKey(term, term.length + delta))?.search(term, { limit: 3 }) ?? []);
  let best: readonly [string, number] | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const { item, score } of found) {
    if (item === term || score === undefined || Math.abs(item.length - term.length) > 2) continue;
    // Prefer close spelling, then similar length; only a more common term can stand in for a rare spelling.
    if ((index.background.get(item) ?? 0) <= own) continue;
    const rank = score + 0.05 * Math.abs(item.length - term.length);
    if (rank < bestRank) {
      bestRank = rank;
      best = [item, Math.max(0.05, 1 - 2 * score)];
    }
  }
  return best;
}

/** Resolves each query term to index terms: exact, and for unknown or rare spellings the closest common term (typos). */
function resolveTerms(index: MatchIndex, terms: readonly Term[], policy: MatchPolicy): QueryTerm[] {
  const merged = new Map<string, number>();
  for (const { term, weight } of terms) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
  let lookups = 0;
  const resolved: QueryTerm[] = [];
  for (const [term, weight] of merged) {
    const matches: Array<readonly [string, number]> = [];
    const frequency = index.background.get(term) ?? 0;
    if (frequency > 0) matches.push([term, 1]);
    // Rare spellings (one entry) may be typos of a common word, unless an out-of-scope topic uses them ("offboard").
    const postings = index.postings.get(term) ?? [];
    const typoCandidate =
      term.length >= 4 && /^[a-z][a-z0-9-]*$/u.test(term) && postings.length <= 1 && postings.every(([position]) => position < index.firstOutOfScope);
    if (typoCandidate && lookups < policy.maxTypoLookups) {
      lookups += 1;
      const closest = closestTerm(index, term);
      if (closest) matches.push(closest);
    }
    resolved.push({ term, weight, matches });
  }
  return resolved;
}

/**
 * Query-likelihood scoring with Dirichlet smoothing: for each entry, the log-likelihood ratio of the query under the
 * entry's term distribution against the background of all entries. Terms no entry has are left out (they say nothing
 * about which entry fits); terms other entries have and this one lacks count against it.
 */
function score(index: MatchIndex, query: readonly QueryTerm[], policy: MatchPolicy): Float64Array {
  const mu = policy.smoothing;
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
        const present = Math.min(policy.termCap, Math.log((frequency + mu * backgroundProbability) / ((length + mu) * backgroundProbability)));
        scores[entryIndex] = (scores[entryIndex] ?? 0) + termWeight * (present - Math.log(mu / (length + mu)));
      }
    }
  }
  // Every entry first gets the "absent" log-ratio for all known terms; the loop above added back what it does have.
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

// Longest message that still gets a conversational reply when the knowledge has nothing for it.
const SHORT_CONVERSATIONAL = 30;

/** Matches one message against the index. */
export function matchQuestion(index: MatchIndex, input: MatchInput, policy: MatchPolicy = DEFAULT_MATCH_POLICY): MatchResult {
  const raw = chooseMessageText(input.text, input.html);
  const language = detectLanguage(raw, input.locale);
  const normalized = normalizeForMatching(raw);
  const signals = index.extractSignals(normalized);
  const truncated = normalized.length > policy.maxQueryChars;
  const base = { language, signals, truncated };

  const conversational = conversationalKind(normalized);
  if (conversational?.only) return { ...base, kind: conversational.kind, entries: [], reason: 'conversational' };
  const result = matchEntries(index, normalized, signals, policy);
  // "thx that fixed it" or "hi, can you help" with nothing the knowledge knows: a conversational reply, not "not found".
  if (conversational && result.kind === 'none' && normalized.length <= SHORT_CONVERSATIONAL) return { ...base, kind: conversational.kind, entries: [], reason: `conversational (${result.reason})` };
  return { ...base, ...result };
}

type EntryMatch = Pick<MatchResult, 'kind' | 'entries' | 'reason'>;

/** The knowledge part of matching: owned signals first, then scored search and a three-way decision. */
function matchEntries(index: MatchIndex, normalized: string, signals: Signals, policy: MatchPolicy): EntryMatch {
  const owned = ownedBySignals(index, signals);
  if (owned.length === 1) return { kind: 'answer', entries: [{ id: owned[0] ?? '', score: 1 }], reason: 'owned-signal' };
  if (owned.length > 1) return { kind: 'choices', entries: owned.slice(0, 3).map((id) => ({ id, score: 0.9 })), reason: 'several-owned-signals' };

  const query = resolveTerms(index, tokenize(normalized.slice(0, policy.maxQueryChars), index.options.bigramWeight, index.options.conceptWeight).slice(0, policy.maxTerms), policy);
  const unknown = query.reduce((sum, term) => sum + (term.matches.length === 0 ? term.weight : 0), 0);
  const known = query.reduce((sum, term) => sum + term.weight * Math.max(0, ...term.matches.map(([, quality]) => quality)), 0);
  if (known === 0) return { kind: 'none', entries: [], reason: 'no-known-terms' };
  const scores = score(index, query, policy);
  for (const property of signals.properties) {
    const position = index.owners.properties.get(property);
    if (position !== undefined) scores[position] = (scores[position] ?? 0) + policy.propertyBonus;
  }

  // "none" is one more candidate: it must be beaten by a margin that grows with the query, and it explains the words
  // no entry knows (VPN, Outlook, printer ...), which entries cannot.
  // A code or event id that no entry owns (Windows Update 0x80070643, logon event 4625) points away from the knowledge.
  const unowned =
    signals.errorCodes.filter((code) => !index.owners.errorCodes.has(code)).length +
    signals.eventIds.filter((id) => !index.owners.eventIds.has(id)).length;
  const noneScore = policy.noneMargin * Math.sqrt(known) + policy.unknownEvidence * unknown + policy.unownedSignalEvidence * unowned * Math.sqrt(known);
  const outOfScope = [...scores.subarray(index.firstOutOfScope)];
  const ranked = [...scores.subarray(0, index.firstOutOfScope).keys()].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0)).slice(0, 16);
  const ceiling = Math.max(noneScore, ...outOfScope, scores[ranked[0] ?? 0] ?? 0);
  const exp = (value: number): number => Math.exp((value - ceiling) / policy.temperature);
  // Entries beyond the top 16 add their mass too, so probabilities stay honest with thousands of entries.
  let partition = exp(noneScore);
  for (const value of scores) partition += exp(value);
  const probability = (value: number): number => exp(value) / partition;
  const candidates = ranked.slice(0, 3).map((position) => ({ id: index.entries[position]?.id ?? '', score: Number(probability(scores[position] ?? 0).toFixed(3)) }));
  const first = candidates[0]?.score ?? 0;
  const none = outOfScope.reduce((sum, value) => sum + probability(value), probability(noneScore));
  const detail = `p=${first.toFixed(2)} none=${none.toFixed(2)}`;

  if (none >= first) return { kind: 'none', entries: candidates, reason: `none ${detail}` };
  if (first >= policy.answerProbability) return { kind: 'answer', entries: candidates, reason: `clear ${detail}` };
  const offered = candidates.filter((candidate) => candidate.score >= policy.choiceProbability);
  if (offered.length >= 2) return { kind: 'choices', entries: offered, reason: `close ${detail}` };
  return { kind: 'none', entries: candidates, reason: `unsure ${detail}` };
}
