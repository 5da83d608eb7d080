/**
 * The `npm run ask` result for one input (contract in ../shared/docs/design.md), shared by the console and the
 * benchmarks.
 */

import { readPaste, type PasteReading } from '../diagnosis/read-paste.js';
import { pasteLanguage, type Language } from '../i18n/language.js';
import type { MatchIndex } from '../matching/match-index.js';
import { diagnosisEntryIds, matchAroundPaste } from '../matching/match-around-paste.js';
import { matchQuestion, type MatchResult } from '../matching/match-question.js';

/** One input: the text, and optionally the Teams locale and the entry answered before it (a follow-up). */
export interface AskInput {
  readonly text: string;
  readonly locale?: string | undefined;
  readonly previous?: string | undefined;
}

/**
 * The result for pasted output: kind diagnosis with facts and findings; entries are what the question around the
 * output asks for (when it asks something), then the entries the findings point to, then the next check.
 */
function diagnosisContract(
  reading: PasteReading,
  language: Language,
  question: MatchResult | undefined,
): Record<string, unknown> {
  const asked = question?.entries.slice(0, question.kind === 'answer' ? 1 : 3) ?? [];
  const pointed = diagnosisEntryIds(reading.diagnosis).filter((id) => !asked.some((entry) => entry.id === id));
  return {
    kind: 'diagnosis',
    language,
    entries: [...asked, ...pointed.map((id) => ({ id, score: 1 }))],
    ...(question ? { question: { kind: question.kind, entries: question.entries, reason: question.reason } } : {}),
    findings: reading.diagnosis.findings,
    facts: reading.merged,
    formats: reading.formats,
    hints: reading.diagnosis.hints,
  };
}

/** The result for a question. */
function matchContract(result: MatchResult): Record<string, unknown> {
  return {
    kind: result.kind,
    language: result.language,
    entries: result.entries,
    findings: [],
    facts: {},
    ...(result.also ? { also: result.also } : {}),
    ...(result.otherBranches ? { otherBranches: result.otherBranches } : {}),
    ...(result.clarifyEntryId ? { clarify: result.clarifyEntryId } : {}),
    signals: result.signals,
    reason: result.reason,
    truncated: result.truncated,
  };
}

/** Answers one input the way the bot does: pasted output is diagnosed, anything else is matched. */
export function askOne(index: MatchIndex, input: AskInput): Record<string, unknown> {
  const reading = readPaste(input.text, undefined);
  if (reading) {
    const question = matchAroundPaste(index, {
      words: reading.words,
      diagnosis: reading.diagnosis,
      statedOnly: reading.statedOnly,
      locale: input.locale,
      previousEntryId: input.previous,
    });
    return diagnosisContract(reading, pasteLanguage(input.text, input.locale), question);
  }
  return matchContract(
    matchQuestion(index, { text: input.text, locale: input.locale, previousEntryId: input.previous }),
  );
}
