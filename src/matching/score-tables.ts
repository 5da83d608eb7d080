/**
 * The parts of query-likelihood scoring (match-question.ts) that depend only on the index and the smoothing policy,
 * not on the query: each entry's "term absent" log-ratio and, per term, what each of its postings adds. Computed once
 * per index and policy (a term's gains when it is first scored) with exactly the expressions score() used inline, so
 * every score is bit for bit what it was; a message then costs additions instead of two logarithms per posting.
 */

import type { MatchIndex } from './match-index.js';

export interface ScoreTables {
  /** Per entry position: log(mu / (length + mu)), the log-ratio of a known term the entry lacks. */
  readonly absent: Float64Array;
  /**
   * Per posting of `term` (in index.postings order): min(termCap, log((f + mu·p) / ((length + mu)·p))) minus the
   * entry's absent log-ratio; `backgroundProbability` is the term's p (the same for every call with that term).
   */
  gains(term: string, backgroundProbability: number): Float64Array;
}

const tablesByIndex = new WeakMap<MatchIndex, Map<string, ScoreTables>>();

/** Returns the score tables of `index` for smoothing `mu` and cap `termCap`, made on first use. */
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
  const byTerm = new Map<string, Float64Array>();
  const tables: ScoreTables = {
    absent,
    gains(term, backgroundProbability) {
      let gains = byTerm.get(term);
      if (gains) return gains;
      const postings = index.postings.get(term) ?? [];
      gains = new Float64Array(postings.length);
      for (let at = 0; at < postings.length; at += 1) {
        const [entryIndex, frequency] = postings[at] ?? [0, 0];
        const length = index.entries[entryIndex]?.length ?? 0;
        const present = Math.min(
          termCap,
          Math.log((frequency + mu * backgroundProbability) / ((length + mu) * backgroundProbability)),
        );
        gains[at] = present - Math.log(mu / (length + mu));
      }
      byTerm.set(term, gains);
      return gains;
    },
  };
  byPolicy.set(key, tables);
  return tables;
}
