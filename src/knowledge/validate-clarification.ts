/** Validates an entry's `clarify` block: the question asked when the knowledge splits on something the user knows. */

import { LANGUAGES, type Language } from '../i18n/language.js';
import { CONCEPT_IDS } from '../matching/concepts.js';
import type { Clarification, ClarifyOption } from './knowledge-entry.js';
import type { FileChecker } from './validate-knowledge.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Buttons beyond this do not fit a Teams card on a phone, and a longer list is a topic list, not a question.
const MAX_OPTIONS = 7;
// A button title longer than this is cut by Teams.
const MAX_LABEL = 40;

function readOption(check: FileChecker, path: string, value: unknown): ClarifyOption {
  const option = isRecord(value) ? value : {};
  if (!isRecord(value)) check.report(path, 'must be a mapping with entry, ja, en and optional match and reply');
  else check.unknownFields(path, option, ['entry', ...LANGUAGES, 'match', 'reply']);
  const label = (language: Language): string => {
    const text = check.text(`${path}.${language}`, option[language]);
    if (text.length > MAX_LABEL)
      check.report(`${path}.${language}`, `label longer than ${MAX_LABEL} characters (it is a button title)`);
    return text;
  };
  return {
    entry: check.text(`${path}.entry`, option['entry']),
    label: { ja: label('ja'), en: label('en') },
    match: check.texts(`${path}.match`, option['match'], false),
    reply: check.texts(`${path}.reply`, option['reply'], false),
  };
}

/**
 * Reads `clarify: { when?, whenNamed?, ja, en, options: [{ entry, ja, en, match?, reply? }] }`; option entry ids are
 * checked by the caller.
 */
export function readClarification(check: FileChecker, value: unknown): Clarification | undefined {
  if (!isRecord(value)) {
    check.report('clarify', 'must be a mapping with ja, en and options');
    return undefined;
  }
  check.unknownFields('clarify', value, ['when', 'whenNamed', ...LANGUAGES, 'options']);
  const whenNamed =
    value['whenNamed'] === undefined
      ? 'branch'
      : check.oneOf('clarify.whenNamed', value['whenNamed'], ['branch', 'keep'] as const);
  const when = check.texts('clarify.when', value['when'], false);
  when.forEach((id, index) => {
    if (id !== '' && !CONCEPT_IDS.includes(id))
      check.report(`clarify.when[${index}]`, `'${id}' is not a concept id (see src/matching/concepts.ts)`);
  });
  const options = check
    .list('clarify.options', value['options'], true)
    .map((item, index) => readOption(check, `clarify.options[${index}]`, item));
  if (Array.isArray(value['options']) && (options.length < 2 || options.length > MAX_OPTIONS)) {
    check.report('clarify.options', `needs 2 to ${MAX_OPTIONS} options, has ${options.length}`);
  }
  return {
    when,
    question: { ja: check.text('clarify.ja', value['ja']), en: check.text('clarify.en', value['en']) },
    options,
    whenNamed,
  };
}
