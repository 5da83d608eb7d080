import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { loadLabelledSets } from '../../bench/labelled-sets.js';
import { readPaste } from '../../src/diagnosis/read-paste.js';
import { chooseMessageText } from '../../src/matching/normalize-text.js';
import { holdsNeedsOf, mayHoldOutput, PASTE_PARSERS, parsePreparedPaste } from '../../src/parsing/parse-paste.js';
import { preparePaste } from '../../src/parsing/prepare-paste.js';
import { ROOT } from '../support/start-test-app.js';

// Every pasted fixture (the shared folder's too, when it is beside the repository) and every labelled message.
const fixtures = [join(ROOT, 'test/fixtures/pasted'), join(ROOT, '../shared/fixtures/pasted')]
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.txt'))
      .map((file) => readFileSync(join(dir, file), 'utf8')),
  );
const messages = loadLabelledSets(ROOT, 'all').map((message) => message.text);

// What clients do to pasted text: lines joined, numbered, quoted, upper- or lower-cased, HTML-escaped.
const variants = (text: string): string[] => [
  text,
  text.replace(/\s*\n\s*/gu, ' '),
  text.replace(/\n/gu, ''),
  text
    .split('\n')
    .map((line, index) => `${index + 1} ${line}`)
    .join('\n'),
  text.replace(/^/gmu, '> '),
  text.toUpperCase(),
  text.toLowerCase(),
  `<p>${text.replace(/_/gu, '&#95;').replace(/\n/gu, '<br>')}</p>`,
];

/** Fails for a parser that reads something in `text` although the message holds none of its needs. */
function expectNeedsHeld(text: string): void {
  const prepared = preparePaste(text);
  for (const parser of PASTE_PARSERS) {
    if (parser.parse(prepared) !== undefined)
      expect({ parser: parser.id, held: holdsNeedsOf(parser, text) }).toEqual({ parser: parser.id, held: true });
  }
}

// Fragments of every format, so random combinations reach deep into each parser.
const FRAGMENTS = [
  'ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80072f8f httpcode=451)',
  'MpCmdRun.exe: hr = 0x80070006',
  'ValidateMapsConnection successfully established a connection to MAPS',
  'MpIsConnectedToInternet() : hr = 0x0, fIsConnectedToInternet : true',
  'Last Successful MAPS connection : [01/02/2026 10:00]',
  'SERVICE_NAME: sense',
  'STATE              : 4  RUNNING',
  'WIN32_EXIT_CODE    : 1077  (0x435)',
  'sc query windefend',
  '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:',
  'TPExclusions    REG_DWORD    0x1',
  'TamperProtection REG_DWORD 5',
  'Id : 5013',
  'Event ID: 1116',
  'EventID 5007',
  'Tamper protection blocked a change to Microsoft Defender Antivirus',
  'Real-time Protection feature has been disabled',
  'has detected malware or other potentially unwanted software',
  'Error Code: 0x80508023',
  'ProviderName : Microsoft-Windows-Windows Defender',
  'IsTamperProtected : False',
  'AMRunningMode                    : Passive',
  'IsTamperProtected TamperProtectionSource',
  '----------------- ----------------------',
  'Name Value ---- -----',
  '{N/A: Must be and administrator to view exclusions}',
  '(Get-MpPreference).MAPSReporting\n2',
  'MAPSReporting は 2 でした',
  'SubmitSamplesConsent = 3',
  'PS C:\\> ',
  '> ',
  '12 ',
  '\r\n',
  '\n',
  ' ',
  ':',
  'True',
];

describe('the needs of the paste parsers', () => {
  it('are held by every fixture and labelled message any parser reads something in, as clients send them', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    expect(messages.length).toBeGreaterThan(1000);
    let read = 0;
    for (const text of [...fixtures, ...messages])
      for (const variant of variants(text)) {
        expectNeedsHeld(chooseMessageText(variant, undefined));
        if (parsePreparedPaste(preparePaste(chooseMessageText(variant, undefined))).formats.length > 0) read += 1;
      }
    expect(read).toBeGreaterThan(300);
  });

  it('are held by random combinations of fragments of every format', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 40 }),
        fc.constantFrom(...variants('x').map((_, position) => position)),
        (parts, variant) => expectNeedsHeld(chooseMessageText(variants(parts.join(''))[variant] ?? '', undefined)),
      ),
      { numRuns: 3000 },
    );
  });

  it('leave readPaste reading what the parsers alone read, and let most questions through unparsed', () => {
    let skipped = 0;
    for (const text of [...fixtures, ...messages]) {
      const chosen = chooseMessageText(text, undefined);
      const parsed = parsePreparedPaste(preparePaste(chosen));
      expect(readPaste(text, undefined)?.formats ?? []).toEqual(parsed.formats);
      if (!mayHoldOutput(chosen)) {
        expect(parsed.formats).toEqual([]);
        skipped += 1;
      }
    }
    expect(skipped).toBeGreaterThan(messages.length / 2);
  });
});
