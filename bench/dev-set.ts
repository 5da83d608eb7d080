/** Loads the development set (test/fixtures/questions/*.jsonl) and measures matching accuracy over it. */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Language } from '../src/i18n/language.js';
import type { MatchResult } from '../src/matching/match-question.js';

export interface DevQuestion {
  readonly text: string;
  /** Entry id, or "none". */
  readonly expect: string;
  readonly kind: 'answer' | 'none' | 'greeting' | 'thanks' | 'help';
  readonly style: string;
  readonly file: string;
  readonly language: Language;
}

export interface Accuracy {
  readonly inScope: number;
  /** kind answer with the expected entry first. */
  readonly strict: number;
  /** expected entry in the top 3 of an answer or choices. */
  readonly helpful: number;
  /** kind answer with another entry. */
  readonly confidentWrong: number;
  readonly outOfScope: number;
  /** out-of-scope questions answered none. */
  readonly abstain: number;
  readonly conversational: number;
  /** conversational messages given their kind. */
  readonly conversationalRight: number;
  readonly failures: ReadonlyArray<{ readonly question: DevQuestion; readonly result: MatchResult }>;
}

/** Reads every .jsonl file of `dir`; the file name (ja/en) is the language. */
export function loadDevSet(dir: string): DevQuestion[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => ({
          ...(JSON.parse(line) as Omit<DevQuestion, 'file' | 'language'>),
          file,
          language: file.startsWith('ja') ? 'ja' : 'en',
        })),
    );
}

/** Runs `match` over `questions` and counts the outcomes. */
export function measureAccuracy(questions: readonly DevQuestion[], match: (text: string) => MatchResult): Accuracy {
  let strict = 0;
  let helpful = 0;
  let confidentWrong = 0;
  let abstain = 0;
  let conversationalRight = 0;
  const failures: Array<{ question: DevQuestion; result: MatchResult }> = [];
  for (const question of questions) {
    const result = match(question.text);
    const ids = result.entries.map((entry) => entry.id);
    if (question.kind === 'answer') {
      // An entry that asks a clarifying question first (knowledge `clarify`) is answered right when it asks it.
      const right =
        (result.kind === 'answer' && ids[0] === question.expect) ||
        (result.kind === 'clarify' && result.clarifyEntryId === question.expect);
      if (right) strict += 1;
      if (
        right ||
        ((result.kind === 'answer' || result.kind === 'choices' || result.kind === 'clarify') &&
          ids.slice(0, 3).includes(question.expect))
      )
        helpful += 1;
      if (result.kind === 'answer' && ids[0] !== question.expect) confidentWrong += 1;
      if (!right) failures.push({ question, result });
    } else if (question.kind === 'none') {
      if (result.kind === 'none') abstain += 1;
      else failures.push({ question, result });
    } else if (result.kind === question.kind) conversationalRight += 1;
    else failures.push({ question, result });
  }
  const count = (kind: (question: DevQuestion) => boolean): number => questions.filter(kind).length;
  return {
    inScope: count((question) => question.kind === 'answer'),
    strict,
    helpful,
    confidentWrong,
    outOfScope: count((question) => question.kind === 'none'),
    abstain,
    conversational: count((question) => question.kind !== 'answer' && question.kind !== 'none'),
    conversationalRight,
    failures,
  };
}

/** Percentage with one decimal. */
export const percent = (part: number, whole: number): string =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
