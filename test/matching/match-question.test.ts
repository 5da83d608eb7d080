import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { buildMatchIndex } from '../../src/matching/match-index.js';
import { matchQuestion, type MatchResult } from '../../src/matching/match-question.js';
import { unrecognisedPaste } from '../../bench/synthetic-knowledge.js';
import { ROOT } from '../support/start-test-app.js';

const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const index = buildMatchIndex(knowledge);
const match = (text: string, locale?: string): MatchResult => matchQuestion(index, { text, locale });
const answered = (text: string): string | undefined => {
  const result = match(text);
  return result.kind === 'answer' ? result.entries[0]?.id : `(${result.kind})`;
};

describe('matchQuestion', () => {
  it.each([
    ['tamper protecion wont turn on even though its enabled in the portal', 'tp-cannot-enable'],
    ['tamper protecion: how do i check if its on', 'tp-check-status'],
    ['block at frist sight what is it', 'block-at-first-sight'],
    ['tamper protection がオンにならない', 'tp-cannot-enable'],
    ['アプリの初回起動だけ遅いのはなぜ？', 'slow-first-launch'],
    ['ＭＡＰＳ 接続テスト コマンド', 'maps-connection-test'],
  ])('answers %s with %s', (text, id) => {
    expect(answered(text)).toBe(id);
  });

  it.each([
    ['0x80070005', 'maps-error-access-denied'],
    ['80070005', 'maps-error-access-denied'],
    ['0X80508015', 'maps-error-cloud-disabled'],
    ['hr=80508015', 'maps-error-cloud-disabled'],
    ['０ｘ８００７０００５', 'maps-error-access-denied'],
    ['ValidateMapsConnection failed (hr=0x80072F8F httpcode=451)', 'winhttp-proxy'],
    // Learn: for 0x80070006 and 0x80072EFE, as for 0x80072F8F, the usual root cause is a missing system-wide WinHTTP proxy.
    ['接続テストで 0x80070006 が出ました', 'winhttp-proxy'],
    ['MpCmdRun.exe: hr = 0x80072EFE', 'winhttp-proxy'],
    ['5013', 'event-5013'],
    ['イベント ID 5013 が大量に出ている', 'event-5013'],
  ])('routes the owned signal in %s straight to %s', (text, id) => {
    const result = match(text);
    expect(result).toMatchObject({ kind: 'answer', entries: [{ id, score: 1 }], reason: 'owned-signal' });
  });

  it.each([
    ['TPExclusions', 'tp-exclusions'],
    ['ForceDefenderPassiveMode', 'server-passive-mode'],
    ['MAPSReporting 0', 'maps-check-setting'],
  ])('answers the property %s with its owner %s', (text, id) => {
    expect(answered(text)).toBe(id);
  });

  it.each([
    'VPN に接続できません',
    'How do I reset my Outlook password?',
    'printer on the 3rd floor is not printing',
    'release an email from Defender for Office 365 quarantine',
    'Windows Update fails with 0x80070643',
    'event id 4625 on our DC',
  ])('does not give a Defender answer to the out-of-scope %s', (text) => {
    expect(match(text).kind).toBe('none');
  });

  it.each([
    ['hi', 'greeting'],
    ['ありがとう！', 'thanks'],
    ['help', 'help'],
  ] as const)('gives %s the conversational kind %s', (text, kind) => {
    expect(match(text)).toMatchObject({ kind, entries: [] });
  });

  it('offers two or three choices, best first, when the question is vague', () => {
    const result = match('tamper protection');
    expect(result.kind).toBe('choices');
    expect(result.entries.length).toBeGreaterThanOrEqual(2);
    expect(result.entries.length).toBeLessThanOrEqual(3);
    const scores = result.entries.map((entry) => entry.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('answers in the language of the text, and by locale when the text has no words', () => {
    expect(match('改ざん防止とは', 'en-US').language).toBe('ja');
    expect(match('what is tamper protection', 'ja-JP').language).toBe('en');
    expect(match('0x80508015', 'ja-JP').language).toBe('ja');
  });

  it('bounds the search of a 20 KB paste but still finds a code at its end', () => {
    const paste = `${unrecognisedPaste(20 * 1024)}\nMpCmdRun.exe: hr = 0x80070005`;
    const result = match(paste);
    expect(result.truncated).toBe(true);
    expect(result.entries[0]?.id).toBe('maps-error-access-denied');
  });

  it('says none for a 20 KB paste it does not recognise', () => {
    expect(match(unrecognisedPaste(20 * 1024)).kind).toBe('none');
  });

  it('never throws and always returns scores in [0, 1] and at most 3 entries', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.option(fc.constantFrom('ja-JP', 'en-US', 'fr-FR', ''), { nil: undefined }), (text, locale) => {
        const result = matchQuestion(index, { text, locale });
        return result.entries.length <= 3 && result.entries.every((entry) => entry.score >= 0 && entry.score <= 1);
      }),
      { numRuns: 300 },
    );
  });
});
