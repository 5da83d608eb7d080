/** Validates parsed knowledge files into a `KnowledgeBase`, collecting every problem with file and field path. */

import { hasJapanese, LANGUAGES, type Language } from '../i18n/language.js';
import { readClarification } from './validate-clarification.js';
import { readabilityProblems } from './check-readability.js';
import {
  CATEGORIES,
  SHELLS,
  WARNING_LEVELS,
  type KnowledgeBase,
  type KnowledgeCommand,
  type KnowledgeEntry,
  type KnowledgeLink,
  type KnowledgeWarning,
  type LocalizedEntry,
  OUT_OF_SCOPE_FILE,
  type OutOfScopeTopic,
} from './knowledge-entry.js';

/** One parsed file: its name (for messages) and its YAML data. */
export interface KnowledgeFile {
  readonly file: string;
  readonly data: unknown;
}

export interface ValidationPolicy {
  /** Ids that must exist (the catalogue); empty for fixtures. */
  readonly requiredIds: readonly string[];
  /** Fewest sample questions per language. */
  readonly minQuestions: number;
}

export const DEFAULT_POLICY: ValidationPolicy = Object.freeze({ requiredIds: [], minQuestions: 4 });

export interface ValidationResult {
  readonly knowledge: KnowledgeBase | undefined;
  readonly problems: readonly string[];
}

const ENTRY_FIELDS = [
  'id',
  'category',
  'related',
  'errorCodes',
  'eventIds',
  'properties',
  'commands',
  'clarify',
  'ja',
  'en',
] as const;
const LOCALIZED_FIELDS = ['title', 'short', 'answer', 'steps', 'warnings', 'links', 'questions', 'keywords'] as const;
const COMMAND_FIELDS = ['id', 'text', 'shell', 'admin', 'purpose'] as const;
const ID = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/u;
const ERROR_CODE = /^0x[0-9A-F]{8}$/u;
const PROPERTY = /^[A-Za-z][A-Za-z0-9]*$/u;
// A space after 、 or 。 is never right in Japanese; it is what a folded YAML block (>) leaves behind.
const FOLDED_JAPANESE = /[、。]\s/u;
const LEARN_HOST = 'learn.microsoft.com';
const LEARN_LOCALE: Readonly<Record<Language, string>> = { ja: '/ja-jp/', en: '/en-us/' };

type Problems = string[];

const EMPTY_LOCALIZED: LocalizedEntry = Object.freeze({
  title: '',
  short: '',
  answer: '',
  steps: [],
  warnings: [],
  links: [],
  questions: [],
  keywords: [],
});
type UnknownRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is UnknownRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Records problems for one file, each prefixed with the file and field path. */
export class FileChecker {
  constructor(
    private readonly file: string,
    private readonly problems: Problems,
  ) {}

  report(path: string, message: string): void {
    this.problems.push(`${this.file}: ${path}: ${message}`);
  }

  unknownFields(path: string, value: UnknownRecord, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key))
        this.report(path ? `${path}.${key}` : key, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  text(path: string, value: unknown): string {
    if (value === undefined || value === null) {
      this.report(path, 'missing');
      return '';
    }
    if (typeof value !== 'string') {
      this.report(path, `must be text, got ${typeof value} ${JSON.stringify(value)} (quote it in YAML)`);
      return '';
    }
    if (value.trim() === '') this.report(path, 'empty text');
    return value.trim();
  }

  list(path: string, value: unknown, required: boolean): unknown[] {
    if (value === undefined || value === null) {
      if (required) this.report(path, 'missing');
      return [];
    }
    if (!Array.isArray(value)) {
      this.report(path, 'must be a list');
      return [];
    }
    return value;
  }

  texts(path: string, value: unknown, required: boolean): string[] {
    return this.list(path, value, required).map((item, index) => this.text(`${path}[${index}]`, item));
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): T {
    const text = this.text(path, value);
    if (text !== '' && !allowed.includes(text as T)) this.report(path, `'${text}' is not one of ${allowed.join(', ')}`);
    return text as T;
  }
}

function readCommand(check: FileChecker, path: string, value: unknown): KnowledgeCommand | undefined {
  if (!isRecord(value)) {
    check.report(path, 'must be a mapping with id, text, shell, admin, purpose');
    return undefined;
  }
  check.unknownFields(path, value, COMMAND_FIELDS);
  const id = check.text(`${path}.id`, value['id']);
  if (id !== '' && !ID.test(id)) check.report(`${path}.id`, `'${id}' is not kebab-case`);
  const shell = check.oneOf(`${path}.shell`, value['shell'], SHELLS);
  if (typeof value['admin'] !== 'boolean') check.report(`${path}.admin`, 'must be true or false');
  const purpose = isRecord(value['purpose']) ? value['purpose'] : undefined;
  if (!purpose) check.report(`${path}.purpose`, 'must be a mapping with ja and en');
  else check.unknownFields(`${path}.purpose`, purpose, LANGUAGES);
  return {
    id,
    text: check.text(`${path}.text`, value['text']),
    shell,
    admin: value['admin'] === true,
    purpose: {
      ja: check.text(`${path}.purpose.ja`, purpose?.['ja']),
      en: check.text(`${path}.purpose.en`, purpose?.['en']),
    },
  };
}

function readLocalized(
  check: FileChecker,
  language: Language,
  value: unknown,
  policy: ValidationPolicy,
): LocalizedEntry | undefined {
  if (value === undefined) {
    check.report(language, `missing language: every entry needs both ja and en`);
    return undefined;
  }
  if (!isRecord(value)) {
    check.report(language, 'must be a mapping');
    return undefined;
  }
  check.unknownFields(language, value, LOCALIZED_FIELDS);
  const warnings: KnowledgeWarning[] = check
    .list(`${language}.warnings`, value['warnings'], false)
    .map((item, index) => {
      const path = `${language}.warnings[${index}]`;
      const warning = isRecord(item) ? item : {};
      if (!isRecord(item)) check.report(path, 'must be a mapping with level and text');
      else check.unknownFields(path, warning, ['level', 'text']);
      return {
        level: check.oneOf(`${path}.level`, warning['level'], WARNING_LEVELS),
        text: check.text(`${path}.text`, warning['text']),
      };
    });
  const links: KnowledgeLink[] = check.list(`${language}.links`, value['links'], true).map((item, index) => {
    const path = `${language}.links[${index}]`;
    const link = isRecord(item) ? item : {};
    if (!isRecord(item)) check.report(path, 'must be a mapping with title and url');
    else check.unknownFields(path, link, ['title', 'url']);
    const url = check.text(`${path}.url`, link['url']);
    checkUrl(check, `${path}.url`, url, language);
    return { title: check.text(`${path}.title`, link['title']), url };
  });
  const entry: LocalizedEntry = {
    title: check.text(`${language}.title`, value['title']),
    short: check.text(`${language}.short`, value['short']),
    answer: check.text(`${language}.answer`, value['answer']),
    steps: check.texts(`${language}.steps`, value['steps'], false),
    warnings,
    links,
    questions: check.texts(`${language}.questions`, value['questions'], true),
    keywords: check.texts(`${language}.keywords`, value['keywords'], true),
  };
  if (links.length === 0 && Array.isArray(value['links'])) check.report(`${language}.links`, 'needs at least one link');
  if (entry.keywords.length === 0 && Array.isArray(value['keywords']))
    check.report(`${language}.keywords`, 'needs at least one keyword');
  if (entry.questions.length < policy.minQuestions && Array.isArray(value['questions'])) {
    check.report(
      `${language}.questions`,
      `needs at least ${policy.minQuestions} sample questions, has ${entry.questions.length}`,
    );
  }
  if (language === 'ja') {
    for (const field of ['title', 'short', 'answer'] as const) {
      if (entry[field] !== '' && !hasJapanese(entry[field])) check.report(`ja.${field}`, 'has no Japanese text');
    }
    const prose: Array<[string, string]> = [
      ['ja.short', entry.short],
      ['ja.answer', entry.answer],
      ...entry.steps.map((step, index): [string, string] => [`ja.steps[${index}]`, step]),
      ...entry.warnings.map((warning, index): [string, string] => [`ja.warnings[${index}].text`, warning.text]),
    ];
    for (const [path, text] of prose)
      if (FOLDED_JAPANESE.test(text)) check.report(path, 'space after 、 or 。 (use a plain or | block, not >)');
  }
  return entry;
}

function checkUrl(check: FileChecker, path: string, url: string, language: Language): void {
  if (url === '') return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    check.report(path, `'${url}' is not a URL`);
    return;
  }
  if (parsed.protocol !== 'https:') check.report(path, `'${url}' is not https`);
  if (parsed.hostname === LEARN_HOST && !parsed.pathname.startsWith(LEARN_LOCALE[language])) {
    check.report(path, `Learn links in ${language} must use ${LEARN_LOCALE[language]}`);
  }
}

/** Checks that the two languages carry the same steps, warnings and commands' purposes. */
function checkParity(check: FileChecker, ja: LocalizedEntry, en: LocalizedEntry): void {
  if (ja.steps.length !== en.steps.length)
    check.report('steps', `ja has ${ja.steps.length} steps, en has ${en.steps.length}`);
  const levels = (entry: LocalizedEntry): string => entry.warnings.map((warning) => warning.level).join(',');
  if (levels(ja) !== levels(en)) check.report('warnings', `levels differ: ja [${levels(ja)}], en [${levels(en)}]`);
}

function readEntry(
  file: string,
  data: unknown,
  problems: Problems,
  policy: ValidationPolicy,
): KnowledgeEntry | undefined {
  const check = new FileChecker(file, problems);
  if (!isRecord(data)) {
    check.report('(top)', 'must be a mapping (one entry per file)');
    return undefined;
  }
  check.unknownFields('', data, ENTRY_FIELDS);
  const id = check.text('id', data['id']);
  const expectedId =
    file
      .replace(/\.ya?ml$/u, '')
      .split('/')
      .pop() ?? '';
  if (id !== '' && !ID.test(id)) check.report('id', `'${id}' is not kebab-case`);
  else if (id !== '' && id !== expectedId) check.report('id', `'${id}' does not match the file name '${expectedId}'`);

  const commands = check
    .list('commands', data['commands'], false)
    .map((item, index) => readCommand(check, `commands[${index}]`, item))
    .filter((command): command is KnowledgeCommand => command !== undefined);
  const commandIds = commands.map((command) => command.id);
  commandIds.forEach((commandId, index) => {
    if (commandId !== '' && commandIds.indexOf(commandId) !== index)
      check.report(`commands[${index}].id`, `duplicate command id '${commandId}'`);
  });

  const errorCodes = check.texts('errorCodes', data['errorCodes'], false);
  errorCodes.forEach((code, index) => {
    if (code !== '' && !ERROR_CODE.test(code))
      check.report(`errorCodes[${index}]`, `'${code}' is not 0x + 8 upper-case hex digits`);
  });
  const eventIds = check.list('eventIds', data['eventIds'], false).map((value, index) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
      check.report(`eventIds[${index}]`, `${JSON.stringify(value)} is not an event id (1-65535)`);
      return 0;
    }
    return value;
  });
  const properties = check.texts('properties', data['properties'], false);
  properties.forEach((name, index) => {
    if (name !== '' && !PROPERTY.test(name)) check.report(`properties[${index}]`, `'${name}' is not a property name`);
  });

  const clarify = data['clarify'] === undefined ? undefined : readClarification(check, data['clarify']);
  const ja = readLocalized(check, 'ja', data['ja'], policy);
  const en = readLocalized(check, 'en', data['en'], policy);
  if (ja && en) checkParity(check, ja, en);

  const entry: KnowledgeEntry = {
    id,
    category: check.oneOf('category', data['category'], CATEGORIES),
    related: check.texts('related', data['related'], true),
    errorCodes,
    eventIds,
    properties,
    commands,
    ...(clarify ? { clarify } : {}),
    // A missing language is already reported; the entry still counts so that related ids resolve.
    ja: ja ?? EMPTY_LOCALIZED,
    en: en ?? EMPTY_LOCALIZED,
  };
  if (ja && en) for (const [path, message] of readabilityProblems(entry)) check.report(path, message);
  return entry;
}

/** Reads knowledge/out-of-scope.yaml: `topics`, each with an id and phrases in both languages. */
function readOutOfScope(file: string, data: unknown, problems: Problems): OutOfScopeTopic[] {
  const check = new FileChecker(file, problems);
  if (!isRecord(data)) {
    check.report('(top)', 'must be a mapping with topics');
    return [];
  }
  check.unknownFields('', data, ['topics']);
  return check.list('topics', data['topics'], true).map((item, index) => {
    const path = `topics[${index}]`;
    const topic = isRecord(item) ? item : {};
    if (!isRecord(item)) check.report(path, 'must be a mapping with id, ja, en');
    else check.unknownFields(path, topic, ['id', 'ja', 'en']);
    const id = check.text(`${path}.id`, topic['id']);
    const phrases = (language: Language): string[] => {
      const list = check.texts(`${path}.${language}`, topic[language], true);
      if (list.length === 0 && Array.isArray(topic[language]))
        check.report(`${path}.${language}`, 'needs at least one phrase');
      return list;
    };
    return { id, phrases: { ja: phrases('ja'), en: phrases('en') } };
  });
}

/** Reports a value (error code, event id, property) claimed by more than one entry. */
function checkOwnership(
  entries: ReadonlyArray<{ file: string; entry: KnowledgeEntry }>,
  field: 'errorCodes' | 'eventIds' | 'properties',
  problems: Problems,
): void {
  const owners = new Map<string, string>();
  for (const { file, entry } of entries) {
    (entry[field] as ReadonlyArray<string | number>).forEach((value, index) => {
      const key = String(value).toLowerCase();
      const owner = owners.get(key);
      if (owner !== undefined && owner !== entry.id)
        problems.push(`${file}: ${field}[${index}]: ${String(value)} is already owned by '${owner}'`);
      else owners.set(key, entry.id);
    });
  }
}

/** Validates every file; `knowledge` is set only when there are no problems. */
export function validateKnowledge(
  files: readonly KnowledgeFile[],
  policy: ValidationPolicy = DEFAULT_POLICY,
): ValidationResult {
  const problems: Problems = [];
  const read: Array<{ file: string; entry: KnowledgeEntry }> = [];
  const fileOfId = new Map<string, string>();
  let outOfScope: OutOfScopeTopic[] = [];
  for (const { file, data } of files) {
    if (file === OUT_OF_SCOPE_FILE) {
      outOfScope = readOutOfScope(file, data, problems);
      continue;
    }
    const entry = readEntry(file, data, problems, policy);
    if (!entry || entry.id === '') continue;
    const first = fileOfId.get(entry.id);
    if (first !== undefined) {
      problems.push(`${file}: id: duplicate id '${entry.id}' (also in ${first})`);
      continue;
    }
    fileOfId.set(entry.id, file);
    read.push({ file, entry });
  }
  for (const { file, entry } of read) {
    entry.clarify?.options.forEach((option, index) => {
      if (option.entry !== '' && !fileOfId.has(option.entry))
        problems.push(`${file}: clarify.options[${index}].entry: no entry with id '${option.entry}'`);
    });
    entry.related.forEach((id, index) => {
      if (id === entry.id) problems.push(`${file}: related[${index}]: an entry cannot relate to itself`);
      else if (id !== '' && !fileOfId.has(id)) problems.push(`${file}: related[${index}]: no entry with id '${id}'`);
    });
  }
  checkOwnership(read, 'errorCodes', problems);
  checkOwnership(read, 'eventIds', problems);
  checkOwnership(read, 'properties', problems);
  for (const id of policy.requiredIds)
    if (!fileOfId.has(id)) problems.push(`${id}.yaml: missing: catalogue entry '${id}' does not exist`);
  if (read.length === 0) problems.push('knowledge: no entries found');

  if (problems.length > 0) return { knowledge: undefined, problems };
  const entries = read.map(({ entry }) => entry).sort((a, b) => a.id.localeCompare(b.id));
  return { knowledge: { entries, byId: new Map(entries.map((entry) => [entry.id, entry])), outOfScope }, problems };
}
