/**
 * Maps a question or pasted error text to knowledge entries: exact signals first, then token search with typo
 * tolerance.
 */

import { detectLanguage, type Language } from '../i18n/language.js';
import { conversationalKind, type ConversationalKind } from './conversational.js';
import type { Signals } from './extract-signals.js';
import { clarificationApplies, namedOnlyTogether, namedOptions } from './clarify.js';
import { conceptTerms } from './concepts.js';
import { decide, DECISION, type DecisionFeatures, type Regime } from './decide.js';
import { vocabularyKey, type MatchIndex } from './match-index.js';
import { scoreTables } from './score-tables.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { chooseMessageText, normalizeForMatching } from './normalize-text.js';
import { tokenize, type RunTerms, type Term } from './tokenize.js';

export type MatchKind = 'answer' | 'choices' | 'clarify' | 'none' | ConversationalKind;

export interface ScoredEntry {
  readonly id: string;
  /** Confidence in [0, 1]. */
  readonly score: number;
}

export interface MatchResult {
  readonly kind: MatchKind;
  readonly language: Language;
  /**
   * answer: the answer first; choices: best first, at most 3; clarify: the entries its options (and "not sure") lead
   * to, best first; none: may be empty.
   */
  readonly entries: readonly ScoredEntry[];
  /** clarify: the entry whose question is asked (its options lead to `entries`). */
  readonly clarifyEntryId?: string;
  /**
   * answer: other problems the message raises (entries answered with confidence by a part of it), to offer beside the
   * answer.
   */
  readonly also?: readonly ScoredEntry[];
  /**
   * answer: other branches of a clarifying question that the message names as well (one word, "intune", names two),
   * offered in case the answer's branch is not the user's setup.
   */
  readonly otherBranches?: readonly ScoredEntry[];
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
  /** The reply language when the caller decided it (the bot); otherwise detected from the text and the locale. */
  readonly language?: Language | undefined;
  /**
   * The entry answered last in this conversation: a short follow-up ("what about on Server?") is read in its context.
   */
  readonly previousEntryId?: string | undefined;
  /** Entries the facts of output pasted with the message point to (the words around a paste are read with them). */
  readonly factEntryIds?: readonly string[] | undefined;
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
  /**
   * Largest log-ratio one term can add for an entry, so one generic word concentrated in an entry can't decide alone.
   */
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
  /** Added (per square root of known query weight) to the entries related to the previous answer in a follow-up. */
  readonly followUpRelated: number;
  /** Added (per square root of known query weight) to the previous answer itself in a follow-up. */
  readonly followUpSame: number;
  /** Weight of the words of sentences that don't ask, in a message where others do. */
  readonly storyWeight: number;
  /** Added (per square root of known query weight) to the entries the pasted facts point to. */
  readonly factContext: number;
}

const DEFAULT_MATCH_POLICY: MatchPolicy = Object.freeze({
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
  followUpRelated: 1,
  followUpSame: 1,
  storyWeight: 0.5,
  factContext: 1,
});

interface QueryTerm {
  readonly term: string;
  /** How much this term counts (words 1, Japanese bigrams and concepts by their index options). */
  readonly weight: number;
  /** Index terms it matches (itself, or a typo correction) with a match quality in (0, 1]. */
  readonly matches: ReadonlyArray<readonly [string, number]>;
}

// Typo corrections found before, per index: the same rare spellings come back in message after message.
const corrections = new WeakMap<MatchIndex, Map<string, readonly [string, number] | null>>();
// Corrections kept per index (the oldest go first); a lookup costs a few fuse.js searches.
const MAX_CORRECTIONS = 5000;

/** closestTerm, remembered per index (deterministic: the index never changes once built). */
function correctionOf(index: MatchIndex, term: string): readonly [string, number] | undefined {
  let known = corrections.get(index);
  if (!known) corrections.set(index, (known = new Map<string, readonly [string, number] | null>()));
  const cached = known.get(term);
  if (cached !== undefined) return cached ?? undefined;
  const found = closestTerm(index, term);
  if (known.size >= MAX_CORRECTIONS) known.delete(known.keys().next().value as string);
  known.set(term, found ?? null);
  return found;
}

/** Returns the closest more common vocabulary term to `term` by fuse.js (similar length), with a quality in (0, 1]. */
function closestTerm(index: MatchIndex, term: string): readonly [string, number] | undefined {
  const own = index.background.get(term) ?? 0;
  const found = [-2, -1, 0, 1, 2].flatMap(
    (delta) => index.vocabulary.get(vocabularyKey(term, term.length + delta))?.search(term, { limit: 3 }) ?? [],
  );
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

// The matches of a term the index does not know (shared: never changed).
const NO_MATCHES: ReadonlyArray<readonly [string, number]> = Object.freeze([]);
// What a typo of a Latin vocabulary term looks like.
const TYPO_SHAPE = /^[a-z][a-z0-9-]*$/u;

/**
 * Resolves each query term to index terms: exact, and for unknown or rare spellings the closest common term (typos).
 */
function resolveTerms(index: MatchIndex, terms: readonly Term[], policy: MatchPolicy): QueryTerm[] {
  const tables = scoreTables(index, policy.smoothing, policy.termCap);
  const merged = new Map<string, number>();
  for (const { term, weight } of terms) merged.set(term, Math.max(merged.get(term) ?? 0, weight));
  let lookups = 0;
  const resolved: QueryTerm[] = [];
  for (const [term, weight] of merged) {
    // An index term (background frequency above 0) has a table with its own match.
    let matches = tables.of(term)?.exact ?? NO_MATCHES;
    // Rare spellings (one entry) may be typos of a common word, unless an out-of-scope topic uses them ("offboard").
    if (lookups < policy.maxTypoLookups && term.length >= 4 && TYPO_SHAPE.test(term)) {
      const postings = index.postings.get(term) ?? [];
      if (postings.length <= 1 && postings.every(([position]) => position < index.firstOutOfScope)) {
        lookups += 1;
        const closest = correctionOf(index, term);
        if (closest) matches = [...matches, closest];
      }
    }
    resolved.push({ term, weight, matches });
  }
  return resolved;
}

// Arrays of zeros by length, already holding doubles: a copy is one allocation (an array filled with the integer 0
// is copied again when its first fraction is stored).
const zeroArrays = new Map<number, readonly number[]>();

/** A new array of `length` zeros (+0) ready for doubles. */
function zeros(length: number): number[] {
  let template = zeroArrays.get(length);
  if (!template) zeroArrays.set(length, (template = new Array<number>(length).fill(0.5).fill(0)));
  return template.slice();
}

/**
 * Query-likelihood scoring with Dirichlet smoothing: for each entry, the log-likelihood ratio of the query under the
 * entry's term distribution against the background of all entries. Terms no entry has are left out (they say nothing
 * about which entry fits); terms other entries have and this one lacks count against it.
 */
function score(
  index: MatchIndex,
  query: readonly QueryTerm[],
  policy: MatchPolicy,
): { readonly scores: number[]; readonly covered: number[] } {
  // The logarithms depend only on the index and the policy: computed once (score-tables.ts), bit for bit the same.
  const tables = scoreTables(index, policy.smoothing, policy.termCap);
  // Plain arrays of doubles: V8 makes them several times faster than typed arrays of this size.
  const scores = zeros(index.entries.length);
  // Query weight each entry has at all, for the decision's coverage feature (accumulated in the same pass).
  const covered = zeros(index.entries.length);
  let knownWeight = 0;
  for (let termAt = 0; termAt < query.length; termAt += 1) {
    const { weight, matches } = query[termAt] as QueryTerm;
    for (let matchAt = 0; matchAt < matches.length; matchAt += 1) {
      const match = matches[matchAt] as readonly [string, number];
      const term = match[0];
      const quality = match[1];
      const table = tables.of(term);
      if (!table) continue;
      const termWeight = weight * quality;
      knownWeight += termWeight;
      const { positions, gains } = table;
      for (let at = 0; at < positions.length; at += 1) {
        const entryIndex = positions[at] ?? 0;
        scores[entryIndex] = (scores[entryIndex] ?? 0) + termWeight * (gains[at] ?? 0);
        covered[entryIndex] = (covered[entryIndex] ?? 0) + termWeight;
      }
    }
  }
  // Every entry first gets the "absent" log-ratio for all known terms; the loop above added back what it does have.
  for (let position = 0; position < scores.length; position += 1) {
    scores[position] = (scores[position] ?? 0) + knownWeight * (tables.absent[position] ?? 0);
  }
  return { scores, covered };
}

/** Positions of the `count` highest scores among the first `limit`, best first (one pass, no full sort). */
function topPositions(scores: readonly number[], limit: number, count: number): number[] {
  const top: number[] = [];
  // The scores of `top`, side by side (no look-up through the position while comparing).
  const values: number[] = [];
  for (let position = 0; position < limit; position += 1) {
    const value = scores[position] ?? Number.NEGATIVE_INFINITY;
    let length = top.length;
    if (length === count && value <= (values[count - 1] ?? Number.NEGATIVE_INFINITY)) continue;
    let at = length;
    while (at > 0 && value > (values[at - 1] ?? Number.NEGATIVE_INFINITY)) at -= 1;
    // Insert at `at`; when full, the last one drops out.
    if (length < count) {
      top.push(0);
      values.push(0);
      length += 1;
    }
    for (let move = length - 1; move > at; move -= 1) {
      top[move] = top[move - 1] ?? 0;
      values[move] = values[move - 1] ?? 0;
    }
    top[at] = position;
    values[at] = value;
  }
  return top;
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
  return ids.length > 1 ? [...new Set(ids)] : ids;
}

// Longest message that still gets a conversational reply when the knowledge has nothing for it.
const SHORT_CONVERSATIONAL = 30;
// Longest message read as a follow-up to the previous answer; longer ones carry their own context.
const FOLLOW_UP_CHARS = 100;
// A follow-up that asks for something else than the previous answer.
const ALTERNATIVE = /\b(other|another|alternative|instead|else|different)\b|ほかに|他に|他の|ほかの|別の|代わり|代替/u;

// A follow-up that asks for another way than the previous answer ("any other way?", "ほかに手はありますか").
const OTHER_WAY =
  /\b(?:any|another|other|different|alternative)\s+(?:ways?|options?|methods?|solutions?|fix(?:es)?|workarounds?|approach(?:es)?)\b|\binstead\b|(?:ほか|他)に(?:手|方法|やり方|できること|何か)|(?:ほか|他|別)の(?:手|方法|やり方|手段)|代わり|代替/u;
// A follow-up that says the previous answer did not help ("that didn't work", "まだ直りません").
const NOT_HELPED =
  /\b(?:didn'?t|did not|doesn'?t|does not|won'?t|not)\s+(?:work|help|fix)|\bstill\b|\bsame (?:error|problem|result|thing)\b|効かな|直らな|変わらな|ダメ|だめ|解決しな|まだ/u;
// A follow-up that asks to be told the previous answer again ("just the undo steps once more", "show me that again",
// "手順だけもう一回教えて"); "I tried again" is not one.
const AGAIN =
  /\b(?:tell|show|explain|send|give|walk)\s+(?:me|us)\b.{0,40}\b(?:again|once more|one more time)\b|\bremind me\b|\b(?:repeat|resend)\b|(?:もう一|もう1|もういっ)[回度かこ].{0,10}(?:教え|説明|見せ|送っ|お願い)|(?:再度|改めて|あらためて).{0,10}(?:教え|説明|見せ|送っ|お願い)/u;

/**
 * The previous answer a follow-up is read against, whether the follow-up asks for an alternative to it, and whether it
 * asks for the same answer again.
 */
interface FollowUp {
  readonly entry: KnowledgeEntry;
  readonly alternative: boolean;
  /** It asks for another way to do what the previous answer did: the previous answer is not a candidate. */
  readonly otherWay: boolean;
  readonly again: boolean;
  /** It says the previous answer did not help: with nothing clear, its neighbours are offered. */
  readonly notHelped: boolean;
  /** It names a topic of its own (see namesTopic); otherwise only the previous answer and its neighbours fit. */
  readonly topic: boolean;
}

/** What a message is read with besides its words: the previous answer, and the entries pasted facts point to. */
interface Context {
  readonly previous?: FollowUp | undefined;
  readonly factEntryIds?: readonly string[] | undefined;
}

/** The follow-up context of a message: only short messages after an answer are follow-ups. */
function followUpOf(
  index: MatchIndex,
  normalized: string,
  signals: Signals,
  previousEntryId: string | undefined,
): FollowUp | undefined {
  const entry = normalized.length <= FOLLOW_UP_CHARS ? index.byId.get(previousEntryId ?? '') : undefined;
  if (!entry) return undefined;
  const alternative = ALTERNATIVE.test(normalized);
  return {
    entry,
    alternative,
    otherWay: OTHER_WAY.test(normalized),
    again: !alternative && AGAIN.test(normalized),
    notHelped: NOT_HELPED.test(normalized),
    topic: namesTopic(normalized, signals),
  };
}
// Shortest part of a message (normalized characters) scored on its own to find a second problem.
const MIN_PART_CHARS = 15;
// Parts of a message scored on their own (the longest ones), so a 20 KB paste costs a bounded amount.
const MAX_PARTS = 6;

/** Matches one message against the index. */
export function matchQuestion(
  index: MatchIndex,
  input: MatchInput,
  policy: MatchPolicy = DEFAULT_MATCH_POLICY,
): MatchResult {
  const raw = chooseMessageText(input.text, input.html);
  const language = input.language ?? detectLanguage(raw, input.locale);
  const normalized = normalizeForMatching(raw);
  const signals = index.extractSignals(normalized);
  const truncated = normalized.length > policy.maxQueryChars;

  const conversational = conversationalKind(normalized);
  if (conversational?.only)
    return { language, signals, truncated, kind: conversational.kind, entries: [], reason: 'conversational' };
  const result = matchEntries(
    index,
    normalized,
    signals,
    policy,
    {
      previous: followUpOf(index, normalized, signals, input.previousEntryId),
      factEntryIds: input.factEntryIds,
    },
    new Map(),
  );
  // "thx that fixed it" or "hi, can you help" with nothing the knowledge knows: a conversational reply, not "not
  // found".
  if (conversational && result.kind === 'none' && normalized.length <= SHORT_CONVERSATIONAL)
    return {
      language,
      signals,
      truncated,
      kind: conversational.kind,
      entries: [],
      reason: `conversational (${result.reason})`,
    };
  // Not { ...base, ...result }: V8 spreads a second object into a literal on its slow path (about 2 µs).
  return Object.assign({ language, signals, truncated }, result);
}

type EntryMatch = Pick<MatchResult, 'kind' | 'entries' | 'reason' | 'clarifyEntryId' | 'also' | 'otherBranches'>;

/** What scoring a query found: raw scores per indexed entry, and the evidence for "none". */
interface Evidence {
  readonly scores: readonly number[];
  /** Known query weight each indexed entry has at all. */
  readonly covered: readonly number[];
  /** Knowledge entries, best first (at most 16). */
  readonly ranked: readonly number[];
  /** Query weight the knowledge knows, and the weight of words it does not know. */
  readonly known: number;
  readonly unknown: number;
  /** The score "none" competes with, and the best out-of-scope topic's score. */
  readonly noneScore: number;
  readonly outOfScope: number;
  /** Softmax probability of each indexed position; `none` sums "none" and the out-of-scope topics. */
  readonly probability: (position: number) => number;
  readonly none: number;
}

/** Scores `query` and gathers the evidence the decision needs. */
function weigh(
  index: MatchIndex,
  query: readonly QueryTerm[],
  signals: Signals,
  policy: MatchPolicy,
  context: Context = {},
): Evidence {
  let unknownSum = 0;
  let knownSum = 0;
  for (const { weight, matches } of query) {
    unknownSum += matches.length === 0 ? weight : 0;
    let quality = 0;
    for (const match of matches) quality = Math.max(quality, match[1]);
    knownSum += weight * quality;
  }
  const unknown = unknownSum;
  const known = knownSum;
  const { scores, covered } = score(index, query, policy);
  for (const property of signals.properties) {
    const position = index.owners.properties.get(property);
    if (position !== undefined) scores[position] = (scores[position] ?? 0) + policy.propertyBonus;
  }
  const bonus = (id: string, value: number): void => {
    const position = index.positions.get(id);
    if (position !== undefined) scores[position] = (scores[position] ?? 0) + value * Math.sqrt(Math.max(known, 1));
  };
  // Words around pasted output are read with what the output showed ("MAPSReporting is 2, what next?").
  if (context.factEntryIds) for (const id of new Set(context.factEntryIds)) bonus(id, policy.factContext);
  // A follow-up is about the previous answer or its neighbours ("what about on Server?" after the Windows Security
  // steps).
  const previous = context.previous;
  if (previous) {
    const around = neighbours(index, previous.entry);
    for (const id of around) bonus(id, policy.followUpRelated);
    // "any other way?" asks for something else than the previous answer; "still slow" is about the same one.
    bonus(previous.entry.id, previous.alternative ? -policy.followUpSame : policy.followUpSame);
    const position = index.positions.get(previous.entry.id);
    if (previous.otherWay && position !== undefined) scores[position] = Number.NEGATIVE_INFINITY;
    // "how do I check it's actually on?" names no topic of its own: it is about the previous answer or a neighbour.
    if (!previous.topic) {
      around.add(previous.entry.id);
      for (let at = 0; at < index.firstOutOfScope; at += 1)
        if (!around.has(index.entries[at]?.id ?? '')) scores[at] = Number.NEGATIVE_INFINITY;
    }
  }
  // "none" is one more candidate: it must be beaten by a margin that grows with the query, and it explains the words
  // no entry knows (VPN, Outlook, printer ...), which entries cannot.
  // A code or event id that no entry owns (Windows Update 0x80070643, logon event 4625) points away from the knowledge.
  const unowned = unownedSignals(index, signals);
  const noneScore =
    policy.noneMargin * Math.sqrt(known) +
    policy.unknownEvidence * unknown +
    policy.unownedSignalEvidence * unowned * Math.sqrt(known);
  const ranked = topPositions(scores, index.firstOutOfScope, 16);
  // Sums and maxima are taken in variables no closure reads: V8 keeps those unboxed (a variable a closure reads
  // lives in its context, and each new value of it is a new heap number).
  let highest = Math.max(noneScore, scores[ranked[0] ?? 0] ?? 0);
  let outOfScope = -1e9;
  for (let position = index.firstOutOfScope; position < scores.length; position += 1) {
    highest = Math.max(highest, scores[position] ?? 0);
    outOfScope = Math.max(outOfScope, scores[position] ?? 0);
  }
  const ceiling = highest;
  const exp = (value: number): number => Math.exp((value - ceiling) / policy.temperature);
  // Each score's term of the softmax, computed once.
  const terms = zeros(scores.length);
  // Entries beyond the top 16 add their mass too, so probabilities stay honest with thousands of entries.
  let sum = exp(noneScore);
  for (let position = 0; position < scores.length; position += 1) {
    const term = exp(scores[position] ?? 0);
    terms[position] = term;
    sum += term;
  }
  const partition = sum;
  const zero = exp(0);
  const probability = (position: number): number => (terms[position] ?? zero) / partition;
  let none = exp(noneScore) / partition;
  for (let position = index.firstOutOfScope; position < scores.length; position += 1)
    none += (terms[position] ?? 0) / partition;
  return { scores, covered, ranked, known, unknown, noneScore, outOfScope, probability, none };
}

/** How many error codes, event ids and other products in the message no entry owns (no entry owns a product). */
function unownedSignals(index: MatchIndex, signals: Signals): number {
  return (
    signals.errorCodes.filter((code) => !index.owners.errorCodes.has(code)).length +
    signals.eventIds.filter((id) => !index.owners.eventIds.has(id)).length +
    signals.otherProducts.length
  );
}

/**
 * The decision model's inputs for the best entry of `evidence` (see decide.ts): length-independent where they can be.
 */
function featuresOf(index: MatchIndex, evidence: Evidence, signals: Signals, chars: number): DecisionFeatures {
  const { scores, ranked, known, unknown } = evidence;
  const first = ranked[0] ?? 0;
  const top = scores[first] ?? 0;
  const second = scores[ranked[1] ?? first] ?? 0;
  const root = Math.sqrt(Math.max(known, 1e-9));
  const firstEntry = index.entries[first]?.entry;
  return {
    probability: evidence.probability(first),
    none: evidence.none,
    margin: (top - second) / root,
    lead: (top - evidence.outOfScope) / root,
    strength: top / root,
    knownLog: Math.log1p(known),
    unknownShare: unknown / (unknown + known),
    // Share of the known query weight that the best entry has at all ("aboutness", whatever the message's length).
    coverage: Math.min(1, (evidence.covered[first] ?? 0) / Math.max(known, 1e-9)),
    unowned: Math.min(2, unownedSignals(index, signals)),
    property: signals.properties.some((property) => firstEntry?.properties.includes(property)) ? 1 : 0,
    lengthLog: Math.log1p(chars),
  };
}

/** Resolves and scores the query terms of normalized `text`; the decision model's probabilities for its best entry. */
function evaluate(
  index: MatchIndex,
  text: string,
  signals: Signals,
  policy: MatchPolicy,
  context: Context,
  runs: RunTerms,
) {
  const query = resolveTerms(index, queryTerms(index, text, policy, runs), policy);
  const evidence = weigh(index, query, signals, policy, context);
  const features = featuresOf(index, evidence, signals, text.length);
  return { query, evidence, features, decision: decide(features, text.length) };
}

/**
 * Exposed for training the decision model (bench/train-decision.ts): the features of a message, as the matcher sees
 * them.
 */
export function decisionFeatures(
  index: MatchIndex,
  input: MatchInput,
  policy: MatchPolicy = DEFAULT_MATCH_POLICY,
):
  | {
      readonly features: DecisionFeatures;
      readonly ranked: readonly string[];
      readonly chars: number;
      readonly clearWinner: boolean;
    }
  | undefined {
  const normalized = normalizeForMatching(chooseMessageText(input.text, input.html));
  const signals = index.extractSignals(normalized);
  if (ownedBySignals(index, signals).length > 0) return undefined;
  const context = {
    previous: followUpOf(index, normalized, signals, input.previousEntryId),
    factEntryIds: input.factEntryIds,
  };
  const { evidence, features } = evaluate(index, normalized, signals, policy, context, new Map());
  if (evidence.known === 0) return undefined;
  return {
    features,
    ranked: evidence.ranked.slice(0, 3).map((position) => index.entries[position]?.id ?? ''),
    chars: normalized.length,
    clearWinner: clearWinner(evidence, policy),
  };
}

// A sentence that asks: it says what the message is about more than the story around it.
export const ASKS =
  /[?？]|(?:^|\s)(?:how|what|why|where|which|when|can|could|should|is there|do i|does|please|need to know)\s|教え|ください|でしょうか|ますか|ですか|ませんか|知りたい|どう|どこ|なぜ|何を|何が|ほしい|欲しい|いいの|ばいい|べき/u;
// Sentence ends: . ? ! before a space (not the dots of security.microsoft.com or MpCmdRun.exe), or 。？！.
const SENTENCE_END = /(?<=[.?!])\s+|(?<=[。？！])/u;

/**
 * The weighted terms of a message, capped. In a message of several sentences, the sentences that ask come first (so a
 * question at the end of a long story is never cut off) and the others count for `policy.storyWeight`.
 */
function queryTerms(index: MatchIndex, normalized: string, policy: MatchPolicy, runs: RunTerms): Term[] {
  const sentences = normalized.split(SENTENCE_END).filter((sentence) => sentence.trim() !== '');
  const asking: string[] = [];
  const story: string[] = [];
  for (const sentence of sentences) (ASKS.test(sentence) ? asking : story).push(sentence);
  const focused = sentences.length > 1 && asking.length > 0 && story.length > 0;
  const ordered = focused ? [...asking, ...story] : [normalized];
  const terms: Term[] = [];
  let chars = 0;
  for (let at = 0; at < ordered.length; at += 1) {
    // Terms past the cap are dropped: the sentences after it need not be read.
    if (terms.length >= policy.maxTerms) break;
    const part = (ordered[at] ?? '').slice(0, Math.max(0, policy.maxQueryChars - chars));
    if (part === '') break;
    chars += part.length;
    const factor = focused && at >= asking.length ? policy.storyWeight : 1;
    for (const term of tokenize(part, index.options.bigramWeight, index.options.conceptWeight, runs))
      terms.push(factor === 1 ? term : { term: term.term, weight: term.weight * factor });
  }
  return terms.length > policy.maxTerms ? terms.slice(0, policy.maxTerms) : terms;
}

/** The knowledge part of matching: owned signals first, then scored search and a calibrated decision. */
function matchEntries(
  index: MatchIndex,
  normalized: string,
  signals: Signals,
  policy: MatchPolicy,
  context: Context,
  // The terms of the message's runs, tokenized once in this call (see tokenize); dropped when the call returns.
  runs: RunTerms,
): EntryMatch {
  const previous = context.previous;
  const owned = ownedBySignals(index, signals);
  // "I set the proxy but still get 80072F8F, any other way?" names the previous answer's own code while asking past it.
  const pastPrevious = previous?.alternative === true && owned.length === 1 && owned[0] === previous.entry.id;
  // A code in a message about another product (an Autopilot timeout) is weighed with the rest of the words.
  if (owned.length === 1 && !pastPrevious && signals.otherProducts.length === 0)
    return { kind: 'answer', entries: [{ id: owned[0] ?? '', score: 1 }], reason: 'owned-signal' };
  if (owned.length > 1)
    return {
      kind: 'choices',
      entries: owned.slice(0, 3).map((id) => ({ id, score: 0.9 })),
      reason: 'several-owned-signals',
    };

  const text = normalized.slice(0, policy.maxQueryChars);
  // "Tell me the steps again" is answered by the previous answer, whatever its other words fit.
  if (previous?.again)
    return { kind: 'answer', entries: [{ id: previous.entry.id, score: ASKED_AGAIN }], reason: 'asked again' };
  const branch = previous ? followUpBranch(index, text, signals, previous, policy, context, runs) : undefined;
  if (branch) return branch;
  const { query, evidence, decision } = evaluate(index, normalized, signals, policy, context, runs);
  if (evidence.known === 0) return { kind: 'none', entries: [], reason: 'no-known-terms' };
  const idOf = (position: number): string => index.entries[position]?.id ?? '';
  const relative = (position: number): number =>
    evidence.probability(position) / Math.max(evidence.probability(evidence.ranked[0] ?? 0), 1e-12);
  const top3 = evidence.ranked.slice(0, 3);
  const detail = `answer=${decision.answer.toFixed(2)} helpful=${decision.helpful.toFixed(2)}${previous ? ` after ${previous.entry.id}` : ''}`;
  // The first entry's score is the calibrated chance that it is right; the others are scaled by their share of the
  // evidence.
  const scored = (positions: readonly number[], confidence: number): ScoredEntry[] =>
    positions.map((position) => ({ id: idOf(position), score: round(Math.min(1, confidence * relative(position))) }));

  // A code or event id no entry owns, and the scores agree that "none" beats every entry: the message is about
  // something else (a Kernel-Power event 41, a Windows Update error), however well its other words fit one entry.
  const elsewhere =
    unownedSignals(index, signals) > 0 && evidence.none >= evidence.probability(evidence.ranked[0] ?? 0);
  const short = normalized.length <= DECISION.shortChars;
  // Codes and event ids name a topic, and so does a misspelt word of a short question that the index corrected
  // ("temper", "clod"), which the concepts could not see (in many lines of output, unknown words get corrected too).
  const topic =
    previous !== undefined ||
    namesTopic(normalized, signals) ||
    signals.errorCodes.length + signals.eventIds.length > 0 ||
    query.some(
      ({ term, matches }) =>
        (short && matches.length > 0 && matches[0]?.[0] !== term) || index.owners.eventIds.has(Number(term)),
    );
  const kind = elsewhere
    ? 'none'
    : short
      ? shortKind(evidence, policy, decision, topic)
      : longKind(evidence, policy, decision, topic);
  let result: EntryMatch;
  if (kind === 'answer') result = { kind, entries: scored(top3, decision.answer), reason: `clear ${detail}` };
  else if (kind === 'choices') {
    const offered = top3.filter((position, rank) => rank < 2 || relative(position) >= DECISION.choiceShare);
    result = { kind, entries: scored(offered, decision.answer), reason: `close ${detail}` };
  } else if (previous && (previous.otherWay || previous.notHelped)) {
    // "Any other way?" or "that didn't work" with nothing clear: the previous answer's neighbours the words fit best.
    const around = neighbours(index, previous.entry);
    const offered = evidence.ranked.filter((position) => around.has(idOf(position))).slice(0, 3);
    if (offered.length === 0) return { kind, entries: scored(top3, decision.answer), reason: `none ${detail}` };
    return { kind: 'choices', entries: scored(offered, decision.helpful), reason: `beyond ${detail}` };
  } else return { kind, entries: scored(top3, decision.answer), reason: `none ${detail}` };

  const clarified = clarifySplit(index, text, signals, result, evidence.scores, decision.helpful);
  // A clarification that lands on the previous answer does not answer "any other way?", and a question whose branch
  // the conversation already took (the previous answer is one) is not asked again.
  const landsOnPrevious = previous?.otherWay === true && clarified?.entries[0]?.id === previous.entry.id;
  const askedBefore =
    clarified?.kind === 'clarify' &&
    previous !== undefined &&
    index.clarifications.some(
      ({ host, group }) => host.id === clarified.clarifyEntryId && group.has(previous.entry.id),
    );
  if (clarified && !landsOnPrevious && !askedBefore) return clarified;
  if (result.kind !== 'answer') return result;
  const also = otherProblems(index, text, query, signals, policy, result.entries[0]?.id ?? '', runs);
  return also.length > 0 ? Object.assign({}, result, { also }) : result;
}

const round = (value: number): number => Number(value.toFixed(3));
// Confidence of answering the previous answer again when asked for it: the words say so, nothing is guessed.
const ASKED_AGAIN = 0.95;

/**
 * A follow-up that switches branch: the previous answer is one branch of a clarifying question (or asks it), and the
 * follow-up names other branches ("and with Intune?" after the Defender portal steps, "what about on Server?"). The
 * answer is the named branch the words fit best; two named branches that fit about as well are offered as choices.
 */
function followUpBranch(
  index: MatchIndex,
  text: string,
  signals: Signals,
  previous: FollowUp,
  policy: MatchPolicy,
  context: Context,
  runs: RunTerms,
): EntryMatch | undefined {
  const found = index.clarifications.find(({ group }) => group.has(previous.entry.id));
  if (!found) return undefined;
  const named = namedOptions(found.clarification, text, signals, index.byId)
    .map((position) => found.clarification.options[position]?.entry ?? '')
    .filter((id) => id !== previous.entry.id && id !== '');
  if (named.length === 0) return undefined;
  const { evidence, decision } = evaluate(index, text, signals, policy, context, runs);
  const scoreOf = (id: string): number => evidence.scores[index.positions.get(id) ?? -1] ?? Number.NEGATIVE_INFINITY;
  // A branch the previous answer lists as related comes first: "and with Intune?" after the Defender portal steps is
  // Intune on MDE-onboarded devices.
  const related = (id: string): number => (previous.entry.related.includes(id) ? 1 : 0);
  const ranked = [...new Set(named)].sort((a, b) => related(b) - related(a) || scoreOf(b) - scoreOf(a));
  const [first = '', second] = ranked;
  // Within a temperature of each other the words don't tell two equally related branches apart.
  const close =
    second !== undefined && related(first) === related(second) && scoreOf(first) - scoreOf(second) < policy.temperature;
  const reason = `follow-up names a branch of ${found.host.id} (after ${previous.entry.id})`;
  const confidence = round(decision.helpful);
  return close
    ? { kind: 'choices', entries: ranked.slice(0, 3).map((id) => ({ id, score: confidence })), reason }
    : { kind: 'answer', entries: [{ id: first, score: confidence }], reason };
}

/** True when the softmax has a clear winner: probable enough, and more probable than "none". */
function clearWinner(evidence: Evidence, policy: MatchPolicy): boolean {
  const first = evidence.probability(evidence.ranked[0] ?? 0);
  return first >= policy.answerProbability && evidence.none < first;
}

type DecidedKind = 'answer' | 'choices' | 'none';

// A short message that names no topic ("念のため確認させてください") is answered only when its words leave little doubt.
const TOPICLESS_ANSWER = 0.9;

// Concepts that say what to do or ask, not what about ("check", "turn on", "what is").
const ACTION_CONCEPTS = new Set(['~enable', '~disable', '~cannot', '~greyed', '~check', '~explain']);

/**
 * True when a message names something the knowledge is about: a topic concept (tamper protection, cloud protection,
 * proxy ...), a Defender property or a tool. "この結果です", "please check" or "ユーザーから問い合わせがありました" don't.
 */
function namesTopic(normalized: string, signals: Signals): boolean {
  return (
    signals.properties.length > 0 ||
    signals.tools.length > 0 ||
    conceptTerms(normalized).some((concept) => !ACTION_CONCEPTS.has(concept))
  );
}

/**
 * A short question: the softmax's clear winner unless the model vetoes it, two or three close ones as choices when it
 * names a topic (a close race on common words alone is no evidence).
 */
function shortKind(
  evidence: Evidence,
  policy: MatchPolicy,
  decision: { readonly answer: number; readonly regime: Regime },
  topic: boolean,
): DecidedKind {
  const first = evidence.probability(evidence.ranked[0] ?? 0);
  if (evidence.none >= first) return 'none';
  if (clearWinner(evidence, policy))
    return decision.answer >= decision.regime.clearThreshold && (topic || decision.answer >= TOPICLESS_ANSWER)
      ? 'answer'
      : 'none';
  const offered = evidence.ranked
    .slice(0, 3)
    .filter((position) => evidence.probability(position) >= policy.choiceProbability);
  return offered.length >= 2 && topic ? 'choices' : 'none';
}

/**
 * A long message: the model's probabilities against its thresholds (a lower one for the softmax's clear winner);
 * choices only when it names a topic (many lines of unknown output are no evidence for any entry).
 */
function longKind(
  evidence: Evidence,
  policy: MatchPolicy,
  decision: { readonly answer: number; readonly helpful: number; readonly regime: Regime },
  topic: boolean,
): DecidedKind {
  if (
    decision.answer >= decision.regime.answerThreshold ||
    (clearWinner(evidence, policy) && decision.answer >= decision.regime.clearThreshold)
  )
    return 'answer';
  return decision.helpful >= decision.regime.choiceThreshold && topic ? 'choices' : 'none';
}

/**
 * The entries a follow-up to `entry` is likely about: its related entries and the branches of its clarifying question.
 */
function neighbours(index: MatchIndex, entry: KnowledgeEntry): Set<string> {
  const ids = new Set(entry.related);
  for (const { group } of index.clarifications) if (group.has(entry.id)) for (const id of group) ids.add(id);
  ids.delete(entry.id);
  return ids;
}

/**
 * Clarifying questions (knowledge `clarify`), when the knowledge splits on something the user knows and the message
 * does not say it:
 * - a question with a `when` condition (the test failed ...) is asked whenever the best candidate is its entry or one
 *   of its branches and the message names no branch ("the connection test fails" → which error code?);
 * - otherwise a question is asked when its own entry is the best candidate (tamper protection can't be turned on →
 *   how is the device managed?).
 * A message that names exactly one branch has said it: that branch's entry is the answer, or with `whenNamed: keep` the
 * decision stays as it was (the asking entry covers every branch). Naming several offers only those.
 */
function clarifySplit(
  index: MatchIndex,
  text: string,
  signals: Signals,
  result: EntryMatch,
  scores: readonly number[],
  helpful: number,
): EntryMatch | undefined {
  const first = result.entries[0]?.id ?? '';
  const contradicted = otherBranchNamed(index, text, signals, result, helpful);
  if (contradicted) return contradicted;
  const conditional = index.clarifications.find(
    ({ clarification, group }) =>
      clarification.when.length > 0 &&
      group.has(first) &&
      clarificationApplies(clarification, text, signals) &&
      namedOptions(clarification, text, signals, index.byId).length === 0,
  );
  // Unsure between branches (choices or none) with two or more of one question's branches on top: that question.
  const top = result.entries.slice(0, 3).map((entry) => entry.id);
  const unsure =
    result.kind === 'answer'
      ? undefined
      : index.clarifications.find(({ group }) => group.has(first) && top.filter((id) => group.has(id)).length >= 2);
  const host = conditional?.host ?? unsure?.host ?? index.byId.get(first);
  const clarification = host?.clarify;
  if (!host || !clarification || !clarificationApplies(clarification, text, signals)) return undefined;
  const named = namedOptions(clarification, text, signals, index.byId);
  if (named.length === 1) {
    const picked = clarification.options[named[0] ?? 0]?.entry ?? host.id;
    return clarification.whenNamed === 'keep'
      ? undefined
      : {
          kind: 'answer',
          entries: [{ id: picked, score: round(helpful) }],
          reason: `clarified by the message (${host.id})`,
        };
  }
  const ids = (named.length > 1 ? named : clarification.options.map((_, position) => position)).map(
    (position) => clarification.options[position]?.entry ?? '',
  );
  const rank = (id: string): number => scores[index.positions.get(id) ?? -1] ?? Number.NEGATIVE_INFINITY;
  // "Not sure" leads to the asking entry itself, so it is one of the entries the question leads to.
  const entries = [...new Set([...ids, host.id])]
    .sort((a, b) => rank(b) - rank(a))
    .map((id) => ({ id, score: round(helpful) }));
  return { kind: 'clarify', entries, clarifyEntryId: host.id, reason: `clarify ${host.id}` };
}

/**
 * An answer that is one branch of a clarifying question while the message names other branches of it and not this one
 * ("disabling it via Intune doesn't work" answered with the Configuration Manager steps): the message has said which
 * branch. One named branch, or branches named only together by one word ("intune"), give the first of them with the
 * others offered; branches the message tells apart are asked about.
 */
function otherBranchNamed(
  index: MatchIndex,
  text: string,
  signals: Signals,
  result: EntryMatch,
  helpful: number,
): EntryMatch | undefined {
  const first = result.entries[0]?.id ?? '';
  if (result.kind !== 'answer') return undefined;
  const found = index.clarifications.find(({ host, group }) => group.has(first) && host.id !== first);
  if (!found || !clarificationApplies(found.clarification, text, signals)) return undefined;
  const { clarification, host } = found;
  const named = namedOptions(clarification, text, signals, index.byId);
  const ids = named.map((position) => clarification.options[position]?.entry ?? host.id);
  if (ids.length === 0 || ids.includes(first)) return undefined;
  const score = round(helpful);
  const reason = `the message names another branch of ${host.id} than ${first}`;
  if (ids.length > 1 && !namedOnlyTogether(clarification, text, signals, index.byId))
    return {
      kind: 'clarify',
      entries: [...ids, host.id].map((id) => ({ id, score })),
      clarifyEntryId: host.id,
      reason,
    };
  const [picked = host.id, ...others] = ids;
  return {
    kind: 'answer',
    // The entries the words fitted stay behind it, for the record (and for "none of these").
    entries: [{ id: picked, score }, ...result.entries.filter(({ id }) => id !== picked && !others.includes(id))].slice(
      0,
      3,
    ),
    ...(others.length > 0 ? { otherBranches: others.map((id) => ({ id, score })) } : {}),
    reason,
  };
}

/**
 * Other problems in a long message: parts (sentences) that on their own are answered with confidence by an entry other
 * than `main` and outside its clarifying group. At most two, best first.
 */
function otherProblems(
  index: MatchIndex,
  text: string,
  query: readonly QueryTerm[],
  signals: Signals,
  policy: MatchPolicy,
  main: string,
  runs: RunTerms,
): ScoredEntry[] {
  const parts = text
    .split(
      /(?<=[.?!])\s+|(?<=[。？！])|\s+(?:also|and also|another (?:thing|question|issue)|btw|by the way|ps|あと|それと|また|別件|もう一つ|もうひとつ|ついでに)[,、]?\s+/u,
    )
    .filter((part) => part.length >= MIN_PART_CHARS);
  if (parts.length < 2) return [];
  const resolved = new Map<string, QueryTerm>();
  for (const term of query) resolved.set(term.term, term);
  const mainGroup = index.clarifications.find(({ group }) => group.has(main))?.group;
  const found = new Map<string, number>();
  for (const part of parts.sort((a, b) => b.length - a.length).slice(0, MAX_PARTS)) {
    const partQuery: QueryTerm[] = [];
    for (const { term, weight } of tokenize(part, index.options.bigramWeight, index.options.conceptWeight, runs))
      partQuery.push({ term, weight, matches: resolved.get(term)?.matches ?? NO_MATCHES });
    const evidence = weigh(index, partQuery, signals, policy);
    if (evidence.known === 0) continue;
    const decision = decide(featuresOf(index, evidence, signals, part.length), part.length);
    const id = index.entries[evidence.ranked[0] ?? 0]?.id ?? '';
    if (decision.answer < DECISION.long.answerThreshold || id === main || mainGroup?.has(id)) continue;
    found.set(id, Math.max(found.get(id) ?? 0, decision.answer));
  }
  return [...found]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([id, confidence]) => ({ id, score: round(confidence) }));
}
