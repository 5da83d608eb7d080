import { TestAdapter, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';

import { readTurnInput } from '../../src/bot/read-turn-input.js';
import { createTurnErrorHandler, TURN_INPUT } from '../../src/bot/turn-error-handler.js';
import { detectLanguage, pasteLanguage } from '../../src/i18n/language.js';
import { t } from '../../src/i18n/messages.js';
import { createLogger } from '../../src/log/create-logger.js';
import { chooseMessageText } from '../../src/matching/normalize-text.js';
import { fakeTurnInput } from '../support/fake-turn-input.js';

const PASTE = 'AMRunningMode : Normal\nRealTimeProtectionEnabled : False';
const message = (activity: Partial<Activity>) =>
  readTurnInput({ type: 'message', conversation: { id: 'c' } as never, ...activity });

// Each case names the rule a route used before the language was decided once per turn, and its result.
describe('TurnInput.language (decided once per turn)', () => {
  const texts: Array<[string, string | undefined]> = [
    ['how do I add an exclusion?', 'ja-JP'],
    ['除外を追加するには?', 'en-US'],
    ['0x80070005', 'ja-JP'],
    ['0x80070005', 'en-US'],
    ['', 'ja-JP'],
    ['', 'fr-FR'],
    ['hello', undefined],
  ];

  it.each(texts)('text %j (%s): the language of its words, as the matcher decided', (text, locale) => {
    const input = message({ text, locale });
    expect(input.paste).toBeUndefined();
    expect(input.language).toBe(detectLanguage(chooseMessageText(text, undefined), locale));
    // The turn input's old rule gave the same for text without HTML.
    expect(input.language).toBe(detectLanguage(text, locale));
  });

  it('text with HTML: the language of the text the matcher reads', () => {
    // The client joined the lines of the text; its HTML keeps them (and a Japanese line the text lost).
    const html = '<p>0x80070005</p><p>更新が失敗する</p>';
    const attachments = [{ contentType: 'text/html', content: html }];
    const input = message({ text: '0x80070005', locale: 'en-US', attachments });
    expect(input.language).toBe(detectLanguage(chooseMessageText('0x80070005', html), 'en-US'));
    expect(input.language).toBe('ja');
  });

  const pastes: Array<[string, string, 'ja' | 'en']> = [
    [PASTE, 'ja-JP', 'ja'],
    [PASTE, 'en-US', 'en'],
    [`what does this mean?\n${PASTE}`, 'ja-JP', 'ja'],
    [`これはどういう意味?\n${PASTE}`, 'en-US', 'ja'],
    [PASTE, 'de-DE', 'en'],
  ];

  it.each(pastes)(
    'pasted output %j (%s): the words around it, else the locale (the paste rule)',
    (text, locale, to) => {
      const input = message({ text, locale });
      expect(input.paste).toBeDefined();
      expect(input.language).toBe(pasteLanguage(text, locale));
      expect(input.language).toBe(to);
    },
  );

  it('card clicks: the language stored on the button, else the text and locale', () => {
    const click = (value: Record<string, unknown>, locale: string) => message({ text: '', locale, value });
    expect(click({ verb: 'help', language: 'ja' }, 'en-US').language).toBe('ja');
    expect(click({ verb: 'help', language: 'en' }, 'ja-JP').language).toBe('en');
    expect(click({ verb: 'l2-assign', ticketId: 'T-1' }, 'ja-JP').language).toBe('ja');
    expect(click({ verb: 'l2-assign', ticketId: 'T-1' }, 'en-US').language).toBe('en');
    expect(click({ verb: 'help', language: 'fr' }, 'ja-JP').language).toBe('ja');
    // A click is never read as a paste, whatever text comes with it.
    expect(message({ text: PASTE, locale: 'ja-JP', value: { verb: 'help', language: 'en' } }).language).toBe('en');
  });

  it('a test may fix the language; otherwise fakes decide it like the bot', () => {
    expect(fakeTurnInput({ text: 'hello', language: 'ja' }).language).toBe('ja');
    expect(fakeTurnInput({ text: '除外' }).language).toBe('ja');
    expect(fakeTurnInput().language).toBe('en');
  });
});

describe('turn error handler', () => {
  const silent = createLogger({ level: 'silent', format: 'json' });

  const apologyFor = async (activity: Partial<Activity>, keep: boolean): Promise<string | undefined> => {
    const adapter = new TestAdapter(async (context) => {
      if (keep) context.turnState.set(TURN_INPUT, readTurnInput(context.activity));
      throw new Error('boom');
    });
    adapter.onTurnError = createTurnErrorHandler(silent);
    let text: string | undefined;
    await adapter.send(activity).assertReply((reply) => {
      text = reply.text;
    });
    return text;
  };

  it("apologises in the turn's decided language", async () => {
    // A Japanese button clicked in an English client: the turn, and so the apology, is Japanese.
    const click = { type: 'message', text: '', locale: 'en-US', value: { verb: 'help', language: 'ja' } };
    expect(await apologyFor(click, true)).toBe(t('ja', 'error.apology'));
    expect(await apologyFor({ type: 'message', text: PASTE, locale: 'ja-JP' }, true)).toBe(t('ja', 'error.apology'));
  });

  it('falls back to the text and locale when the turn failed before its input was read', async () => {
    expect(await apologyFor({ type: 'message', text: 'hello', locale: 'ja-JP' }, false)).toBe(t('en', 'error.apology'));
    expect(await apologyFor({ type: 'message', text: '', locale: 'ja-JP' }, false)).toBe(t('ja', 'error.apology'));
  });
});
