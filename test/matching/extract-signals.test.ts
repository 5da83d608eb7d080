import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createSignalExtractor } from '../../src/matching/extract-signals.js';
import { normalizeForMatching } from '../../src/matching/normalize-text.js';

const extract = createSignalExtractor(
  ['MAPSReporting', 'TPExclusions', 'TroubleShootingMode', 'TroubleShootingStartTime', 'SSLOptions'],
  [5013],
);

describe('extractSignals', () => {
  it.each([
    ['0x80070005', '0x80070005'],
    ['0X80508015', '0x80508015'],
    ['failed (hr=80070005 httpcode=450)', '0x80070005'],
    ['MpCmdRun.exe: hr = 0x80072f8f', '0x80072F8F'],
    ['error 80070005 again', '0x80070005'],
    ['hr:0x800106ba', '0x800106BA'],
    ['hr = 0x80070006', '0x80070006'],
    ['エラー 0x87d1041c で失敗', '0x87D1041C'],
    ['エラー0x80070005', '0x80070005'],
    ['エラー コード: 0xc1900101', '0xC1900101'],
    ['error code 0x8024402c', '0x8024402C'],
  ])('reads the HRESULT in %s', (text, code) => {
    expect(extract(text.toLowerCase()).errorCodes).toEqual([code]);
  });

  it.each([
    ['MPCMDRUN.EXE -ValidateMapsConnection', ['MpCmdRun']],
    ['Get-MpComputerStatus | fl', ['Get-MpComputerStatus']],
    ['Sc.exe Query Sense then REG QUERY HKLM', ['sc.exe query', 'reg.exe']],
    // Case-insensitive matching folds the long s to "s" and the Kelvin sign to "k", which toLowerCase() does not.
    ['net\u017fh winhttp show proxy', ['netsh winhttp']],
    ['Get-MpPreference then netsh winhttp show proxy', ['Get-MpPreference', 'netsh winhttp']],
    ['no tool here: sc, reg, netsh alone', []],
  ])('reads the tools named in %s whatever their case', (text, tools) => {
    expect(extract(text).tools).toEqual(tools);
  });

  it('does not read dates, exit codes or long numbers as HRESULTs', () => {
    expect(extract('20261129 1077 (0x435) 123456789 4294967295').errorCodes).toEqual([]);
    // A value printed in hex is not an error code: only codes with the failure bit set are.
    expect(extract('tamperprotection reg_dword 0x00000005 and 0x1 and 0x7fffffff').errorCodes).toEqual([]);
  });

  it('reads a known code with two adjacent digits swapped as that code, and nothing else as a typo', () => {
    const withCodes = createSignalExtractor([], [], ['0x80508015', '0x80070005']);
    expect(withCodes('a strange error code (like 80058015)').errorCodes).toEqual(['0x80508015']);
    expect(withCodes('hr=0x80500815').errorCodes).toEqual(['0x80508015']);
    // One digit changed is another code of the same facility, not a typo.
    expect(withCodes('hr = 0x80070006').errorCodes).toEqual(['0x80070006']);
    expect(withCodes('0x80508015 and 0x80070005').errorCodes).toEqual(['0x80508015', '0x80070005']);
  });

  it.each([
    ['how do i exclude a folder in defender on macos sonoma?', ['macOS']],
    ['mac版の defender でビルドが遅い', ['macOS']],
    ['defender on our ubuntu build agents and on android phones', ['Linux', 'Android']],
    ['tamper protection on iphone?', ['iOS']],
    // Windows named too: the message may well be about the Windows devices of a mixed fleet.
    ['our windows pcs and macs both show the warning', []],
    ['the mac address of the device changed', []],
    ['safe links rewrites every url in our newsletter', ['Safe Links']],
    ['defender for office 365 の安全なリンクで url が書き換えられる', ['Safe Links', 'Defender for Office 365']],
    ['windows で smartscreen の警告が出る', ['SmartScreen']],
    ['we use sophos on the servers, how do i turn off its tamper protection?', ['another antivirus']],
    ['autopilot fails with 0x800705b4 on new laptops', ['Windows Autopilot']],
    ['bitlocker の回復キーを確認したい', ['BitLocker']],
    ['ウイルスバスターの更新が止まっている', ['another antivirus']],
    // Defender named, or its passive mode: another product is part of a Defender question.
    ['defender is still active on the servers that run crowdstrike', []],
    ['server stays in active mode after we installed sentinelone', []],
  ])('reads the neighbouring products %s is about', (text, platforms) => {
    expect(extract(text).otherProducts).toEqual(platforms);
  });

  it('reads event ids next to "event" or "イベント", and a bare owned id', () => {
    expect(extract('event 5013 and event id: 5007 and イベント id 1116').eventIds).toEqual([5013, 5007, 1116]);
    expect(extract('5013').eventIds).toEqual([5013]);
    expect(extract('5007').eventIds).toEqual([]);
  });

  it.each([
    ['システムログにイベントID 41（Kernel-Power）が何回も出ていました', 41],
    ['イベント ID：41 です', 41],
    ['Kernel-Power event ID 41 in the System log', 41],
    ['EventID=41', 41],
    ['event 41 again', 41],
    ['イベントID 7036', 7036],
  ])('reads the event id of %s, whatever its digits and separator', (text, id) => {
    expect(extract(normalizeForMatching(text)).eventIds).toEqual([id]);
  });

  it('does not read a version or a count after "event" as an event id', () => {
    expect(extract('event 41.5 version').eventIds).toEqual([]);
  });

  it('reads property names in canonical spelling, longest first', () => {
    expect(extract('mapsreporting is 0 and troubleshootingstarttime empty, tpexclusions 1').properties).toEqual([
      'MAPSReporting',
      'TroubleShootingStartTime',
      'TPExclusions',
    ]);
    expect(extract('xmapsreportingx').properties).toEqual([]);
  });

  it('names the tools and cmdlets', () => {
    expect(extract('ran mpcmdrun.exe then get-mpcomputerstatus and sc query sense').tools).toEqual([
      'MpCmdRun',
      'Get-MpComputerStatus',
      'sc.exe query',
    ]);
  });
});

describe('extractSignals: property names', () => {
  const names = ['MAPSReporting', 'TPExclusions', 'TroubleShootingMode', 'TroubleShootingStartTime', 'SSLOptions'];
  // The plain reading: the case-insensitive pattern over every text (the extractor skips texts it cannot match).
  const pattern = new RegExp(
    `(?<![a-z0-9])(${[...names].sort((a, b) => b.length - a.length).join('|')})(?![a-z0-9])`,
    'giu',
  );
  const plain = (text: string): string[] =>
    [
      ...new Set(
        [...text.matchAll(pattern)].map(
          (match) => names.find((name) => name.toLowerCase() === (match[1] ?? '').toLowerCase()) ?? '',
        ),
      ),
    ].filter(Boolean);
  // Names in any case, with the characters that case-fold unlike their lower case (ſ, K, İ) standing in for letters.
  const spelling = fc
    .tuple(fc.constantFrom(...names), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.nat(40))
    .map(([name, upper, swap]) => {
      const cased = [...name].map((char, at) => (upper[at] ? char.toUpperCase() : char.toLowerCase())).join('');
      const special: Record<string, string> = { s: '\u017f', k: '\u212a', i: '\u0130', S: '\u017f' };
      const at = swap % cased.length;
      return swap > 20
        ? cased
        : cased.slice(0, at) + (special[cased.charAt(at)] ?? cased.charAt(at)) + cased.slice(at + 1);
    });
  const text = fc
    .array(
      fc.oneof(spelling, fc.constantFrom(' ', ': 2', 'x', '9', '-', 'ー', 'の設定', 'TPExclusion', 'mapsreport')),
      {
        maxLength: 8,
      },
    )
    .map((parts) => parts.join(''));

  it('finds exactly the names the case-insensitive pattern finds, in any case and with folding characters', () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(extract(sample).properties).toEqual(plain(sample));
      }),
      { numRuns: 5000 },
    );
    expect(extract('MAPSReporting is 2').properties).toEqual(['MAPSReporting']);
    expect(extract('ma\u017fp').properties).toEqual([]);
    expect(extract('\u017f MAPSReporting: 2').properties).toEqual(['MAPSReporting']);
  });
});
