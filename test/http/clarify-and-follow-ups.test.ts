import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cardSubmits, cardTexts, openChat } from '../support/card-content.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { t } from '../../src/i18n/messages.js';
import { ROOT, startTestApp, type TestApp } from '../support/start-test-app.js';

const knowledge = loadKnowledge(`${ROOT}knowledge`);
const titleOf = (id: string, language: 'ja' | 'en'): string =>
  knowledge.byId.get(id)?.[language].title ?? `(no entry ${id})`;
const clarification = knowledge.byId.get('tp-cannot-enable')!.clarify!;

describe('clarifying questions and follow-ups over real HTTP', () => {
  let bot: TestApp;

  beforeAll(async () => {
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  const chat = (locale: string) => openChat(() => bot.baseUrl, locale);

  describe.each([
    ['en', 'en-US', "tamper protection won't turn on"],
    ['ja', 'ja-JP', '改ざん防止がオンにならない'],
  ] as const)('in %s', (language, locale, question) => {
    it('asks how the device is managed, with one choice per branch and "not sure"', async () => {
      const replies = await chat(locale)({ text: question });
      expect(replies).toHaveLength(1);
      expect(replies[0]!.locale).toBe(locale);
      expect(cardTexts(replies[0])).toContain(clarification.question[language]);
      const entries = cardSubmits(replies[0]).map((data) => data['entryId']);
      // One row per branch, and "not sure" answers the asking entry.
      expect(new Set(entries)).toEqual(
        new Set([...clarification.options.map((option) => option.entry), 'tp-cannot-enable']),
      );
      expect(cardSubmits(replies[0]).at(-1)?.['entryId']).toBe('tp-cannot-enable');
      expect(
        cardSubmits(replies[0]).every((data) => data['verb'] === 'choose-topic' && data['language'] === language),
      ).toBe(true);
    });

    it('answers the branch the user clicks', async () => {
      const say = chat(locale);
      await say({ text: question });
      const replies = await say({ value: { verb: 'choose-topic', entryId: 'tp-enable-intune', language } });
      expect(cardTexts(replies[0])[0]).toBe(titleOf('tp-enable-intune', language));
    });

    it('answers the branch the user types, by name or by number', async () => {
      const say = chat(locale);
      await say({ text: question });
      const byName = await say({ text: language === 'ja' ? 'グループ ポリシーです' : 'group policy' });
      expect(cardTexts(byName[0])[0]).toBe(titleOf('tp-group-policy', language));

      const again = chat(locale);
      await again({ text: question });
      const position = clarification.options.findIndex((option) => option.entry === 'tp-windows-server');
      const byNumber = await again({ text: `(${position + 1})` });
      expect(cardTexts(byNumber[0])[0]).toBe(titleOf('tp-windows-server', language));
    });

    it('asks again, with only the options it could mean, when the typed answer fits two', async () => {
      const say = chat(locale);
      await say({ text: question });
      const replies = await say({ text: 'Intune' });
      expect(cardTexts(replies[0])).toContain(clarification.question[language]);
      expect(
        cardSubmits(replies[0])
          .map((data) => data['entryId'])
          .filter((id) => id !== 'tp-cannot-enable')
          .sort(),
      ).toEqual(['tp-enable-intune', 'tp-intune-without-mde']);
    });

    it('says it did not understand and asks again when the answer matches no option', async () => {
      const say = chat(locale);
      await say({ text: question });
      const replies = await say({ text: language === 'ja' ? 'うーん' : 'hmm' });
      expect(replies[0]!.text).toBe(t(language, 'clarify.again'));
      expect(cardTexts(replies[1])).toContain(clarification.question[language]);
      // The question still waits: a pick after the retry is still an answer to it.
      const picked = await say({ text: language === 'ja' ? 'グループ ポリシー' : 'Group Policy' });
      expect(cardTexts(picked[0])[0]).toBe(titleOf('tp-group-policy', language));
    });

    it('treats a new, unrelated question as a question and forgets the pending one', async () => {
      const say = chat(locale);
      await say({ text: question });
      const replies = await say({
        text:
          language === 'ja'
            ? 'アプリの初回起動だけ遅いのはなぜ？'
            : 'why does my app start slowly only the first time?',
      });
      expect(cardTexts(replies[0])[0]).toBe(titleOf('slow-first-launch', language));
      const next = await say({ text: '2' });
      expect(next[0]?.text).not.toBe(t(language, 'clarify.again'));
      expect(cardTexts(next[0])[0]).not.toBe(titleOf(clarification.options[1]!.entry, language));
    });
  });

  it('reads a short follow-up in the context of the previous answer', async () => {
    const say = chat('en-US');
    const first = await say({ text: 'how do I turn on tamper protection on my home PC?' });
    expect(cardTexts(first[0])[0]).toBe(titleOf('tp-enable-unmanaged', 'en'));
    const followUp = await say({ text: 'same steps work on Server?' });
    expect(cardTexts(followUp[0])[0]).toBe(titleOf('tp-windows-server', 'en'));

    // The same words without the previous answer are read on their own.
    const fresh = await chat('en-US')({ text: 'same steps work on Server?' });
    expect(cardTexts(fresh[0])[0]).not.toBe(titleOf('tp-windows-server', 'en'));
  });

  it.each([
    ['en-US', 'en', 'and with Intune? half our fleet is managed there'],
    ['ja-JP', 'ja', 'ありがとうございます。Intune でも管理している端末の場合はどこで設定すればいいですか？'],
  ] as const)(
    'follows a switch of branch, then repeats an answer asked for again (%s)',
    async (locale, language, text) => {
      const say = chat(locale);
      await say({ value: { verb: 'choose-topic', entryId: 'tp-enable-mde', language } });
      const followUp = await say({ text });
      expect(cardTexts(followUp[0])[0]).toBe(titleOf('tp-enable-intune', language));
      const again = await say({
        text: language === 'en' ? 'can you show me those steps again?' : 'その手順をもう一回教えてください',
      });
      expect(cardTexts(again[0])[0]).toBe(titleOf('tp-enable-intune', language));
    },
  );

  it('reads a follow-up after a topic picked from a card, in Japanese too', async () => {
    const say = chat('ja-JP');
    await say({ value: { verb: 'choose-topic', entryId: 'tp-exclusions', language: 'ja' } });
    const followUp = await say({ text: 'the reg value is still 0 after the policy synced' });
    expect(cardTexts(followUp[0])[0]).toBe(titleOf('tp-exclusions', 'en'));
  });

  it.each([
    ['en-US', 'en', "Disabling tamper protection through Intune isn't working for our Windows 10 and 11 devices."],
    ['ja-JP', 'ja', 'Windows 10 と 11 の端末で、Intune から改ざん防止を無効にする設定が効きません'],
  ] as const)(
    'answers the case a message names and offers the other case the same word names (%s)',
    async (locale, language, text) => {
      const replies = await chat(locale)({ text });
      expect(replies).toHaveLength(2);
      expect(cardTexts(replies[0])[0]).toBe(titleOf('tp-enable-intune', language));
      expect(cardTexts(replies[1])[0]).toBe(t(language, 'branches.title'));
      expect(cardSubmits(replies[1])).toEqual([{ verb: 'choose-topic', entryId: 'tp-intune-without-mde', language }]);
    },
  );

  it('offers the second problem of a message beside the answer to the first', async () => {
    const replies = await chat('en-US')({
      text: 'Two things. Our new line-of-business app takes about 30 seconds to start the first time on every PC, only the first launch, why is that? Also, where can I find the list of cloud protection URLs for our firewall team?',
    });
    expect(replies).toHaveLength(2);
    expect(cardTexts(replies[0])[0]).toBe(titleOf('slow-first-launch', 'en'));
    expect(cardTexts(replies[1])[0]).toBe(t('en', 'also.title'));
    expect(cardSubmits(replies[1])).toEqual([{ verb: 'choose-topic', entryId: 'cloud-endpoints', language: 'en' }]);
  });
});
