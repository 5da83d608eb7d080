/** Clarifying questions: when the knowledge splits on something the user knows, which options a message names. */

import type { Clarification, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { conceptTerms } from './concepts.js';
import type { Signals } from './extract-signals.js';
import { normalizeForMatching } from './normalize-text.js';

const LATIN = /^[a-z0-9]/u;
const ESCAPE = /[.*+?^${}()|[\]\\]/gu;

// "no Intune", "not in Intune", "isn't in Intune", "without MDE", "neither MDE nor Intune", "non-Intune" and the second
// of two negated ones ("not in Intune or MDE") before a phrase, and "Intune なし", "Intune は使っていない", "Intune は導入
// していません", "MDE には入ってない", "MDE にオンボードされてない" after it, say the option does not apply.
const NEGATED_BEFORE =
  /(?:(?:\bno|\bnot|\bisn'?t|\baren'?t|\bwasn'?t)(?:\s+(?:in|on|with|using|managed\s+by|enrolled\s+in|onboarded\s+to))?|\bwithout|\bnon|\bneither|\bnor|n't\s+(?:use|have)|(?:\bnot|\bisn'?t|\baren'?t|\bneither|\bwithout)\s+(?:(?:in|on|with|to)\s+)?[a-z0-9]+(?:\s+[a-z0-9]+)?\s+or)[\s-]+$/u;
const NEGATED_AFTER =
  /^\s*(?:(?:は|も|に|には|にも|では|を)\s*)?(?:なし|無し|ではない|じゃない|未|(?:使|入|登録し|管理し|導入し|され|し)(?:って|て)(?:い)?(?:ない|ません)|(?:され|し)ておらず|not\b)/u;

/** A phrase that names options, ready to search for: normalized, with its pattern and the options it names. */
interface Phrase {
  readonly phrase: string;
  readonly pattern: RegExp;
  readonly options: ReadonlySet<number>;
}

/**
 * Returns `text` with the first occurrence of `phrase` that is not negated blanked, or undefined when there is none
 * (Latin phrases as whole words).
 */
function cut(text: string, { phrase, pattern }: Phrase): string | undefined {
  // A quick test first: most phrases are not in the text at all.
  if (!text.includes(phrase)) return undefined;
  for (const match of text.matchAll(pattern)) {
    const at = match.index;
    const after = at + phrase.length;
    if (NEGATED_BEFORE.test(text.slice(Math.max(0, at - 30), at)) || NEGATED_AFTER.test(text.slice(after, after + 20)))
      continue;
    return `${text.slice(0, at)} ${text.slice(after)}`;
  }
  return undefined;
}

// The phrases of each clarification (with and without the reply words), longest first, made once per clarification.
const phraseCache = new WeakMap<Clarification, { readonly asked: Phrase[]; readonly reply: Phrase[] }>();

/** The phrases that name the options of `clarification`: match phrases and labels, with `asReply` the reply words. */
function phrasesOf(clarification: Clarification, asReply: boolean): readonly Phrase[] {
  let cached = phraseCache.get(clarification);
  if (!cached) {
    const build = (withReply: boolean): Phrase[] => {
      // One phrase may name several options ("intune" names both Intune options): every option of a phrase counts.
      const owners = new Map<string, Set<number>>();
      clarification.options.forEach((option, position) => {
        const phrases = [...option.match, option.label.ja, option.label.en, ...(withReply ? option.reply : [])];
        for (const phrase of phrases.map(normalizeForMatching).filter((normalized) => normalized !== ''))
          owners.set(phrase, (owners.get(phrase) ?? new Set()).add(position));
      });
      return [...owners]
        .sort(([a], [b]) => b.length - a.length)
        .map(([phrase, options]) => ({
          phrase,
          options,
          pattern: new RegExp(
            LATIN.test(phrase)
              ? `(?<![a-z0-9])${phrase.replace(ESCAPE, '\\$&')}(?![a-z0-9])`
              : phrase.replace(ESCAPE, '\\$&'),
            'gu',
          ),
        }));
    };
    cached = { asked: build(false), reply: build(true) };
    phraseCache.set(clarification, cached);
  }
  return asReply ? cached.reply : cached.asked;
}

/** The options a text names, and those of them it names on their own (by a code or a phrase of that option only). */
interface Naming {
  readonly named: ReadonlySet<number>;
  readonly alone: ReadonlySet<number>;
}

/**
 * Reads the options normalized `text` names: by an error code or event id the option's entry owns, or by a phrase
 * (match phrases and labels; with `asReply`, also the reply words). Longer phrases are taken first and consume their
 * words, so "no proxy" names the no-proxy option and not also the proxy one.
 */
function naming(
  clarification: Clarification,
  text: string,
  signals: Signals,
  entries: ReadonlyMap<string, KnowledgeEntry>,
  asReply: boolean,
): Naming {
  const named = new Set<number>();
  const alone = new Set<number>();
  clarification.options.forEach((option, position) => {
    const entry = entries.get(option.entry);
    if (
      entry &&
      (signals.errorCodes.some((code) => entry.errorCodes.includes(code)) ||
        signals.eventIds.some((id) => entry.eventIds.includes(id)))
    ) {
      named.add(position);
      alone.add(position);
    }
  });
  let rest = text;
  for (const phrase of phrasesOf(clarification, asReply)) {
    const remaining = cut(rest, phrase);
    if (remaining === undefined) continue;
    rest = remaining;
    for (const position of phrase.options) named.add(position);
    if (phrase.options.size === 1) for (const position of phrase.options) alone.add(position);
  }
  return { named, alone };
}

/** Returns the positions of the options that normalized `text` names (see `naming`), in the knowledge's order. */
export function namedOptions(
  clarification: Clarification,
  text: string,
  signals: Signals,
  entries: ReadonlyMap<string, KnowledgeEntry>,
  asReply = false,
): number[] {
  return [...naming(clarification, text, signals, entries, asReply).named].sort((a, b) => a - b);
}

/**
 * True when `text` names several options only through phrases that name them all at once ("intune" names both Intune
 * options): nothing in the message tells them apart, so the first listed (the knowledge's usual case) stands for them.
 */
export function namedOnlyTogether(
  clarification: Clarification,
  text: string,
  signals: Signals,
  entries: ReadonlyMap<string, KnowledgeEntry>,
): boolean {
  const { named, alone } = naming(clarification, text, signals, entries, false);
  return named.size > 1 && alone.size === 0;
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
