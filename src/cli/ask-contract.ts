/**
 * The `npm run ask` result for one input (contract in ../shared/docs/design.md), shared by the console and the
 * benchmarks.
 */

import { readPaste, type PasteReading } from '../diagnosis/read-paste.js';
import { pasteLanguage, type Language } from '../i18n/language.js';
import type { MatchIndex } from '../matching/match-index.js';
import { matchQuestion, type MatchResult } from '../matching/match-question.js';

/** One input: the text, and optionally the Teams locale and the entry answered before it (a follow-up). */
export interface AskInput {
  readonly text: string;
  readonly locale?: string | undefined;
  readonly previous?: string | undefined;
}

/** The result for pasted output: kind diagnosis with facts, findings and entries. */
function diagnosisContract(reading: PasteReading, language: Language): Record<string, unknown> {
  return {
    kind: 'diagnosis',
    language,
    entries: reading.diagnosis.entries.map((id) => ({ id, score: 1 })),
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
    ...(result.clarifyEntryId ? { clarify: result.clarifyEntryId } : {}),
    signals: result.signals,
    reason: result.reason,
    truncated: result.truncated,
  };
}

/** Answers one input the way the bot does: pasted output is diagnosed, anything else is matched. */
export function askOne(index: MatchIndex, input: AskInput): Record<string, unknown> {
  const reading = readPaste(input.text, undefined);
  if (reading) return diagnosisContract(reading, pasteLanguage(input.text, input.locale));
  return matchContract(matchQuestion(index, { text: input.text, locale: input.locale, previousEntryId: input.previous }));
}
