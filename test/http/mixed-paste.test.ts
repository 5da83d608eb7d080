import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { t } from '../../src/i18n/messages.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { cardSubmits, cardTexts, openChat } from '../support/card-content.js';
import { ROOT, startTestApp, type TestApp } from '../support/start-test-app.js';

// Helpdesk messages that mix pasted output and a question, over real HTTP: the question is answered (its card first)
// and the output diagnosed (the diagnosis card after it, with the facts read).
const knowledge = loadKnowledge(`${ROOT}knowledge`);
const titleOf = (id: string, language: 'ja' | 'en'): string =>
  knowledge.byId.get(id)?.[language].title ?? `(no entry ${id})`;
const MAPS_LIST =
  'MAPSReporting                                 : 2\nSubmitSamplesConsent                          : 1';

describe('messages that mix pasted output and a question, over real HTTP', () => {
  let bot: TestApp;

  beforeAll(async () => {
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  const chat = (locale: string) => openChat(() => bot.baseUrl, locale);

  describe.each([
    {
      language: 'en',
      locale: 'en-US',
      text: 'I checked and MAPSReporting is 2, so the setting is fine. What is the command for the connection test and what does success look like?',
      entry: 'maps-connection-test',
      says: ['-ValidateMapsConnection', 'successfully established a connection to MAPS'],
      facts: ['**MAPSReporting:** 2'],
    },
    {
      language: 'ja',
      locale: 'ja-JP',
      text: 'Get-MpPreference で確認したら MAPSReporting は 2 でした。設定は問題なさそうです。次は接続テストですよね。実行するコマンドと、成功したときにどう表示されるか教えてください。',
      entry: 'maps-connection-test',
      says: ['-ValidateMapsConnection', 'successfully established a connection to MAPS'],
      facts: ['**MAPSReporting:** 2'],
    },
    {
      language: 'ja',
      locale: 'ja-JP',
      text: '教えてもらったコマンドで見たら IsTamperProtected : True / TamperProtectionSource : Intune でした。除外も改ざん防止で守りたいのですが、どうすればいいですか',
      entry: 'tp-exclusions',
      says: ['TPExclusions'],
      facts: ['**IsTamperProtected:** true', '**TamperProtectionSource:** Intune'],
    },
    {
      language: 'en',
      locale: 'en-US',
      text: 'Status on PC-OSAKA-0301:\nIsTamperProtected               : True\nTamperProtectionSource          : Intune\nHow do I get our exclusions protected by tamper protection too?',
      entry: 'tp-exclusions',
      says: ['TPExclusions'],
      facts: ['**IsTamperProtected:** true', '**TamperProtectionSource:** Intune'],
    },
    {
      language: 'ja',
      locale: 'ja-JP',
      text: 'reg query で TPExclusions が 1 になっているのは確認できました。除外が改ざん防止で保護されているかは、ほかにどこを見ればいいですか',
      entry: 'tp-exclusions',
      says: ['TPExclusions'],
      facts: ['**TPExclusions:** 1'],
    },
    {
      language: 'en',
      locale: 'en-US',
      text: 'C:\\>reg query "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Features" /v TPExclusions\n    TPExclusions    REG_DWORD    0x1\nWhere else can I check that our exclusions are really protected?',
      entry: 'tp-exclusions',
      says: ['TPExclusions'],
      facts: ['**TPExclusions:** 1'],
    },
  ] as const)('$language: $text', ({ language, locale, text, entry, says, facts }) => {
    it('answers the question first, then shows the diagnosis with the facts read', async () => {
      const replies = await chat(locale)({ text });
      expect(replies.map((reply) => reply.locale)).toEqual([locale, locale]);
      const [answer, diagnosis] = replies;
      const answerTexts = cardTexts(answer);
      expect(answerTexts[0]).toBe(titleOf(entry, language));
      // Helpdesk pasted output: the admin part (commands, exact lines) is open, so its text is in the card body.
      for (const fragment of says) expect(answerTexts.join('\n')).toContain(fragment);
      const diagnosisTexts = cardTexts(diagnosis);
      expect(diagnosisTexts[0]).toBe(t(language, 'diagnosis.title'));
      for (const fact of facts) expect(diagnosisTexts).toContain(fact);
      // The diagnosis does not offer the entry already answered.
      expect(cardSubmits(diagnosis).map((data) => data['entryId'])).not.toContain(entry);
    });
  });

  describe.each([
    ['en', 'en-US', "Tamper protection won't turn on for this laptop. How do I enable it?", 'Intune and MDE'],
    ['ja', 'ja-JP', '改ざん防止がオンにならないのですが、どうすればいいですか？', 'Intune と MDE'],
  ] as const)(
    '%s: a question that splits on how the device is managed, around output',
    (language, locale, question, reply) => {
      it('asks back with the diagnosis beside it, and the typed reply answers the branch', async () => {
        const say = chat(locale);
        const [clarify, diagnosis] = await say({
          text: `AMRunningMode                    : Normal\nIsTamperProtected                : False\n${question}`,
        });
        expect(cardTexts(clarify)).toContain(knowledge.byId.get('tp-cannot-enable')!.clarify!.question[language]);
        expect(cardTexts(diagnosis)).toContain('**IsTamperProtected:** false');
        const [answer] = await say({ text: reply });
        expect(cardTexts(answer)[0]).toBe(titleOf('tp-enable-intune', language));
      });
    },
  );

  describe.each([
    ['en', 'en-US', `${MAPS_LIST}\nWhat next?`],
    ['ja', 'ja-JP', `${MAPS_LIST}\n次は何をすればいいですか`],
  ] as const)('%s: healthy output with "what next?"', (language, locale, text) => {
    it('answers with the next check, and the diagnosis says what was checked and fine', async () => {
      const [answer, diagnosis] = await chat(locale)({ text });
      expect(cardTexts(answer)[0]).toBe(titleOf('maps-connection-test', language));
      const summary = cardTexts(diagnosis)[1] ?? '';
      expect(summary).toContain(t(language, 'diagnosis.clean'));
      expect(summary).toContain(language === 'ja' ? 'クラウド保護の設定' : 'cloud protection setting');
    });
  });

  describe.each([
    ['en', 'en-US'],
    ['ja', 'ja-JP'],
  ] as const)('%s: healthy output alone', (language, locale) => {
    it('offers the next check as an entry button that opens its answer', async () => {
      const say = chat(locale);
      const [diagnosis, ...rest] = await say({ text: MAPS_LIST });
      expect(rest).toEqual([]);
      expect(cardTexts(diagnosis)).toContain(t(language, 'diagnosis.nextStep'));
      const next = cardSubmits(diagnosis).find((data) => data['entryId'] === 'maps-connection-test');
      expect(next).toMatchObject({ verb: 'choose-topic', language });
      const [answer] = await say({ value: next! });
      expect(cardTexts(answer)[0]).toBe(titleOf('maps-connection-test', language));
    });
  });

  describe.each([
    [
      'ja',
      'ja-JP',
      'PCが突然再起動する件です。Defender のせいかと思って調べていますが、イベントビューアーを見たらシステムログにイベントID 41（Kernel-Power）が何回も出ていました',
    ],
    [
      'en',
      'en-US',
      'PC restarts randomly. I thought it was Defender, but Event Viewer shows event ID 41 (Kernel-Power) many times in the System log',
    ],
  ] as const)('%s: an event id no entry owns', (language, locale, text) => {
    it('says it has no answer instead of answering with a Defender event entry', async () => {
      const replies = await chat(locale)({ text });
      expect(replies).toHaveLength(1);
      expect(cardTexts(replies[0])[0]).toBe(t(language, 'notFound.title'));
    });
  });
});
