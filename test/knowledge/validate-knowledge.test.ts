import { mkdtempSync, copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { KnowledgeError, loadKnowledge, parseKnowledgeFiles } from '../../src/knowledge/load-knowledge.js';
import { validateKnowledge } from '../../src/knowledge/validate-knowledge.js';
import { ROOT } from '../support/start-test-app.js';

const FIXTURES = join(ROOT, 'test/fixtures/knowledge');
const read = (dir: string, file: string): { file: string; text: string } => ({
  file,
  text: readFileSync(join(FIXTURES, dir, file), 'utf8'),
});
const VALID = readdirSync(join(FIXTURES, 'valid')).map((file) => read('valid', file));

/** Returns every problem reported for the valid fixtures plus `extra` files. */
function problemsWith(...extra: Array<{ file: string; text: string }>): string[] {
  const parsed = parseKnowledgeFiles([...VALID, ...extra]);
  return [...parsed.problems, ...validateKnowledge(parsed.files).problems];
}

describe('validateKnowledge on the valid fixtures', () => {
  it('loads them with no problems', () => {
    const knowledge = loadKnowledge(join(FIXTURES, 'valid'));
    expect(knowledge.entries.map((entry) => entry.id)).toEqual(['alpha', 'beta']);
    expect(knowledge.byId.get('alpha')?.commands[0]).toEqual({
      id: 'show-maps',
      text: '(Get-MpPreference).MAPSReporting',
      shell: 'powershell',
      admin: false,
      purpose: { ja: 'クラウド保護の設定値を表示します。', en: 'Shows the cloud protection setting.' },
    });
    expect(knowledge.byId.get('beta')?.ja.steps).toEqual([]);
  });
});

describe('validateKnowledge on invalid fixtures (one per rule)', () => {
  it.each([
    ['unknown-field', 'unknown-field.yaml: colour: unknown field'],
    ['unknown-nested-field', 'unknown-nested-field.yaml: en.summary: unknown field'],
    ['missing-language', 'missing-language.yaml: en: missing language'],
    ['empty-text', 'empty-text.yaml: ja.answer: empty text'],
    ['unknown-related', "unknown-related.yaml: related[1]: no entry with id 'nope'"],
    [
      'not-https',
      "not-https.yaml: en.links[0].url: 'http://jp-sec.github.io/blog/Endpoint-MDAV-2025-11-07/' is not https",
    ],
    ['wrong-learn-locale', 'wrong-learn-locale.yaml: ja.links[0].url: Learn links in ja must use /ja-jp/'],
    ['unknown-shell', "unknown-shell.yaml: commands[0].shell: 'bash' is not one of cmd, powershell"],
    ['bad-error-code', "bad-error-code.yaml: errorCodes[0]: '0x8007005' is not 0x + 8 upper-case hex digits"],
    ['error-code-owned-twice', "error-code-owned-twice.yaml: errorCodes[0]: 0x80070005 is already owned by 'alpha'"],
    ['numeric-keyword', 'numeric-keyword.yaml: en.keywords[1]: must be text, got number 5013 (quote it in YAML)'],
    ['steps-differ', 'steps-differ.yaml: steps: ja has 0 steps, en has 1'],
    ['folded-japanese', 'folded-japanese.yaml: ja.answer: space after 、 or 。'],
    ['too-few-questions', 'too-few-questions.yaml: en.questions: needs at least 4 sample questions, has 1'],
    ['bad-category', "bad-category.yaml: category: 'misc' is not one of"],
    ['id-not-file-name', "id-not-file-name.yaml: id: 'gamma' does not match the file name 'id-not-file-name'"],
    ['yaml-syntax', 'yaml-syntax.yaml: line 6: YAML: Flow sequence'],
    ['no-japanese', 'no-japanese.yaml: ja.title: has no Japanese text'],
    ['missing-short', 'missing-short.yaml: en.short: missing'],
    ['short-too-long', 'short-too-long.yaml: ja.short: 210 characters; the short answer has at most 200'],
    ['short-has-command', 'short-has-command.yaml: en.short: reads like a command or registry path'],
    ['angle-placeholder', "angle-placeholder.yaml: en.answer: placeholder '<proxy>' in angle brackets"],
    ['clarify-unknown-entry', "clarify-unknown-entry.yaml: clarify.options[1].entry: no entry with id 'nope'"],
    ['clarify-unknown-concept', "clarify-unknown-concept.yaml: clarify.when[1]: 'sometimes' is not a concept id"],
    ['clarify-one-option', 'clarify-one-option.yaml: clarify.options: needs 2 to 7 options, has 1'],
    ['clarify-long-label', 'clarify-long-label.yaml: clarify.options[0].en: label longer than 40 characters'],
    ['clarify-long-label', 'clarify-long-label.yaml: clarify.options[1].colour: unknown field'],
  ])('reports %s with file and field', (name, expected) => {
    const problems = problemsWith(read('invalid', `${name}.yaml`));
    expect(
      problems.some((problem) => problem.startsWith(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reads a clarifying question with its options, condition and reply words', () => {
    const text = read('invalid', 'clarify-unknown-entry.yaml')
      .text.replace('entry: nope', 'entry: beta\n      match: [the second]\n      reply: [no]')
      .replace('\n  ja: どちらですか?', '\n  when: [cannot]\n  ja: どちらですか?');
    const parsed = parseKnowledgeFiles([...VALID, { file: 'clarify-unknown-entry.yaml', text }]);
    const result = validateKnowledge(parsed.files);
    expect(result.problems).toEqual([]);
    expect(result.knowledge?.byId.get('clarify-unknown-entry')?.clarify).toEqual({
      when: ['cannot'],
      question: { ja: 'どちらですか?', en: 'Which one?' },
      options: [
        { entry: 'alpha', label: { ja: 'アルファ', en: 'Alpha' }, match: [], reply: [] },
        { entry: 'beta', label: { ja: 'ない', en: 'None' }, match: ['the second'], reply: ['no'] },
      ],
      whenNamed: 'branch',
    });
  });

  it('reports a duplicate id with both files', () => {
    const copy = { file: 'alpha.yml', text: VALID.find((item) => item.file === 'alpha.yaml')!.text };
    expect(problemsWith(copy)).toContain("alpha.yml: id: duplicate id 'alpha' (also in alpha.yaml)");
  });

  it('reports duplicate YAML keys', () => {
    const text = VALID.find((item) => item.file === 'beta.yaml')!.text.replace(
      'category: other',
      'category: other\ncategory: other',
    );
    expect(problemsWith({ file: 'beta.yaml', text }).join('\n')).toMatch(/beta\.yaml: line \d+: YAML: .*unique/iu);
  });

  it('reports catalogue ids that have no entry', () => {
    const parsed = parseKnowledgeFiles(VALID);
    const result = validateKnowledge(parsed.files, { requiredIds: ['alpha', 'slow-first-launch'], minQuestions: 4 });
    expect(result.problems).toEqual([
      "slow-first-launch.yaml: missing: catalogue entry 'slow-first-launch' does not exist",
    ]);
    expect(result.knowledge).toBeUndefined();
  });

  it('lists every problem of a folder in one start-up error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    for (const { file } of VALID) copyFileSync(join(FIXTURES, 'valid', file), join(dir, file));
    for (const name of ['unknown-shell', 'empty-text'])
      copyFileSync(join(FIXTURES, 'invalid', `${name}.yaml`), join(dir, `${name}.yaml`));
    const error = (() => {
      try {
        loadKnowledge(dir);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(KnowledgeError);
    const message = (error as KnowledgeError).message;
    expect(message).toMatch(/^knowledge: 2 problem\(s\):/u);
    expect(message).toContain('empty-text.yaml: ja.answer: empty text');
    expect(message).toContain("unknown-shell.yaml: commands[0].shell: 'bash'");
  });

  it('reports a missing folder plainly', () => {
    expect(() => loadKnowledge('/nonexistent/knowledge')).toThrow(/cannot read the knowledge folder \(ENOENT\)/u);
  });
});
