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
    ['tamper protecion: how do i check if its on', 'tp-check-status'],
    ['block at frist sight what is it', 'block-at-first-sight'],
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
    // Learn: for 0x80070006 and 0x80072EFE, as for 0x80072F8F, the usual root cause is a missing system-wide WinHTTP
    // proxy.
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

  it.each(['結果です', '確認お願いします', 'please check', 'can you look at this', 'Current state:'])(
    'offers no choices for %s, which names nothing the knowledge is about',
    (text) => {
      expect(match(text).kind).toBe('none');
    },
  );

  it.each(['ちょっと確認させてください', 'これはどういう意味ですか', "I'll ask the user and get back to you"])(
    'does not answer %s, which names no topic, on common words alone',
    (text) => {
      expect(match(text).kind).toBe('none');
    },
  );

  it.each([
    ['clould protection what does it do', 'cloud-protection-overview'],
    ['block at first site, what is it?', 'block-at-first-sight'],
  ])('still answers a short question whose topic word is misspelt: %s', (text, id) => {
    expect(answered(text)).toBe(id);
  });

  it('does not answer from an owned code alone when the message is about another product', () => {
    expect(match('Autopilot on our new laptops stops with 0x800705B4 after 20 minutes').kind).toBe('none');
    expect(answered('the connection test fails with 0x800705B4')).toBe('maps-network-requirements');
  });

  it('has no answer for another antivirus product', () => {
    expect(match('We run Trend Micro on the file servers; how do I stop its real-time scan for an hour?').kind).toBe(
      'none',
    );
  });

  it.each([
    'Mac版の Defender でリアルタイム保護をオンにするとビルドが遅くなります。除外はどこで設定しますか',
    'how do I turn off real-time protection in Defender on my MacBook?',
  ])('has no answer for Defender on another platform: %s', (text) => {
    expect(match(text).kind).toBe('none');
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

  it.each([
    ['tamper protecion wont turn on even though its enabled in the portal'],
    ['tamper protection がオンにならない'],
  ])('asks how the device is managed for %s', (text) => {
    const result = match(text);
    expect(result.kind).toBe('clarify');
    expect(result.clarifyEntryId).toBe('tp-cannot-enable');
    // One entry per option, and "not sure" leads to the asking entry.
    expect(new Set(result.entries.map((entry) => entry.id))).toEqual(
      new Set([
        ...(knowledge.byId.get('tp-cannot-enable')?.clarify?.options.map((option) => option.entry) ?? []),
        'tp-cannot-enable',
      ]),
    );
  });

  it.each([
    "tamper protection toggle is greyed out and I can't switch it on",
    '改ざん防止の切り替えがグレーアウトしてオンにできません',
  ])('asks how the device is managed when the words split between its branches: %s', (text) => {
    const result = match(text);
    expect(result).toMatchObject({ kind: 'clarify', clarifyEntryId: 'tp-cannot-enable' });
    expect(result.entries.slice(0, 3).map((entry) => entry.id)).toContain('tp-cannot-enable');
  });

  it.each([
    ['the MAPS connection test fails, what now?', 'maps-connection-test'],
    ['MAPS の接続テストが失敗しました。どうすればいいですか', 'maps-connection-test'],
  ])('asks which error code for %s', (text, host) => {
    const result = match(text);
    expect(result.kind).toBe('clarify');
    expect(result.clarifyEntryId).toBe(host);
  });

  it('goes on to the next question when the message names a branch of the first one', () => {
    const result = match('the MAPS connection test fails with some other error code, what next');
    expect(result.kind).toBe('clarify');
    expect(result.clarifyEntryId).toBe('maps-network-requirements');
  });

  it.each([
    "Disabling tamper protection through Intune isn't working for our Windows 10 and 11 devices.",
    'Windows 10 と 11 の端末で、Intune から改ざん防止を無効にする設定が効きません',
  ])('answers the branch the message names, not the one its other words fit (%s)', (text) => {
    // The words "Windows 10 and 11" fit the Configuration Manager entry best; the message says Intune. "Intune" names
    // both Intune branches: the first listed (onboarded to MDE) is answered and the other offered beside it.
    const result = match(text);
    expect(result.kind).toBe('answer');
    expect(result.entries[0]?.id).toBe('tp-enable-intune');
    // What the words fitted stays behind the answer.
    expect(result.entries.map((entry) => entry.id)).toContain('tp-enable-configmgr');
    expect(result.otherBranches?.map((entry) => entry.id)).toEqual(['tp-intune-without-mde']);
    expect(result.reason).toBe('the message names another branch of tp-cannot-enable than tp-enable-configmgr');
  });

  it('never asks when the message carries an error code', () => {
    expect(match('the connection test fails with 0x800705B4').kind).not.toBe('clarify');
  });

  it.each([
    ['what about on Server 2016? there is no toggle', 'tp-check-status', 'tp-windows-server'],
    ['ok ran it, it says hr=80070005', 'maps-connection-test', 'maps-error-access-denied'],
  ])('reads the follow-up %s after %s', (text, previousEntryId, id) => {
    const result = matchQuestion(index, { text, previousEntryId });
    expect(result.kind).toBe('answer');
    expect(result.entries[0]?.id).toBe(id);
  });

  it("looks past the previous answer when a follow-up asks for another way, even when it repeats that answer's code", () => {
    const result = matchQuestion(index, {
      text: 'netsh で WinHTTP プロキシ入れたけどまだ 80072F8F です。ほかに手はありますか',
      previousEntryId: 'winhttp-proxy',
    });
    // The other ways for 0x80072F8F after the proxy: the SSLOptions workaround ("ほかに手" asks for one) first.
    expect(result.entries[0]?.id).toBe('crl-sslOptions');
    expect(result.entries.map((entry) => entry.id)).not.toContain('winhttp-proxy');
    // Without the previous answer, the code alone answers.
    expect(match('netsh で WinHTTP プロキシ入れたけどまだ 80072F8F です。ほかに手はありますか').entries[0]?.id).toBe(
      'winhttp-proxy',
    );
  });

  it.each([
    ['and with Intune? half our fleet is managed there', 'tp-enable-mde', 'tp-enable-intune'],
    [
      'ありがとうございます。Intune でも管理している端末の場合はどこで設定すればいいですか？',
      'tp-enable-mde',
      'tp-enable-intune',
    ],
    ['その端末、Intune 管理なんですが MDE には入ってないです', 'tp-cannot-enable', 'tp-intune-without-mde'],
    ['and on the ones managed with Group Policy?', 'tp-enable-intune', 'tp-group-policy'],
  ])('answers the branch a follow-up switches to: %s after %s', (text, previousEntryId, id) => {
    const result = matchQuestion(index, { text, previousEntryId });
    expect(result).toMatchObject({ kind: 'answer', entries: [{ id }] });
    expect(result.reason).toContain('follow-up names a branch of tp-cannot-enable');
  });

  it('offers two named branches the words do not tell apart, best first', () => {
    // tp-windows-server lists neither Intune branch as related, and "intune" names both.
    const result = matchQuestion(index, { text: 'what if it is in Intune?', previousEntryId: 'tp-windows-server' });
    expect(result.kind).toBe('choices');
    expect(result.entries.map((entry) => entry.id).sort()).toEqual(['tp-enable-intune', 'tp-intune-without-mde']);
  });

  it.each([
    ['作業終わりました。元に戻す手順だけもう一回教えてください', 'disable-realtime-temporarily'],
    ['can you show me the command again?', 'maps-connection-test'],
  ])('answers the previous answer again when asked for it: %s', (text, previousEntryId) => {
    expect(matchQuestion(index, { text, previousEntryId })).toMatchObject({
      kind: 'answer',
      entries: [{ id: previousEntryId }],
      reason: 'asked again',
    });
  });

  it('does not read "tried again" as asking for the answer again', () => {
    const result = matchQuestion(index, {
      text: 'I tried again and it still fails with 0x80070005',
      previousEntryId: 'maps-connection-test',
    });
    expect(result.entries[0]?.id).toBe('maps-error-access-denied');
  });

  it('never answers "any other way?" with the previous answer, and offers its neighbours when nothing is clear', () => {
    const other = matchQuestion(index, {
      text: "we can't set a system proxy on that network, any other way?",
      previousEntryId: 'winhttp-proxy',
    });
    expect(other.entries.map((entry) => entry.id)).not.toContain('winhttp-proxy');
    const slow = matchQuestion(index, {
      text: 'タイムアウトの設定変えてみたけど、まだ遅いです。ほかにできることありますか？',
      previousEntryId: 'slow-first-launch',
    });
    expect(slow.kind).toBe('choices');
    expect(slow.entries[0]?.id).toBe('block-at-first-sight');
    expect(slow.entries.map((entry) => entry.id)).not.toContain('slow-first-launch');
  });

  it.each([
    ["that didn't work", 'cloud-protection-enable'],
    ['まだ直りません', 'cloud-protection-enable'],
    ['もう一度やってみたけどダメでした', 'winhttp-proxy'],
  ])('offers the neighbours of the previous answer when "%s" says it did not help', (text, previousEntryId) => {
    const result = matchQuestion(index, { text, previousEntryId });
    // Its neighbours: the entries it lists as related, and the other branches of a clarifying question it is part of.
    const branches = knowledge.entries
      .filter((host) => host.clarify?.options.some((option) => option.entry === previousEntryId))
      .flatMap((host) => [host.id, ...(host.clarify?.options.map((option) => option.entry) ?? [])]);
    const around = new Set([...knowledge.byId.get(previousEntryId)!.related, ...branches]);
    around.delete(previousEntryId);
    expect(result.kind).toBe('choices');
    expect(result.entries.length).toBeGreaterThanOrEqual(2);
    for (const { id } of result.entries) expect([...around]).toContain(id);
  });

  it.each(['まだ直りません', "that didn't work"])(
    'does not ask again how the device is managed after answering one of its branches: %s',
    (text) => {
      const result = matchQuestion(index, { text, previousEntryId: 'tp-enable-intune' });
      expect(result.kind).toBe('choices');
      expect(result.entries.map((entry) => entry.id)).toContain('tp-cannot-enable');
    },
  );

  it('reads a follow-up that names no topic as about the previous answer or its neighbours', () => {
    const result = matchQuestion(index, {
      text: 'how do I confirm it worked?',
      previousEntryId: 'cloud-protection-enable',
    });
    expect(result.kind).toBe('answer');
    expect(result.entries[0]?.id).toBe('maps-check-setting');
  });

  it('offers the second problem of a message beside the answer to the first', () => {
    const result = match(
      'Two things. Our new line-of-business app takes about 30 seconds to start the first time on every PC, only the first launch, why is that? Also, where can I find the list of cloud protection URLs for our firewall team?',
    );
    expect(result.kind).toBe('answer');
    expect(result.entries[0]?.id).toBe('slow-first-launch');
    expect(result.also?.map((entry) => entry.id)).toEqual(['cloud-endpoints']);
  });

  it('never throws and always returns scores in [0, 1], at most 3 entries (a clarifying question: its options)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.option(fc.constantFrom('ja-JP', 'en-US', 'fr-FR', ''), { nil: undefined }),
        (text, locale) => {
          const result = matchQuestion(index, { text, locale });
          const most = result.kind === 'clarify' ? 7 : 3;
          return result.entries.length <= most && result.entries.every((entry) => entry.score >= 0 && entry.score <= 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
