import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { typeValue } from '../../src/parsing/facts.js';
import { splitMessage } from '../../src/parsing/split-message.js';
import { ROOT } from '../support/start-test-app.js';

// Every real paste the parsers are tested on (test/fixtures/pasted/README.md says where each comes from).
const DIR = join(ROOT, 'test/fixtures/pasted');
const PASTES = readdirSync(DIR)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => [file, readFileSync(join(DIR, file), 'utf8')] as const);

const AROUND = [
  ['ja', 'PC-TOKYO-0123 で確認した結果です。', 'これは何が問題でしょうか？次に何をすればいいですか。'],
  ['en', 'Here is what I got on the laptop:', 'What does this mean and what should I do next?'],
] as const;

describe('splitMessage', () => {
  it('has real pastes to split', () => {
    expect(PASTES.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(AROUND)('with %s words around a real paste', (_language, intro, question) => {
    it.each(PASTES)('keeps only the words of %s', (_file, paste) => {
      const split = splitMessage(`${intro}\n${paste}\n${question}`);
      expect(split.words).toBe(`${intro}\n${question}`);
      // Every line of the paste is in the output part (the first line of the message is the intro, not output).
      const pasted = paste.split(/\r?\n/u).filter((line) => line.trim() !== '');
      expect(split.output.split('\n').filter((line) => line.trim() !== '')).toHaveLength(pasted.length);
    });
  });

  it('keeps a paste with no words as output only', () => {
    const [, paste] = PASTES.find(([file]) => file.startsWith('get-mppreference'))!;
    expect(splitMessage(paste)).toEqual({
      output: paste
        .replace(/\r\n?/gu, '\n')
        .trim()
        .replace(/\n{2,}/gu, '\n\n'),
      words: '',
    });
  });

  it('keeps a message without output as words only', () => {
    const text =
      'I checked and MAPSReporting is 2, so the setting is fine.\nWhat is the command for the connection test?';
    expect(splitMessage(text)).toEqual({ output: '', words: text });
  });

  it('takes a reading written inside a sentence out of the words (it is a fact, not the question)', () => {
    const split = splitMessage(
      '教えてもらったコマンドで見たら IsTamperProtected : True / TamperProtectionSource : Intune でした。除外も守りたいです。',
    );
    expect(split.words).toBe('教えてもらったコマンドで見たら / でした。除外も守りたいです。');
  });

  it('reads a command on a line of its own as output, and a sentence that starts with one as words', () => {
    expect(splitMessage('Get-MpComputerStatus | select IsTamperProtected\nHow do I turn it off?').words).toBe(
      'How do I turn it off?',
    );
    expect(splitMessage('sc query sense\nIs it onboarded?').words).toBe('Is it onboarded?');
    expect(splitMessage('Get-MpComputerStatus on a test VM shows this. Why?').words).toBe(
      'Get-MpComputerStatus on a test VM shows this. Why?',
    );
    expect(splitMessage('netsh winhttp show proxy\nWhat next?').words).toBe('What next?');
  });

  it('keeps a table with its header and rows as output, and the sentence after a blank line as words', () => {
    const split = splitMessage(
      'IsTamperProtected TamperProtectionSource\n----------------- ----------------------\n             True ATP\n\nこの状態でオフにするには？',
    );
    expect(split.output).toBe(
      'IsTamperProtected TamperProtectionSource\n----------------- ----------------------\n             True ATP',
    );
    expect(split.words).toBe('この状態でオフにするには？');
  });
});

describe('values written in a sentence', () => {
  it.each([
    ['IsTamperProtected', 'True / TamperProtectionSource', true],
    ['TamperProtectionSource', 'Intune でした。除外も守りたい', 'Intune'],
    ['MAPSReporting', '2、設定は問題なさそう', 2],
    ['AMRunningMode', 'Passive Mode', 'Passive Mode'],
    ['AMProductVersion', '4.18.24090.11', '4.18.24090.11'],
  ] as const)('reads %s from "%s"', (name, raw, value) => {
    expect(typeValue(name, raw)).toBe(value);
  });
});
