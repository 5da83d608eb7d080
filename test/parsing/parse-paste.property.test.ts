import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parsePaste } from '../../src/parsing/parse-paste.js';

// Fragments of real formats, so random combinations get deep into every parser.
const FRAGMENTS = [
  'ValidateMapsConnection failed to establish a connection to MAPS (hr=',
  'httpcode=',
  'MpCmdRun.exe: hr = 0x',
  'ValidateMapsConnection successfully established a connection to MAPS',
  'SERVICE_NAME: sense',
  'STATE              : 4  RUNNING',
  'WIN32_EXIT_CODE    : 1077  (0x435)',
  'IsTamperProtected : ',
  'AMRunningMode                    : ',
  'MAPSReporting',
  '----------------- ',
  'Name Value ---- -----',
  'TPExclusions    REG_DWORD    0x',
  'Event ID:      5013',
  'Id : ',
  '{N/A: Must be and administrator to view exclusions}',
  '(Get-MpPreference).MAPSReporting\n',
  'PS C:\\> ',
  '> ',
  '\r\n',
  '\n',
  ' ',
  'True',
  '4294967295',
  'Last Successful MAPS connection: [',
];

describe('parsePaste never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        parsePaste(text);
      }),
      { numRuns: 500 },
    );
  });

  it('on random combinations of real format fragments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 80 }),
        (parts) => {
          const result = parsePaste(parts.join(''));
          expect(Array.isArray(result.formats)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on 100 KB inputs, adversarial ones included', () => {
    const adversarial = [
      'A'.repeat(100_000),
      'Word '.repeat(20_000),
      'SERVICE_NAME: x '.repeat(6_000),
      'IsTamperProtected : True '.repeat(4_000),
      `${'Name '.repeat(10_000)}${'--- '.repeat(10_000)}`,
      '('.repeat(50_000) + ')'.repeat(50_000),
      'ValidateMapsConnection failed '.repeat(3_400),
    ];
    // Read in full and in bounded time: only the two with real properties give facts.
    expect(adversarial.map((text) => parsePaste(text))).toEqual([
      { facts: {}, formats: [] },
      { facts: {}, formats: [] },
      { facts: {}, formats: [] },
      { facts: { IsTamperProtected: true }, formats: ['mp-properties'] },
      { facts: {}, formats: [] },
      { facts: {}, formats: [] },
      { facts: { ValidateMapsConnection: { ok: false } }, formats: ['validate-maps'] },
    ]);
  });
});
