/**
 * Loads every labelled message set into one shape: the authored questions (test/fixtures/questions), the held-out
 * authored questions (bench/holdout), the realistic long messages (bench/realistic/{ja,en}/*.jsonl) and the real public
 * posts (../shared/eval/real-dev.jsonl, when present).
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

const lines = (file: string): Array<Record<string, unknown>> =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

const localeOf = (language: unknown): string => (language === 'ja' ? 'ja-JP' : 'en-US');

/** The authored question files (`{text, expect: id | "none", kind}`); conversational lines are left out. */
function authored(dir: string, set: string): LabelledMessage[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      lines(join(dir, file))
        .filter((line) => line['kind'] === 'answer' || line['kind'] === 'none')
        .map((line) => ({
          set,
          text: String(line['text']),
          locale: localeOf(file.startsWith('ja') ? 'ja' : 'en'),
          expect: line['kind'] === 'none' ? [] : [String(line['expect'])],
          style: typeof line['style'] === 'string' ? line['style'] : '',
        })),
    );
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

/**
 * Every set. `train`: the sets the decision model may learn from (never the held-out authored set);
 * `all`: those plus the held-out set, for reporting.
 */
export function loadLabelledSets(root: string, which: 'train' | 'all'): LabelledMessage[] {
  const realDev = join(root, '../shared/eval/real-dev.jsonl');
  return [
    ...authored(join(root, 'test/fixtures/questions'), 'authored'),
    ...(which === 'all' ? authored(join(root, 'bench/holdout'), 'authored-holdout') : []),
    ...realisticSets(root),
    ...(existsSync(realDev) ? posts(realDev, 'real-dev') : []),
  ];
}

/** Outcome counts of one set, scored as the held-out evaluation does (shared/eval/README.md). */
export interface SetScore {
  readonly set: string;
  readonly inScope: number;
  readonly strict: number;
  readonly helpful: number;
  readonly confidentWrong: number;
  /** Diagnoses (output with words around it) whose first entry is right: the question's answer comes first. */
  readonly diagnosisFirstRight: number;
  readonly diagnoses: number;
  readonly outOfScope: number;
  readonly abstain: number;
  readonly failures: ReadonlyArray<{ readonly message: LabelledMessage; readonly result: AskResult }>;
}

/** The part of an `npm run ask` result scoring reads. */
export interface AskResult {
  readonly kind: string;
  readonly entries: ReadonlyArray<{ readonly id: string; readonly score: number }>;
  readonly reason?: string;
}

const HELPFUL_KINDS = new Set(['answer', 'choices', 'clarify', 'diagnosis']);

/** Scores `messages` by set with `ask` (one `npm run ask` result per message). */
export function scoreSets(
  messages: readonly LabelledMessage[],
  ask: (message: LabelledMessage) => AskResult,
): SetScore[] {
  const bySet = new Map<string, LabelledMessage[]>();
  for (const message of messages) bySet.set(message.set, [...(bySet.get(message.set) ?? []), message]);
  return [...bySet].map(([set, list]) => {
    let strict = 0;
    let helpful = 0;
    let confidentWrong = 0;
    let abstain = 0;
    let diagnosisFirstRight = 0;
    let diagnoses = 0;
    const failures: Array<{ message: LabelledMessage; result: AskResult }> = [];
    for (const message of list) {
      const result = ask(message);
      const ids = result.entries.map((entry) => entry.id);
      if (message.expect.length === 0) {
        if (result.kind === 'none') abstain += 1;
        else failures.push({ message, result });
        continue;
      }
      const right = result.kind === 'answer' && message.expect.includes(ids[0] ?? '');
      if (right) strict += 1;
      if (result.kind === 'answer' && !right) confidentWrong += 1;
      if (result.kind === 'diagnosis') {
        diagnoses += 1;
        if (message.expect.includes(ids[0] ?? '')) diagnosisFirstRight += 1;
      }
      if (HELPFUL_KINDS.has(result.kind) && ids.slice(0, 3).some((id) => message.expect.includes(id))) helpful += 1;
      if (!right) failures.push({ message, result });
    }
    const inScope = list.filter((message) => message.expect.length > 0).length;
    return {
      set,
      inScope,
      strict,
      helpful,
      confidentWrong,
      diagnosisFirstRight,
      diagnoses,
      outOfScope: list.length - inScope,
      abstain,
      failures,
    };
  });
}
