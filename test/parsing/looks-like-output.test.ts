import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { looksLikeOutput } from '../../src/parsing/looks-like-output.js';
import { ROOT } from '../support/start-test-app.js';

const DIR = join(ROOT, 'test/fixtures/pasted');

// Get-MpThreatDetection output: list output of a command the parsers do not read.
const THREAT_DETECTION = `ActionSuccess                  : True
AdditionalActionsBitMask       : 0
AMProductVersion4              : 4.18.2111.5
CleaningActionID               : 2
CurrentThreatExecutionStatusID : 1
DetectionID                    : {00000000-0000-0000-0000-000000000000}
`;

describe('looksLikeOutput', () => {
  it('recognises every real paste as output, also with its line breaks dropped', () => {
    const files = readdirSync(DIR).filter((file) => file.endsWith('.txt'));
    const missed = files.filter((file) => {
      const text = readFileSync(join(DIR, file), 'utf8');
      return !looksLikeOutput(text) || !looksLikeOutput(text.replace(/\r?\n/gu, ''));
    });
    expect(missed).toEqual([]);
  });

  it('recognises list output of a command the parsers do not read', () => {
    expect(looksLikeOutput(THREAT_DETECTION)).toBe(true);
    expect(looksLikeOutput(THREAT_DETECTION.replace(/\n/gu, ' '))).toBe(true);
  });

  it('does not take questions that name commands, properties or error codes for output', () => {
    for (const question of [
      'What does Get-MpComputerStatus AMRunningMode mean?',
      'How do I run MpCmdRun.exe -ValidateMapsConnection as administrator?',
      'I get hr=0x80070005 when testing the connection',
      'MAPSReporting は 0 でした。どうすればよいですか？',
      'sc query sense で何がわかりますか',
      'Note: tamper protection is on. Question: why can I not change it?',
    ]) {
      expect(looksLikeOutput(question), question).toBe(false);
    }
  });
});
