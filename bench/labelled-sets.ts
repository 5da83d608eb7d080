/**
 * The labelled message sets and how they are scored, in one place. Loads every set into one shape: the authored
 * questions (test/fixtures/questions), the held-out authored questions (bench/holdout), the realistic long messages
 * (bench/realistic/{ja,en}/*.jsonl) and the real public posts (../shared/eval/real-dev.jsonl, when present); scores
 * what the matcher or the `npm run ask` contract made of them with one scorer.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Language } from '../src/i18n/language.js';
import type { MatchResult } from '../src/matching/match-question.js';

export interface LabelledMessage {
  /** Set name, e.g. `authored`, `realistic/in-scope`, `real-dev`. */
  readonly set: string;
  readonly text: string;
  readonly locale: string;
  /** Entry ids that answer it correctly, best first; empty: out of scope (the bot should say it has no answer). */
  readonly expect: readonly string[];
  /** The entry answered before this message (follow-ups). */
  readonly previous?: string;
  readonly style: string;
  /** Facts the pasted output in the message holds (mixed messages). */
  readonly facts?: Readonly<Record<string, unknown>>;
}

/** One line of an authored question file, with its file and the language the file name gives. */
export interface DevQuestion {
  readonly text: string;
  /** Entry id, or "none". */
  readonly expect: string;
  readonly kind: 'answer' | 'none' | 'greeting' | 'thanks' | 'help';
  readonly style: string;
  readonly file: string;
  readonly language: Language;
}

const lines = (file: string): Array<Record<string, unknown>> =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const localeOf = (language: unknown): string => (language === 'ja' ? 'ja-JP' : 'en-US');

/**
 * Reads every authored question file of `dir` (`{text, expect: id | "none", kind, style}` per line), in file name
 * order; a file name starting with `ja` is Japanese, any other English.
 */
export function loadDevSet(dir: string): DevQuestion[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      lines(join(dir, file)).map((line) => ({
        ...(line as unknown as Omit<DevQuestion, 'file' | 'language'>),
        file,
        language: file.startsWith('ja') ? 'ja' : 'en',
      })),
    );
}

/** The authored questions of `dir` as labelled messages; conversational lines are left out. */
function authored(dir: string, set: string): LabelledMessage[] {
  return loadDevSet(dir)
    .filter((question) => question.kind === 'answer' || question.kind === 'none')
    .map((question) => ({
      set,
      text: String(question.text),
      locale: localeOf(question.language),
      expect: question.kind === 'none' ? [] : [String(question.expect)],
      style: typeof question.style === 'string' ? question.style : '',
    }));
}

/** A realistic or real-post file (`{q, expect: [...], lang, previous?, style?, facts?}`). */
function posts(file: string, set: string): LabelledMessage[] {
  return lines(file).map((line) => ({
    set,
    text: String(line['q']),
    locale: localeOf(line['lang']),
    expect: Array.isArray(line['expect']) ? line['expect'].map(String) : [],
    style: typeof line['style'] === 'string' ? line['style'] : '',
    ...(typeof line['previous'] === 'string' ? { previous: line['previous'] } : {}),
    ...(typeof line['facts'] === 'object' && line['facts'] !== null
      ? { facts: line['facts'] as Record<string, unknown> }
      : {}),
  }));
}

/** The realistic set's files by name (in-scope, clarify, mixed-paste, followups, out-of-scope), both languages. */
export function realisticSets(root: string): LabelledMessage[] {
  const dir = join(root, 'bench/realistic');
  const names = [
    ...new Set(
      ['ja', 'en'].flatMap((language) => (existsSync(join(dir, language)) ? readdirSync(join(dir, language)) : [])),
    ),
  ]
    .filter((file) => file.endsWith('.jsonl'))
    .sort();
  return names.flatMap((file) =>
    ['ja', 'en'].flatMap((language) => {
      const path = join(dir, language, file);
      return existsSync(path) ? posts(path, `realistic/${file.replace('.jsonl', '')}`) : [];
    }),
  );
}

// A set written blind from the catalogue alone, kept out of training so it keeps measuring how the matcher does on
// messages nobody tuned it on (the first blind set, realistic/feedback, has been in training since the session after
// it was written).
const BLIND = new Set(['realistic/feedback2']);

/**
 * Every set. `train`: the sets the decision model may learn from (never the held-out authored set or the blind set);
 * `all`: those plus the held-out and blind sets, for reporting.
 */
export function loadLabelledSets(root: string, which: 'train' | 'all'): LabelledMessage[] {
  const realDev = join(root, '../shared/eval/real-dev.jsonl');
  return [
    ...authored(join(root, 'test/fixtures/questions'), 'authored'),
    ...(which === 'all' ? authored(join(root, 'bench/holdout'), 'authored-holdout') : []),
    ...realisticSets(root).filter((message) => which === 'all' || !BLIND.has(message.set)),
    ...(existsSync(realDev) ? posts(realDev, 'real-dev') : []),
  ];
}

/** What a result says, whoever produced it (the matcher, or the `npm run ask` contract). */
interface Outcome {
  readonly kind: string;
  /** Entry ids offered, best first. */
  readonly ids: readonly string[];
  /** The entry whose clarifying question was asked: asking it counts as answering right (the matcher's figures). */
  readonly clarifyEntryId?: string;
}

/** What a message should get: the entries that answer it (none: out of scope), or a conversational reply. */
interface Expected {
  readonly expect: readonly string[];
  readonly conversational?: string;
}

/** Outcome counts of a list of messages. */
export interface Counts {
  readonly inScope: number;
  /** kind answer with an expected entry first (or the expected entry's clarifying question asked). */
  readonly strict: number;
  /** right, or an expected entry in the top 3 of an answer, choices, clarifying question or diagnosis. */
  readonly helpful: number;
  /** kind answer with another entry. */
  readonly confidentWrong: number;
  /** Diagnoses (output with words around it) whose first entry is right: the question's answer comes first. */
  readonly diagnosisFirstRight: number;
  readonly diagnoses: number;
  readonly outOfScope: number;
  /** out-of-scope messages answered none. */
  readonly abstain: number;
  readonly conversational: number;
  /** conversational messages given their kind. */
  readonly conversationalRight: number;
}

const HELPFUL_KINDS = new Set(['answer', 'choices', 'clarify', 'diagnosis']);

/** The one scorer: runs `run` over `items` in order and counts the outcomes; the misses come back with their result. */
function score<T, R>(
  items: readonly T[],
  expected: (item: T) => Expected,
  run: (item: T) => R,
  outcomeOf: (result: R) => Outcome,
): Counts & { readonly failures: ReadonlyArray<{ readonly item: T; readonly result: R }> } {
  const counts = {
    inScope: 0,
    strict: 0,
    helpful: 0,
    confidentWrong: 0,
    diagnosisFirstRight: 0,
    diagnoses: 0,
    outOfScope: 0,
    abstain: 0,
    conversational: 0,
    conversationalRight: 0,
  };
  const failures: Array<{ item: T; result: R }> = [];
  for (const item of items) {
    const { expect, conversational } = expected(item);
    const result = run(item);
    const { kind, ids, clarifyEntryId } = outcomeOf(result);
    if (conversational !== undefined) {
      counts.conversational += 1;
      if (kind === conversational) counts.conversationalRight += 1;
      else failures.push({ item, result });
      continue;
    }
    if (expect.length === 0) {
      counts.outOfScope += 1;
      if (kind === 'none') counts.abstain += 1;
      else failures.push({ item, result });
      continue;
    }
    counts.inScope += 1;
    const right =
      (kind === 'answer' && expect.includes(ids[0] ?? '')) ||
      (kind === 'clarify' && clarifyEntryId !== undefined && expect.includes(clarifyEntryId));
    if (right) counts.strict += 1;
    if (kind === 'answer' && !right) counts.confidentWrong += 1;
    if (kind === 'diagnosis') {
      counts.diagnoses += 1;
      if (expect.includes(ids[0] ?? '')) counts.diagnosisFirstRight += 1;
    }
    if (right || (HELPFUL_KINDS.has(kind) && ids.slice(0, 3).some((id) => expect.includes(id)))) counts.helpful += 1;
    if (!right) failures.push({ item, result });
  }
  return { ...counts, failures };
}

/** Outcome counts of one set, scored as the held-out evaluation does (shared/eval/README.md). */
export interface SetScore extends Counts {
  readonly set: string;
  readonly failures: ReadonlyArray<{ readonly message: LabelledMessage; readonly result: AskResult }>;
}

/** The part of an `npm run ask` result scoring reads. */
export interface AskResult {
  readonly kind: string;
  readonly entries: ReadonlyArray<{ readonly id: string; readonly score: number }>;
  readonly reason?: string;
}

/**
 * Scores `messages` by set with `ask` (one `npm run ask` result per message). The contract's clarifying questions are
 * helpful at best, never right: the held-out evaluation counts only answers.
 */
export function scoreSets(
  messages: readonly LabelledMessage[],
  ask: (message: LabelledMessage) => AskResult,
): SetScore[] {
  const bySet = new Map<string, LabelledMessage[]>();
  for (const message of messages) bySet.set(message.set, [...(bySet.get(message.set) ?? []), message]);
  return [...bySet].map(([set, list]) => {
    const { failures, ...counts } = score(
      list,
      (message) => ({ expect: message.expect }),
      ask,
      (result) => ({ kind: result.kind, ids: result.entries.map((entry) => entry.id) }),
    );
    return { set, ...counts, failures: failures.map(({ item, result }) => ({ message: item, result })) };
  });
}

/** Matching accuracy over authored questions, with the misses. */
export interface Accuracy extends Counts {
  readonly failures: ReadonlyArray<{ readonly question: DevQuestion; readonly result: MatchResult }>;
}

/** Runs `match` over authored `questions` and counts the outcomes (asking the expected entry's question is right). */
export function measureAccuracy(
  questions: readonly DevQuestion[],
  match: (question: DevQuestion) => MatchResult,
): Accuracy {
  const { failures, ...counts } = score(
    questions,
    (question) =>
      question.kind === 'answer'
        ? { expect: [question.expect] }
        : question.kind === 'none'
          ? { expect: [] }
          : { expect: [], conversational: question.kind },
    match,
    (result) => ({
      kind: result.kind,
      ids: result.entries.map((entry) => entry.id),
      ...(result.clarifyEntryId === undefined ? {} : { clarifyEntryId: result.clarifyEntryId }),
    }),
  );
  return { ...counts, failures: failures.map(({ item, result }) => ({ question: item, result })) };
}

/** Percentage with one decimal. */
export const percent = (part: number, whole: number): string =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
