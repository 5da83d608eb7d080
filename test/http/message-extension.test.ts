import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { cardProblems, submitActions } from '../support/card-problems.js';
import { postActivity, ROOT, startTestApp, type TestApp } from '../support/start-test-app.js';

const SERVICE_URL = 'http://127.0.0.1:1';
const knowledge = loadKnowledge(join(ROOT, 'knowledge'));
const title = (id: string, language: 'en' | 'ja'): string => knowledge.byId.get(id)![language].title;

let counter = 0;
/** A Teams message-extension invoke from an ordinary employee (override `from` or `channelData` for L2). */
function invoke(name: string, value: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    type: 'invoke',
    name,
    id: `ext-${counter}`,
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    conversation: { id: `19:group-${counter}@thread.v2`, conversationType: 'groupChat' },
    from: { id: '29:user-1', name: 'Test User', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    recipient: { id: '28:bot', name: 'MDAV Bot' },
    locale: 'en-US',
    value,
    ...extra,
  };
}

const query = (commandId: string, text: string | undefined, extra: Record<string, unknown> = {}, options: Record<string, unknown> = {}) =>
  invoke('composeExtension/query', { commandId, parameters: text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }], queryOptions: { skip: 0, count: 25, ...options } }, extra);

interface Attachment {
  contentType: string;
  content: Record<string, unknown>;
  preview?: { contentType: string; content: { title: string; text: string; tap?: { type: string; value: Record<string, unknown> } } };
}
interface ExtensionResult {
  composeExtension: { type: 'result'; attachmentLayout: string; attachments: Attachment[] } | { type: 'message'; text: string };
}

/** Posts an invoke and returns the response body, failing on any status but 200. */
async function send(bot: TestApp, activity: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await postActivity(bot.baseUrl, activity);
  expect(response.status, response.text).toBe(200);
  return response.json as Record<string, unknown>;
}

const results = (body: Record<string, unknown>): Attachment[] => {
  const extension = (body as unknown as ExtensionResult).composeExtension;
  expect(extension.type, JSON.stringify(body).slice(0, 300)).toBe('result');
  return extension.type === 'result' ? extension.attachments : [];
};
const message = (body: Record<string, unknown>): string => {
  const extension = (body as unknown as ExtensionResult).composeExtension;
  expect(extension.type, JSON.stringify(body).slice(0, 300)).toBe('message');
  return extension.type === 'message' ? extension.text : '';
};
/** The one adaptive card inserted by a selectItem or submitAction response, checked valid at 1.5. */
const insertedCard = (body: Record<string, unknown>): Record<string, unknown> => {
  const attachments = results(body);
  expect(attachments).toHaveLength(1);
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = attachments[0]!.content;
  expect(cardProblems(card)).toEqual([]);
  expect(JSON.stringify(card)).not.toContain('${');
  return card;
};

describe('knowledge search from the compose box', () => {
  let bot: TestApp;
  beforeAll(async () => {
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('lists the matching entries best first with the first line of the short answer', async () => {
    const list = results(await send(bot, query('search-knowledge', 'why is this app so slow the first time?')));
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]?.preview?.content.title).toBe(title('slow-first-launch', 'en'));
    expect(list[0]?.preview?.content.text.length).toBeGreaterThan(10);
    expect(knowledge.byId.get('slow-first-launch')!.en.short.startsWith(list[0]!.preview!.content.text.replace(/…$/u, ''))).toBe(true);
    expect(list[0]?.preview?.content.tap).toEqual({ type: 'invoke', value: { kind: 'entry', entryId: 'slow-first-launch', language: 'en', adminOpen: false } });
  });

  it('answers in the language of the query, and an error code straight to its entry with the admin part open', async () => {
    const japanese = results(await send(bot, query('search-knowledge', '改ざん防止がオンにならない')));
    expect(japanese.length).toBeGreaterThan(0);
    expect(japanese.every((item) => item.preview?.content.tap?.value['language'] === 'ja')).toBe(true);
    expect(japanese.map((item) => item.preview?.content.title)).toContain(title(String(japanese[0]?.preview?.content.tap?.value['entryId']), 'ja'));
    const code = results(await send(bot, query('search-knowledge', '0x80508015')));
    expect(code[0]?.preview?.content.tap?.value).toMatchObject({ kind: 'entry', adminOpen: true });
  });

  it('inserts the answer card, valid at 1.5, without buttons that would not reach the bot', async () => {
    for (const [language, tap] of [['en', { kind: 'entry', entryId: 'slow-first-launch', language: 'en', adminOpen: false }], ['ja', { kind: 'entry', entryId: 'tamper-protection-overview', language: 'ja', adminOpen: true }]] as const) {
      const card = insertedCard(await send(bot, invoke('composeExtension/selectItem', tap)));
      const text = JSON.stringify(card);
      expect(text).toContain(title(tap.entryId, language));
      expect(submitActions(card)).toEqual([]);
      // The admin part stays one toggle away (client-side), open when the query read like helpdesk.
      expect(text).toContain('Action.ToggleVisibility');
    }
  });

  it('answers empty, nonsense, too long and unknown queries with a message or an empty list, never an error', async () => {
    expect(message(await send(bot, query('search-knowledge', '   ')))).toContain('Type a question');
    expect(message(await send(bot, query('search-knowledge', undefined)))).toContain('Type a question');
    expect(results(await send(bot, query('search-knowledge', 'qwzx plorf vrumble')))).toEqual([]);
    expect(message(await send(bot, query('search-knowledge', 'tamper '.repeat(80))))).toContain('at most 500 characters');
    expect(message(await send(bot, query('no-such-command', 'tamper')))).toContain('not available');
    expect(message(await send(bot, invoke('composeExtension/query', 'not an object')))).toContain('not available');
    expect(message(await send(bot, invoke('composeExtension/query', { commandId: 'search-knowledge', parameters: [{ name: 'query', value: 42 }] })))).toContain('Type a question');
    expect(message(await send(bot, invoke('composeExtension/selectItem', { kind: 'entry', entryId: '../../etc/passwd', language: 'en' })))).toContain('no longer available');
    expect(message(await send(bot, invoke('composeExtension/selectItem', ['x'])))).toContain('no longer available');
    expect(bot.logs.filter((line) => line['level'] === 50)).toEqual([]);
  });

  it('logs command ids, counts and lengths, never the query text', async () => {
    await send(bot, query('search-knowledge', 'secret-host-4711 tamper protection'));
    expect(bot.logs.some((line) => line['msg'] === 'extension invoke' && line['commandId'] === 'search-knowledge' && line['queryLength'] === 34)).toBe(true);
    expect(bot.rawLogs()).not.toContain('secret-host-4711');
  });
});

describe('"Diagnose with the Defender bot" on a message', () => {
  let bot: TestApp;
  beforeAll(async () => {
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot.stop();
  });

  const fetchTask = (content: string, contentType = 'html', extra: Record<string, unknown> = {}) =>
    invoke('composeExtension/fetchTask', { commandId: 'diagnose-message', commandContext: 'message', context: { theme: 'default' }, messagePayload: { id: '1700000000000', body: { contentType, content } } }, extra);
  const submit = (data: Record<string, unknown>, messagePayload?: Record<string, unknown>) =>
    invoke('composeExtension/submitAction', { commandId: 'diagnose-message', commandContext: 'message', data, ...(messagePayload ? { messagePayload } : {}) });
  const dialogCard = (body: Record<string, unknown>): Record<string, unknown> => {
    const task = body['task'] as { type: string; value: { title: string; card: { contentType: string; content: Record<string, unknown> } } };
    expect(task.type, JSON.stringify(body).slice(0, 300)).toBe('continue');
    expect(task.value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(task.value.card.content)).toEqual([]);
    return task.value.card.content;
  };

  it('shows the answer to a question first, and inserts it when the caller chooses to', async () => {
    const card = dialogCard(await send(bot, fetchTask('<p>why is this app so slow the first time?</p>')));
    expect(JSON.stringify(card)).toContain(title('slow-first-launch', 'en'));
    const buttons = submitActions(card);
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.title).toBe('Insert into chat');
    expect(buttons[0]?.data).toEqual({ verb: 'extension-insert', kind: 'entry', entryId: 'slow-first-launch', language: 'en' });
    const inserted = insertedCard(await send(bot, submit(buttons[0]!.data!)));
    expect(JSON.stringify(inserted)).toContain(title('slow-first-launch', 'en'));
    expect(submitActions(inserted)).toEqual([]);
  });

  it('diagnoses pasted output and inserts the diagnosis read again from the message', async () => {
    const paste = readFileSync(join(ROOT, 'test/fixtures/pasted/validatemaps-doc-error-80072ee7-httpcode-451.txt'), 'utf8');
    const payload = { id: '1700000000001', body: { contentType: 'text', content: paste } };
    const card = dialogCard(await send(bot, fetchTask(paste, 'text')));
    expect(JSON.stringify(card)).toContain('What I read in your paste');
    const buttons = submitActions(card);
    expect(buttons.map((button) => button.data)).toEqual([{ verb: 'extension-insert', kind: 'diagnosis', language: 'en' }]);
    const inserted = insertedCard(await send(bot, submit(buttons[0]!.data!, payload)));
    expect(JSON.stringify(inserted)).toContain('What I read in your paste');
    expect(JSON.stringify(inserted)).toContain('0x80072EE7');
    expect(submitActions(inserted)).toEqual([]);
    // Without the message, nothing is made up: the caller is asked to run the action again.
    const gone = await send(bot, submit(buttons[0]!.data!));
    expect((gone['task'] as { type: string; value: string }).value).toContain('run "Diagnose with the Defender bot"');
    expect(bot.rawLogs()).not.toContain('httpcode=451');
  });

  it('offers choices for an unclear message and shows the answer picked, in Japanese for a Japanese message', async () => {
    const card = dialogCard(await send(bot, fetchTask('改ざん防止', 'text', { locale: 'ja-JP' })));
    const picks = submitActions(card).filter((button) => button.data?.['verb'] === 'choose-topic');
    expect(picks.length).toBeGreaterThanOrEqual(2);
    const answer = dialogCard(await send(bot, submit(picks[0]!.data!)));
    expect(JSON.stringify(answer)).toContain(title(String(picks[0]!.data!['entryId']), 'ja'));
    expect(submitActions(answer).map((button) => button.data?.['verb'])).toEqual(['extension-insert']);
  });

  it('says so for a message without text, nonsense, an unknown command and forged data', async () => {
    const noText = (await send(bot, invoke('composeExtension/fetchTask', { commandId: 'diagnose-message', messagePayload: { body: { contentType: 'html', content: '' } } })))['task'] as { type: string; value: string };
    expect(noText).toEqual({ type: 'message', value: expect.stringContaining('no text the bot can read') });
    const none = dialogCard(await send(bot, fetchTask('qwzx plorf vrumble')));
    expect(JSON.stringify(none)).toContain('I could not find an answer');
    expect(submitActions(none)).toEqual([]);
    expect(((await send(bot, invoke('composeExtension/fetchTask', { commandId: 'other' })))['task'] as { type: string }).type).toBe('message');
    expect(message(await send(bot, invoke('composeExtension/submitAction', { commandId: 'other', data: {} })))).toContain('not available');
    for (const data of [{ verb: 'extension-insert', kind: 'entry', entryId: 'nope' }, { verb: 'l2-assign', ticketId: 'MDAV-20261129-0001' }, 'garbage']) {
      expect(((await send(bot, submit(data as Record<string, unknown>)))['task'] as { type: string }).type).toBe('message');
    }
  });
});
