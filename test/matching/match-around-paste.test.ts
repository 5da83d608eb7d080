import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { askOne } from '../../src/cli/ask-contract.js';
import { diagnose } from '../../src/diagnosis/diagnose.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { matchAroundPaste } from '../../src/matching/match-around-paste.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { ROOT } from '../support/start-test-app.js';

const index = buildMatchIndex(loadKnowledge(join(ROOT, 'knowledge')));
const ask = (text: string, locale?: string) =>
  askOne(index, { text, locale }) as {
    kind: string;
    language: string;
    entries: Array<{ id: string }>;
    facts: Record<string, unknown>;
    findings: Array<{ id: string }>;
    question?: { kind: string };
  };
const ids = (result: { entries: Array<{ id: string }> }): string[] => result.entries.map((entry) => entry.id);

const MAPS_LIST =
  'MAPSReporting                                 : 2\nSubmitSamplesConsent                          : 1';

describe('a question around pasted output (npm run ask contract)', () => {
  it.each([
    [
      'en',
      'I checked and MAPSReporting is 2, so the setting is fine. What is the command for the connection test and what does success look like?',
    ],
    [
      'ja',
      'Get-MpPreference で確認したら MAPSReporting は 2 でした。設定は問題なさそうです。次は接続テストですよね。実行するコマンドと、成功したときにどう表示されるか教えてください。',
    ],
    [
      'en',
      `Checked the cloud settings first:\n${MAPS_LIST}\nSo the setting looks fine. What's the command for the actual connection test?`,
    ],
    ['ja', `まず設定を見ました。\n${MAPS_LIST}\n設定は問題なさそうです。接続テストのコマンドを教えてください。`],
  ])('%s: the stated value is a fact and the question gets its entry first: %s', (language, text) => {
    const result = ask(text);
    expect(result.kind).toBe('diagnosis');
    expect(result.language).toBe(language);
    expect(result.facts['MAPSReporting']).toBe(2);
    expect(ids(result)[0]).toBe('maps-connection-test');
    expect(result.question?.kind).toBe('answer');
  });

  it.each([
    [
      'ja',
      '教えてもらったコマンドで見たら IsTamperProtected : True / TamperProtectionSource : Intune でした。除外も改ざん防止で守りたいのですが、どうすればいいですか',
    ],
    [
      'en',
      'Status on the laptop:\nIsTamperProtected               : True\nTamperProtectionSource          : Intune\nHow do I protect our exclusions with tamper protection as well?',
    ],
  ])('%s: the question comes before the entry behind a finding: %s', (_language, text) => {
    const result = ask(text);
    expect(result.kind).toBe('diagnosis');
    expect(result.facts).toMatchObject({ IsTamperProtected: true, TamperProtectionSource: 'Intune' });
    expect(result.findings.map((finding) => finding.id)).toContain('tamper-protection-on');
    expect(ids(result).slice(0, 2)).toEqual(['tp-exclusions', 'tp-check-status']);
  });

  it.each([
    [
      'ja',
      'reg query で TPExclusions が 1 になっているのは確認できました。除外が改ざん防止で保護されているかは、ほかにどこを見ればいいですか',
    ],
    [
      'en',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows Defender\\Features\n    TPExclusions    REG_DWORD    0x1\nWhere else can I check that our exclusions are protected by tamper protection?',
    ],
  ])('%s: the entry the question asks for comes first: %s', (_language, text) => {
    const result = ask(text);
    expect(result.kind).toBe('diagnosis');
    expect(result.facts['TPExclusions']).toBe(1);
    expect(ids(result)[0]).toBe('tp-exclusions');
  });

  it.each([
    ['en', `${MAPS_LIST}\nWhat next?`],
    ['ja', `${MAPS_LIST}\n次は何をすればいいですか`],
  ])('%s: "what next?" after healthy output gets the next check: %s', (_language, text) => {
    const result = ask(text);
    expect(result.kind).toBe('diagnosis');
    expect(ids(result)).toEqual(['maps-connection-test']);
    expect(result.question?.kind).toBe('answer');
  });

  it('a paste with only an introduction is diagnosed, not matched as a question', () => {
    for (const intro of ['この結果です', 'Here is the output:', 'PC-KYOTO-0090 の sc query の結果です。']) {
      const result = ask(
        `${intro}\nValidateMapsConnection failed to establish a connection to MAPS (hr=0x80072F8F httpcode=451)`,
      );
      expect(result.kind).toBe('diagnosis');
      expect(result.question).toBeUndefined();
      expect(ids(result)).toEqual(['winhttp-proxy']);
    }
  });

  it('an error code in the words is asked about even without a question mark', () => {
    const result = askOne(index, { text: 'MAPSReporting は 2 でした。それでも 80508015 が出ます' }) as {
      entries: Array<{ id: string }>;
    };
    expect(ids(result)[0]).toBe('maps-error-cloud-disabled');
  });
});

describe('event ids and codes no entry owns', () => {
  it.each([
    [
      'ja',
      'PCが突然再起動する件です。Defender のせいかと思って調べていますが、イベントビューアーを見たらシステムログにイベントID 41（Kernel-Power）が何回も出ていました',
    ],
    [
      'en',
      'PC restarts randomly. I thought it was Defender, but Event Viewer shows event ID 41 (Kernel-Power) many times in the System log',
    ],
    ['en', 'Windows Update keeps failing with エラー 0x8024402C on two laptops, is Defender blocking it?'],
  ])('%s: a message about them is not answered with a Defender entry: %s', (_language, text) => {
    expect(ask(text).kind).toBe('none');
  });
});

describe('matchAroundPaste', () => {
  it('answers "what next?" with the first problem of the output', () => {
    const diagnosis = diagnose({ ValidateMapsConnection: { ok: false, hresult: '0x80072F8F', httpCode: 451 } });
    const result = matchAroundPaste(index, { words: 'Browsers work fine. What do I do now?', diagnosis });
    expect(result?.kind).toBe('answer');
    expect(result?.entries[0]?.id).toBe('winhttp-proxy');
  });

  it('returns nothing for words that ask nothing', () => {
    const diagnosis = diagnose({ MAPSReporting: 2 });
    expect(matchAroundPaste(index, { words: '', diagnosis })).toBeUndefined();
    expect(matchAroundPaste(index, { words: 'Output from PC-TOKYO-0231 below', diagnosis })).toBeUndefined();
  });

  it('reads the words of a message without output lines even when they do not ask', () => {
    const diagnosis = diagnose({ ForceDefenderPassiveMode: 1 });
    const result = matchAroundPaste(index, {
      words: 'set ForceDefenderPassiveMode=1 on the server but defender is still active',
      diagnosis,
      statedOnly: true,
    });
    expect(result?.entries[0]?.id).toBe('server-passive-mode');
  });
});
