/**
 * The parts of query-likelihood scoring (match-question.ts) that depend only on the index and the smoothing policy,
 * not on the query: each entry's "term absent" log-ratio and, per term, what each of its postings adds. Computed once
 * per index and policy (a term's gains when it is first scored) with exactly the expressions score() used inline, so
 * every score is bit for bit what it was; a message then costs additions instead of two logarithms per posting.
 */

import type { MatchIndex } from './match-index.js';

/** What scoring one index term needs: its postings' entry positions and what each adds. */
export interface TermTable {
  /** Entry positions of the term's postings (index.postings order). */
  readonly positions: Int32Array;
  /**
   * Per posting: min(termCap, log((f + mu·p) / ((length + mu)·p))) minus the entry's absent log-ratio, where p is the
   * term's background probability.
   */
  readonly gains: Float64Array;
  /** The term's match of itself (quality 1), shared by every query that has the term. */
  readonly exact: ReadonlyArray<readonly [string, number]>;
}

export interface ScoreTables {
  /** Per entry position: log(mu / (length + mu)), the log-ratio of a known term the entry lacks. */
  readonly absent: Float64Array;
  /** The table of an index term; undefined for a term no entry has (it says nothing about which entry fits). */
  of(term: string): TermTable | undefined;
}

const tablesByIndex = new WeakMap<MatchIndex, Map<string, ScoreTables>>();

/**
 * Returns the score tables of `index` for smoothing `mu` and cap `termCap`, made on first use (a term's table when it
 * is first scored: only terms of the index have one, so they are bounded by its vocabulary).
 */
export function scoreTables(index: MatchIndex, mu: number, termCap: number): ScoreTables {
  let byPolicy = tablesByIndex.get(index);
  if (!byPolicy) tablesByIndex.set(index, (byPolicy = new Map<string, ScoreTables>()));
  const key = `${mu} ${termCap}`;
  const known = byPolicy.get(key);
  if (known) return known;
  const absent = new Float64Array(index.entries.length);
  for (let position = 0; position < absent.length; position += 1) {
    const length = index.entries[position]?.length ?? 0;
    absent[position] = Math.log(mu / (length + mu));
  }
  const byTerm = new Map<string, TermTable>();
  const tables: ScoreTables = {
    absent,
    of(term) {
      const table = byTerm.get(term);
      if (table) return table;
      const backgroundProbability = (index.background.get(term) ?? 0) / index.backgroundLength;
      if (backgroundProbability === 0) return undefined;
      const postings = index.postings.get(term) ?? [];
      const positions = new Int32Array(postings.length);
      const gains = new Float64Array(postings.length);
      for (let at = 0; at < postings.length; at += 1) {
        const [entryIndex, frequency] = postings[at] ?? [0, 0];
        const length = index.entries[entryIndex]?.length ?? 0;
        const present = Math.min(
          termCap,
          Math.log((frequency + mu * backgroundProbability) / ((length + mu) * backgroundProbability)),
        );
        positions[at] = entryIndex;
        gains[at] = present - Math.log(mu / (length + mu));
      }
      const made = { positions, gains, exact: Object.freeze([Object.freeze([term, 1] as const)]) };
      byTerm.set(term, made);
      return made;
    },
  };
  byPolicy.set(key, tables);
  return tables;
}
