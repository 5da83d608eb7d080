/**
 * The question around pasted output: helpdesk staff paste a few lines and ask what to do next. The words are matched
 * like any question, read with the entries the facts point to; "what next?" with nothing else to go on is answered
 * with the diagnosis's own next step.
 */

import type { Language } from '../i18n/language.js';
import type { Diagnosis } from '../diagnosis/diagnose.js';
import type { MatchIndex } from './match-index.js';
import { normalizeForMatching } from './normalize-text.js';
import { ASKS, matchQuestion, type MatchResult } from './match-question.js';

export interface AroundPaste {
  /** The user's words around the output (see splitMessage). */
  readonly words: string;
  readonly diagnosis: Diagnosis;
  /** True when the message has no output lines, only values stated in sentences: its words are a question anyway. */
  readonly statedOnly?: boolean | undefined;
  readonly locale?: string | undefined;
  /** The reply language the bot decided for the turn; without it the words' language is detected. */
  readonly language?: Language | undefined;
  readonly previousEntryId?: string | undefined;
}

// "What next?", "what should I do", "次は", "どうすれば": a question that asks for the next step and names nothing else.
const ASKS_NEXT_STEP =
  /\b(?:what(?:'s| is)? next|next step|what (?:should|do|can) (?:i|we) (?:do|check|look at|try)|what now|where do (?:i|we) go from here|how do (?:i|we) (?:fix|proceed))|次(?:に|は)?(?:何|なに|どう)|次の(?:手順|ステップ|確認)|何を(?:確認|調べ|見れ|すれば|したら)|どうすれば|どうしたら|どこを(?:見れ|確認)/iu;

/** Entries the diagnosis points to, most useful first: the findings' entries, then the next check. */
export function diagnosisEntryIds(diagnosis: Diagnosis): string[] {
  return [...new Set([...diagnosis.entries, ...(diagnosis.nextStep ? [diagnosis.nextStep] : [])])];
}

/**
 * Returns the match for the words around a paste, or undefined when they ask nothing the knowledge answers: no
 * sentence that asks and no error code or event id in words around output lines (an introduction such as "here is
 * the output" or "この結果です" is not a question), or words no entry knows.
 */
export function matchAroundPaste(index: MatchIndex, around: AroundPaste): MatchResult | undefined {
  const normalized = normalizeForMatching(around.words);
  const signals = index.extractSignals(normalized);
  // An error code or event id in the words is asked about too ("MAPSReporting は 2 でした。それでも 80508015 が出ます").
  if (!around.statedOnly && !ASKS.test(normalized) && signals.errorCodes.length + signals.eventIds.length === 0)
    return undefined;
  const { diagnosis } = around;
  const result = matchQuestion(index, {
    text: around.words,
    locale: around.locale,
    language: around.language,
    previousEntryId: around.previousEntryId,
    factEntryIds: diagnosis.entries,
  });
  // No "other problems" beside the answer: the words around output mostly describe the output ("見たら ... でした",
  // "MAPSReporting is 2, so the setting is fine"), and the diagnosis card already offers the entries behind it.
  if (result.kind === 'answer') {
    const { also: _described, ...answer } = result;
    return answer;
  }
  if (result.kind === 'clarify') return result;
  // "What next?" is answered by the output itself: its first problem, or the next check when all is well.
  const problem = diagnosis.findings.find((finding) => finding.severity !== 'info' && finding.entry)?.entry;
  const next = problem ?? diagnosis.nextStep;
  const offered = result.entries.map((entry) => entry.id);
  const settles =
    result.kind === 'none' || (result.kind === 'choices' && (problem !== undefined || offered.includes(next ?? '')));
  if (next && settles && ASKS_NEXT_STEP.test(around.words)) {
    return {
      ...result,
      kind: 'answer',
      entries: [{ id: next, score: 1 }],
      reason: `next step from the output (${result.reason})`,
    };
  }
  return result.kind === 'choices' ? result : undefined;
}
