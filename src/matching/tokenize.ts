/**
 * Splits normalized text into weighted search terms: concepts, English words (stemmed), codes, Japanese words and
 * bigrams.
 */

import { conceptTerms } from './concepts.js';

/** One search term and how much it counts. */
export interface Term {
  readonly term: string;
  readonly weight: number;
}

// Words that carry no topic in support questions (English). Order does not matter. Tokens hold no apostrophe, so
// contractions arrive split ("isn't" → isn, t): their pieces are listed.
const ENGLISH_STOP = new Set(
  `a an the and or but if so of to in on at for from by with about as into onto than then this that these those it its
  i me my we our you your he she they them their is are was were be been being am do does did doing done have has had having
  can could should would will shall may might must need needs please pls plz thanks thank hi hello hey help
  what which who whom whose when where why how there here any some all each every no not cannot
  just also still very really quite too again now get got getting gets make makes made want wants wanted know tell show
  use used uses using
  anyone someone something anything way ways thing things one ok okay like via per vs etc e.g i.e im ive
  isn aren wasn weren doesn don didn hasn haven hadn couldn shouldn wouldn won t s ll re ve d m`.split(/\s+/u),
);

/** The English stop words (for tests that read text the plain way). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = ENGLISH_STOP;

// Japanese particles, auxiliaries and politeness that carry no topic. Matched against whole segments.
const JAPANESE_STOP = new Set(
  `は が を に で と の も へ や か ね よ な から まで より って て た だ です ます でした ました ません ませ でしょう でしょ
  ください 下さい たい した し する します され されて いる いるか いて いた ある あり あります なる なり なっ なって なら ない
  なく だけ こと もの ため できる できます できれば どんな どうか なのに ところ という といった 大丈夫 ちゃんと ほんと 本当 いい よい よろしい よう ので のに けど けれど けれども など について における に関して 教え 教えて いただけ いただけます
  お願い 願い いたします 致します 方法 やり方 どう どうすれ どうやって どのように ば れ られ せる させ ちゃ じゃ ん の?`.split(
    /\s+/u,
  ),
);

const KATAKANA = /^[\u30a0-\u30ffー]+$/u;
const HAS_JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;
const HIRAGANA_ONLY = /^[\u3040-\u309fー]+$/u;
const LATIN_TOKEN = /[a-z0-9][a-z0-9+._-]*[a-z0-9+]|[a-z0-9]/gu;

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

// Tried in this order: the first that fits is stripped.
const SUFFIXES = ['ations', 'ation', 'ings', 'ing', 'edly', 'ed', 'ies', 'es', 'ly', 's'];
const SEPARATOR = /[-._]/u;

/** Strips common English suffixes so enable/enabled/enabling meet. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/u.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length);
      return suffix === 'ies' ? `${base}y` : base;
    }
  }
  return word.endsWith('e') ? word.slice(0, -1) : word;
}

/** Adds English / code terms of one Latin run. */
function latinTerms(run: string, out: Term[]): void {
  // A token starts with [a-z0-9] and ends with [a-z0-9+] (LATIN_TOKEN): it has no separator to trim at either end.
  for (const token of run.match(LATIN_TOKEN) ?? []) {
    if (ENGLISH_STOP.has(token)) continue;
    const stemmed = stem(token);
    // "whats" and "thanks" stem to stop words.
    if (ENGLISH_STOP.has(stemmed)) continue;
    out.push({ term: stemmed, weight: 1 });
    // Cmdlets and file names also count by their parts (get-mpcomputerstatus → mpcomputerstatus, mpcmdrun.exe →
    // mpcmdrun).
    if (SEPARATOR.test(token)) {
      for (const part of token.split(/[-._]+/u))
        if (part.length > 1 && !ENGLISH_STOP.has(part)) out.push({ term: stem(part), weight: 0.5 });
    }
  }
}

/**
 * The words of Japanese runs (as tokenize splits text: only Japanese characters) as Intl.Segmenter finds them, with
 * katakana runs it splits (クラ|ウド) joined back together; one list per run, in order. All runs go to the segmenter
 * in one call, joined by line breaks (a word never spans a line break, and a segment() call costs as much as several
 * words); a run of one character, or of katakana only (which the join makes one word), is its own word without it.
 */
export function japaneseWords(runs: readonly string[]): string[][] {
  const words: string[][] = runs.map(() => []);
  let joined = '';
  for (let at = 0; at < runs.length; at += 1) {
    const run = runs[at] ?? '';
    if (run.length === 1 || KATAKANA.test(run)) (words[at] ?? []).push(run);
    else joined += `${run}\n`;
  }
  if (joined === '') return words;
  let at = 0;
  while ((words[at]?.length ?? 0) > 0) at += 1;
  let current = words[at] ?? [];
  let previousKatakana = false;
  for (const { segment } of segmenter.segment(joined)) {
    if (segment === '\n') {
      // The next run that was left to the segmenter.
      do at += 1;
      while (at < runs.length && (words[at]?.length ?? 0) > 0);
      current = words[at] ?? [];
      previousKatakana = false;
      continue;
    }
    const katakana = KATAKANA.test(segment);
    // Intl.Segmenter splits unknown katakana words (クラ|ウド); join runs back together.
    if (katakana && previousKatakana && current.length > 0) current[current.length - 1] += segment;
    else current.push(segment);
    previousKatakana = katakana;
  }
  return words;
}

/** Adds Japanese word terms (particles dropped) and character bigrams of content runs, given the run's words. */
function japaneseTerms(words: readonly string[], out: Term[], bigramWeight: number): void {
  let content = '';
  const flush = (): void => {
    if (bigramWeight > 0) {
      for (let index = 0; index + 2 <= content.length; index += 1)
        out.push({ term: content.slice(index, index + 2), weight: bigramWeight });
    }
    content = '';
  };
  for (const word of words) {
    const trimmed = word.trim();
    if (trimmed === '' || JAPANESE_STOP.has(trimmed) || (HIRAGANA_ONLY.test(trimmed) && trimmed.length === 1)) {
      flush();
      continue;
    }
    if (!HAS_JAPANESE.test(trimmed)) {
      flush();
      latinTerms(trimmed, out);
      continue;
    }
    out.push({ term: trimmed, weight: 1 });
    content += trimmed;
  }
  flush();
}

/** Weight of a concept term (see concepts.ts) relative to a word. */
export const DEFAULT_CONCEPT_WEIGHT = 3;

/** Weight of a Japanese character bigram relative to a whole word. */
export const DEFAULT_BIGRAM_WEIGHT = 0.35;

/**
 * Terms of the runs of text (see tokenize) one caller has tokenized, by run: one call of the matcher tokenizes the
 * sentences and parts of one message, which share their runs. Made per call and dropped with it.
 */
export type RunTerms = Map<string, readonly Term[]>;

// Japanese runs and the runs between them.
const RUN = /[\u3040-\u30ff\u4e00-\u9fff\u3005ー]+|[^\u3040-\u30ff\u4e00-\u9fff\u3005ー]+/gu;

/**
 * Returns the weighted terms of already-normalized text (see normalizeForMatching); `runs` keeps the terms of runs
 * tokenized before by the same caller with the same weights (a text's terms are its concepts, then its runs' terms).
 */
export function tokenize(
  normalized: string,
  bigramWeight = DEFAULT_BIGRAM_WEIGHT,
  conceptWeight = DEFAULT_CONCEPT_WEIGHT,
  runs: RunTerms = new Map(),
): Term[] {
  const out: Term[] =
    conceptWeight > 0 ? conceptTerms(normalized).map((term) => ({ term, weight: conceptWeight })) : [];
  // Split into Japanese and non-Japanese runs; each has its own rules.
  const all = normalized.match(RUN) ?? [];
  const japanese = new Set<string>();
  for (const run of all) if (!runs.has(run) && HAS_JAPANESE.test(run)) japanese.add(run);
  if (japanese.size > 0) {
    const words = japaneseWords([...japanese]);
    let at = 0;
    for (const run of japanese) {
      const terms: Term[] = [];
      japaneseTerms(words[at] ?? [], terms, bigramWeight);
      runs.set(run, terms);
      at += 1;
    }
  }
  for (const run of all) {
    let terms = runs.get(run);
    if (!terms) {
      const latin: Term[] = [];
      latinTerms(run, latin);
      runs.set(run, (terms = latin));
    }
    for (const term of terms) out.push(term);
  }
  return out;
}
