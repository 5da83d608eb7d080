/** Clarifying questions: when the knowledge splits on something the user knows, which options a message names. */

import type { Clarification, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { conceptTerms } from './concepts.js';
import type { Signals } from './extract-signals.js';
import { normalizeForMatching } from './normalize-text.js';

const LATIN = /^[a-z0-9]/u;
const ESCAPE = /[.*+?^${}()|[\]\\]/gu;

// "no Intune", "not in Intune", "without MDE", "non-Intune" before a phrase, and "Intune なし", "Intune は使っていない",
// "MDE には入ってない" after it, say the option does not apply.
const NEGATED_BEFORE =
  /(?:\bno|\bnot(?:\s+(?:in|on|with|using|managed\s+by|enrolled\s+in))?|\bwithout|\bnon|n't\s+(?:use|have))[\s-]+$/u;
const NEGATED_AFTER =
  /^\s*(?:(?:は|も|に|には|にも|では|を)\s*)?(?:なし|無し|ではない|じゃない|未|(?:使|入|登録し|管理し|導入し)(?:って|て)(?:い)?ない|not\b)/u;

/**
 * Returns `text` with the first occurrence of normalized `phrase` that is not negated blanked, or undefined when there
 * is none (Latin phrases as whole words).
 */
function cut(text: string, phrase: string): string | undefined {
  if (phrase === '') return undefined;
  const pattern = new RegExp(
    LATIN.test(phrase) ? `(?<![a-z0-9])${phrase.replace(ESCAPE, '\\$&')}(?![a-z0-9])` : phrase.replace(ESCAPE, '\\$&'),
    'gu',
  );
  for (const match of text.matchAll(pattern)) {
    const at = match.index;
    const after = at + phrase.length;
    if (NEGATED_BEFORE.test(text.slice(Math.max(0, at - 30), at)) || NEGATED_AFTER.test(text.slice(after, after + 20)))
      continue;
    return `${text.slice(0, at)} ${text.slice(after)}`;
  }
  return undefined;
}

/**
 * Returns the positions of the options that normalized `text` names: by an error code or event id the option's entry
 * owns, or by a phrase (match phrases and labels; with `asReply`, also the reply words). Longer phrases are taken first
 * and consume their words, so "no proxy" names the no-proxy option and not also the proxy one.
 */
export function namedOptions(
  clarification: Clarification,
  text: string,
  signals: Signals,
  entries: ReadonlyMap<string, KnowledgeEntry>,
  asReply = false,
): number[] {
  const named = new Set<number>();
  clarification.options.forEach((option, position) => {
    const entry = entries.get(option.entry);
    if (
      entry &&
      (signals.errorCodes.some((code) => entry.errorCodes.includes(code)) ||
        signals.eventIds.some((id) => entry.eventIds.includes(id)))
    )
      named.add(position);
  });
  // One phrase may name several options ("intune" names both Intune options): every option of a phrase counts.
  const owners = new Map<string, Set<number>>();
  clarification.options.forEach((option, position) => {
    for (const phrase of [...option.match, option.label.ja, option.label.en, ...(asReply ? option.reply : [])].map(
      normalizeForMatching,
    )) {
      owners.set(phrase, (owners.get(phrase) ?? new Set()).add(position));
    }
  });
  let rest = text;
  for (const phrase of [...owners.keys()].sort((a, b) => b.length - a.length)) {
    const remaining = cut(rest, phrase);
    if (remaining === undefined) continue;
    rest = remaining;
    for (const position of owners.get(phrase) ?? []) named.add(position);
  }
  return [...named].sort((a, b) => a - b);
}

/**
 * True when the question of `clarification` may be asked for normalized `text`: one of its concepts is named and no
 * error code is.
 */
export function clarificationApplies(clarification: Clarification, text: string, signals: Signals): boolean {
  // An error code is the most specific thing a user can say; the matcher routes it without asking.
  if (signals.errorCodes.length > 0) return false;
  if (clarification.when.length === 0) return true;
  const concepts = conceptTerms(text);
  return clarification.when.some((id) => concepts.includes(`~${id}`));
}

/**
 * Returns the options a typed reply picks: by number ("2", "(2)") or by what it names (several when it is ambiguous).
 */
export function pickedOptions(
  clarification: Clarification,
  text: string,
  signals: Signals,
  entries: ReadonlyMap<string, KnowledgeEntry>,
): number[] {
  const number = /^\s*\(?\s*(\d)\s*[.)]?\s*$/u.exec(text);
  if (number) {
    const position = Number(number[1]) - 1;
    return position >= 0 && position < clarification.options.length ? [position] : [];
  }
  return namedOptions(clarification, text, signals, entries, true);
}
