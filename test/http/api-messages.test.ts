import { readFileSync } from 'node:fs';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { botAddedActivity, messageActivity } from '../support/activities.js';
import { startMockConnector, type MockConnector } from '../support/mock-connector.js';
import { CARD_NAMES } from '../../src/cards/card-data.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { textsIn } from '../support/card-content.js';
import { postActivity, ROOT, startTestApp, type TestApp } from '../support/start-test-app.js';

const knowledge = loadKnowledge(`${ROOT}knowledge`);
const titleOf = (id: string, language: 'ja' | 'en'): string =>
  knowledge.byId.get(id)?.[language].title ?? `(no entry ${id})`;

interface ExpectRepliesBody {
  activities: Array<{
    type: string;
    attachments?: Array<{ contentType: string; content: { body: Array<{ text: string }> } }>;
    text?: string;
  }>;
}

const cardTexts = (activity: ExpectRepliesBody['activities'][number] | Record<string, unknown>): string[] => {
  const attachments = (activity as ExpectRepliesBody['activities'][number]).attachments ?? [];
  return attachments.flatMap((attachment) => attachment.content.body.map((block) => block.text));
};

/** Every action in a reply's cards, wherever it sits. */
function collectActions(node: unknown): Array<{ type: string; title: string; data?: Record<string, string> }> {
  if (Array.isArray(node)) return node.flatMap(collectActions);
  if (typeof node !== 'object' || node === null) return [];
  const own =
    typeof (node as { type?: unknown }).type === 'string' &&
    String((node as { type: string }).type).startsWith('Action.')
      ? [node as { type: string; title: string }]
      : [];
  return [...own, ...Object.values(node).flatMap(collectActions)];
}

/** Posts a message with expectReplies and returns the replies. */
async function ask(bot: TestApp, fields: Record<string, unknown>): Promise<ExpectRepliesBody['activities']> {
  const result = await postActivity(
    bot.baseUrl,
    messageActivity({ serviceUrl: 'http://127.0.0.1:9', expectReplies: true, extra: fields }),
  );
  expect(result.status).toBe(200);
  return (result.json as ExpectRepliesBody).activities;
}

describe('POST /api/messages over real HTTP', () => {
  let bot: TestApp;
  let connector: MockConnector;

  beforeAll(async () => {
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot.stop();
  });
  afterEach(async () => {
    await connector?.close();
  });

  it('returns the answer card in the response body with deliveryMode expectReplies', async () => {
    const replies = await ask(bot, { text: 'why is my app slow the first time?' });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardTexts(replies[0]!)[0]).toBe(titleOf('slow-first-launch', 'en'));
  });

  it('answers in Japanese for Japanese text, whatever the locale', async () => {
    const replies = await ask(bot, { text: '改ざん防止が有効か状態を確認したい', locale: 'en-US' });
    expect(cardTexts(replies[0]!)[0]).toBe(titleOf('tp-check-status', 'ja'));
  });

  it('strips every Teams mention before matching', async () => {
    const replies = await ask(bot, { text: '<at>MDAV Bot</at> <at>Helpdesk</at> 0x80508015' });
    expect(cardTexts(replies[0]!)[0]).toBe(titleOf('maps-error-cloud-disabled', 'en'));
  });

  it('offers choices as wrapped rows with verb-carrying actions when the question is ambiguous', async () => {
    const replies = await ask(bot, { text: 'tamper protection' });
    const actions = collectActions(replies[0]!.attachments?.[0]?.content);
    // Entry titles are too long for buttons: each choice is a clickable row; "none of these" stays a button.
    expect(actions.filter((action) => action.data?.verb === 'choose-topic').length).toBeGreaterThanOrEqual(2);
    expect(actions.every((action) => action.type === 'Action.Submit' && typeof action.data?.verb === 'string')).toBe(
      true,
    );
    expect(actions.at(-1)?.data?.verb).toBe('none-of-these');
  });

  it('answers a clicked choice with the answer card in the language of the button', async () => {
    const replies = await ask(bot, {
      text: undefined,
      value: { verb: 'choose-topic', entryId: 'tp-check-status', language: 'ja' },
    });
    expect(cardTexts(replies[0]!)[0]).toBe(titleOf('tp-check-status', 'ja'));
  });

  it('says plainly when nothing fits, for out-of-scope questions', async () => {
    const replies = await ask(bot, { text: 'How do I reset my Outlook password?' });
    expect(cardTexts(replies[0]!)[0]).toBe('I could not find an answer to that');
  });

  it('answers "none of these" with the not-found card', async () => {
    const replies = await ask(bot, { text: undefined, value: { verb: 'none-of-these', language: 'en' } });
    expect(cardTexts(replies[0]!)[0]).toBe('I could not find an answer to that');
  });

  it.each([
    ['an unknown verb', { verb: 'launch-missiles' }],
    ['a forged entry id', { verb: 'choose-topic', entryId: '../../etc/passwd' }],
  ])('refuses %s politely', async (_name, value) => {
    const replies = await ask(bot, { text: undefined, value });
    expect(replies[0]!.text).toBe('That button is no longer available. Please ask your question again.');
  });

  it('diagnoses pasted output and adds later pastes in the same conversation to the facts', async () => {
    const conversationId = 'conv-paste-1';
    const first = await ask(bot, {
      conversation: { id: conversationId },
      text: 'ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80508015 httpcode=451)\nMpCmdRun.exe: hr = 0x80508015',
    });
    const firstCard = first[0]!.attachments?.[0]?.content as unknown as {
      body: Array<{ type: string; text?: string; facts?: Array<{ title: string; value: string }> }>;
    };
    expect(firstCard.body[0]?.text).toBe('What I read in your paste');
    expect(textsIn(firstCard)).toContain('❌ Cloud protection is off, or the connection is blocked (0x80508015)');

    const second = await ask(bot, {
      conversation: { id: conversationId },
      text: 'PS C:\\> (Get-MpPreference).MAPSReporting\n0',
    });
    // One "**name:** value" line per fact (a FactSet breaks long names mid-word in Teams).
    expect(cardTexts(second[0]!)).toEqual(
      expect.arrayContaining(['**ValidateMapsConnection:** failed (0x80508015, httpcode 451)', '**MAPSReporting:** 0']),
    );
    expect(textsIn(second[0])).toContain('❌ Cloud protection is turned off (MAPSReporting 0)');
  });

  it('reads a paste from the HTML attachment when Teams collapsed its lines', async () => {
    const replies = await ask(bot, {
      text: 'SERVICE_NAME: sense TYPE : 10 WIN32_OWN_PROCESS STATE : 1 STOPPED WIN32_EXIT_CODE : 1077 (0x435)',
      attachments: [
        {
          contentType: 'text/html',
          content:
            '<p>SERVICE_NAME: sense</p><p>TYPE : 10 WIN32_OWN_PROCESS</p><p>STATE : 1 STOPPED</p><p>WIN32_EXIT_CODE : 1077 (0x435)</p>',
        },
      ],
    });
    expect(textsIn(replies[0])).toContain('⚠️ The Sense service is not running: the device looks not onboarded to MDE');
  });

  it('round-trips the buttons of an answer card: related topic, feedback and escalate (the form)', async () => {
    const [answer] = await ask(bot, { text: 'what is block at first sight' });
    const actions = collectActions(answer);
    const related = actions.find((action) => action.data?.['verb'] === 'choose-topic');
    const up = actions.find((action) => action.data?.['verb'] === 'feedback' && action.data['value'] === 'up');
    const escalate = actions.find((action) => action.data?.['verb'] === 'escalate');
    expect(related).toMatchObject({ type: 'Action.Submit', data: { verb: 'choose-topic', language: 'en' } });
    expect(up).toMatchObject({ type: 'Action.Submit', data: { verb: 'feedback', value: 'up' } });
    expect(escalate).toMatchObject({ type: 'Action.Submit', data: { verb: 'escalate' } });

    const [relatedAnswer] = await ask(bot, { text: undefined, value: related!.data });
    expect(cardTexts(relatedAnswer!)[0]).toBe(titleOf(related!.data!['entryId']!, 'en'));
    const [thanks] = await ask(bot, { text: undefined, value: up!.data });
    expect(thanks!.text).toBe('Thanks for the feedback.');
    const [form] = await ask(bot, { text: undefined, value: escalate!.data });
    expect(cardTexts(form!)[0]).toBe('Escalate to L2');
    expect(
      bot.logs.some(
        (line) => line['msg'] === 'feedback' && line['entryId'] === 'block-at-first-sight' && line['helpful'] === true,
      ),
    ).toBe(true);
  });

  it('shows the topics card for "topics" and answers an example question from the help card', async () => {
    const [topics] = await ask(bot, { text: 'トピック一覧' });
    expect(cardTexts(topics!)[0]).toBe('お答えできるトピック');
    const [help] = await ask(bot, { text: 'help' });
    const example = collectActions(help!).find((action) => action.data?.['verb'] === 'ask');
    const [answer] = await ask(bot, { text: undefined, value: example!.data });
    expect(cardTexts(answer!)[0]).toBe(titleOf('slow-first-launch', 'en'));
  });

  it('keeps user text inert: Markdown links, template expressions, mentions and HTML', async () => {
    const hostile = '[x](https://evil.example) ${user} <at>x</at> <img src=x onerror=alert(1)> <b>bold</b>';
    const [reply] = await ask(bot, { text: `IsTamperProtected : False\nTamperProtectionSource : ${hostile}` });
    const json = JSON.stringify(reply);
    expect(json).toContain('IsTamperProtected');
    for (const dangerous of ['](https://evil', '${user}', '<at>', '<img', '<b>', 'https://evil'])
      expect(json).not.toContain(dangerous);
    const [answer] = await ask(bot, { text: `tamper protection ${hostile}` });
    for (const dangerous of ['](https://evil', '${user}', '<img'])
      expect(JSON.stringify(answer)).not.toContain(dangerous);
  });

  it('asks for output it cannot read again in a code block or as a file, in English and Japanese, instead of not-found', async () => {
    // Get-MpThreatDetection: list output, but of a command the parsers do not read, with its line breaks dropped.
    const output =
      'ActionSuccess                  : TrueAdditionalActionsBitMask       : 0CleaningActionID               : 2CurrentThreatExecutionStatusID : 1';
    const [english] = await ask(bot, { text: output });
    expect(english?.text).toContain('This looks like command output, but I could not read it');
    expect(english?.text).toContain('code block');
    const [japanese] = await ask(bot, { text: `この結果です ${output}`, locale: 'ja-JP' });
    expect(japanese?.text).toContain('コマンドの出力のようですが、読み取れませんでした');
    expect(japanese?.text).toContain('.txt ファイル');
  });

  it('diagnoses Get-MpComputerStatus output whose line breaks the client dropped', async () => {
    const text = readFileSync(`${ROOT}test/fixtures/pasted/get-mpcomputerstatus-doc-normal.txt`, 'utf8').replace(
      /\n/gu,
      '',
    );
    const replies = await ask(bot, { text });
    const card = replies.find((reply) => reply.type === 'message')?.attachments?.[0]?.content;
    expect(textsIn(card)).toContain('**TamperProtectionSource:** E5 transition');
  });

  it('shows the typing indicator before reading a long paste', async () => {
    const paste = `${'AMEngineVersion                  : 1.1.24050.5\n'.repeat(60)}IsTamperProtected                : False`;
    const replies = await ask(bot, { text: paste });
    expect(replies.map((reply) => reply.type)).toEqual(['typing', 'message']);
  });

  it('replies to greetings with a short text, not a knowledge answer', async () => {
    const replies = await ask(bot, { text: 'こんにちは' });
    expect(replies[0]!.text).toMatch(/^こんにちは。/u);
    expect(replies[0]!.attachments ?? []).toEqual([]);
  });

  it('posts the reply to the Bot Connector at serviceUrl as a reply to the inbound activity', async () => {
    connector = await startMockConnector();
    const activity = messageActivity({
      serviceUrl: connector.url,
      text: 'what is BAFS',
      id: 'inbound-42',
      conversationId: 'a:conv/1',
    });
    const result = await postActivity(bot.baseUrl, activity);
    expect(result.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply!.conversationId).toBe('a:conv/1');
    expect(reply!.replyToId).toBe('inbound-42');
    expect(cardTexts(reply!.body)[0]).toBe(titleOf('block-at-first-sight', 'en'));
  });

  it('welcomes the user in their locale when the bot is added', async () => {
    connector = await startMockConnector();
    await postActivity(bot.baseUrl, botAddedActivity({ serviceUrl: connector.url, locale: 'ja-JP' }));
    const [welcome] = await connector.waitFor(1);
    expect(cardTexts(welcome!.body)[0]).toBe('Microsoft Defender ウイルス対策 サポート');
  });

  it('does not welcome anyone when another member is added', async () => {
    const activity = {
      ...botAddedActivity({ serviceUrl: 'http://127.0.0.1:9', expectReplies: true }),
      membersAdded: [{ id: 'someone-else' }],
    };
    const result = await postActivity(bot.baseUrl, activity);
    expect(result.status).toBe(200);
    expect((result.json as ExpectRepliesBody).activities).toEqual([]);
  });

  // Messages skip botbuilder's handler chain (SupportBot.run); everything else still takes it. Teams sends an edit or
  // a deletion with its event type in channelData.
  it('leaves edits, deletions and reactions to botbuilder, which answers them with nothing', async () => {
    const base = messageActivity({ serviceUrl: 'http://127.0.0.1:9', expectReplies: true, extra: { text: 'hello' } });
    const others = [
      { type: 'messageUpdate', channelData: { eventType: 'editMessage' } },
      { type: 'messageDelete', channelData: { eventType: 'softDeleteMessage' } },
      { type: 'messageReaction', reactionsAdded: [{ type: 'like' }] },
    ];
    for (const other of others) {
      const result = await postActivity(bot.baseUrl, { ...base, ...other });
      expect(result.status, other.type).toBe(200);
      expect((result.json as ExpectRepliesBody).activities, other.type).toEqual([]);
    }
    // The same activity as a message is answered.
    expect(await ask(bot, { text: 'hello' })).toHaveLength(1);
  });

  it('apologises in the user language without error details when a turn fails, and logs the ids', async () => {
    // The first send is refused with 400 (not retried by the connector client), so the turn throws; the apology is the
    // next post.
    connector = await startMockConnector({ statusFor: (index) => (index === 0 ? 400 : undefined) });
    const activity = messageActivity({
      serviceUrl: connector.url,
      text: 'クラウド保護について',
      id: 'fail-1',
      conversationId: 'conv-fail',
    });
    const result = await postActivity(bot.baseUrl, activity);
    expect(result.status).toBe(200);
    const [apology] = await connector.waitFor(1);
    expect(apology!.body['text']).toBe(
      '申し訳ありません。メッセージの処理中にこちら側で問題が発生しました。しばらくしてからもう一度お試しください。',
    );
    expect(JSON.stringify(apology!.body)).not.toMatch(/ServiceError|status code|Error:/iu);
    const failure = bot.logs.find((line) => line['msg'] === 'turn failed');
    expect(failure).toMatchObject({ activityId: 'fail-1', conversationId: 'conv-fail', level: 50 });
  });

  it('never writes message text to the logs', async () => {
    const secretHost = 'CONTOSO-PC-4711.corp.contoso.example';
    await postActivity(
      bot.baseUrl,
      messageActivity({
        serviceUrl: 'http://127.0.0.1:9',
        text: `MpCmdRun failed on ${secretHost}`,
        expectReplies: true,
      }),
    );
    expect(bot.rawLogs()).toContain('turn handled');
    expect(bot.rawLogs()).not.toContain(secretHost);
  });
});

describe('request hygiene', () => {
  let bot: TestApp;

  beforeAll(async () => {
    bot = await startTestApp({ MAX_BODY_BYTES: '4096' });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('rejects malformed JSON with 400 and a JSON error', async () => {
    const result = await postActivity(bot.baseUrl, '{"type": "message", ');
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ error: { code: 'malformed_json', message: 'Request body is not valid JSON.' } });
  });

  it('rejects an activity without type with 400, not 500', async () => {
    const activity = messageActivity({ serviceUrl: 'http://127.0.0.1:9' });
    delete activity['type'];
    const result = await postActivity(bot.baseUrl, activity);
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: 'invalid_activity' } });
  });

  it.each([
    ['an array', []],
    ['a string', '"hello"'],
    ['no conversation', { type: 'message', serviceUrl: 'http://127.0.0.1:9' }],
    ['a bad serviceUrl', { type: 'message', serviceUrl: 'not a url', conversation: { id: 'c' } }],
    ['a numeric text', { type: 'message', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' }, text: 42 }],
    [
      'attachments that are not a list',
      { type: 'message', serviceUrl: 'http://127.0.0.1:9', conversation: { id: 'c' }, attachments: {} },
    ],
  ])('rejects %s with 400', async (_name, body) => {
    const result = await postActivity(bot.baseUrl, typeof body === 'string' ? body : body);
    expect(result.status).toBe(400);
  });

  it('rejects an empty body with 400', async () => {
    const result = await postActivity(bot.baseUrl, '');
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: 'empty_body' } });
  });

  it('rejects a body over the size limit with 413', async () => {
    const huge = messageActivity({ serviceUrl: 'http://127.0.0.1:9', text: 'x'.repeat(200_000) });
    const result = await postActivity(bot.baseUrl, huge);
    expect(result.status).toBe(413);
    expect(result.json).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('rejects a chunked body over the size limit with 413', async () => {
    const chunks = Array.from({ length: 8 }, () => 'y'.repeat(1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const response = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const response = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(response.status).toBe(415);
  });

  it('answers unknown routes with 404 JSON', async () => {
    const response = await fetch(`${bot.baseUrl}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'resource_not_found' } });
  });

  it('answers GET /api/messages with 405', async () => {
    const response = await fetch(`${bot.baseUrl}/api/messages`);
    expect(response.status).toBe(405);
  });

  it('answers HEAD /api/messages (the Agents Playground probe) with 200 and logs no error', async () => {
    const before = bot.logs.length;
    const response = await fetch(`${bot.baseUrl}/api/messages`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    const lines = bot.logs.slice(before);
    expect(lines.filter((line) => line['msg'] === 'http error' || Number(line['level']) >= 40)).toEqual([]);
  });

  it('reports liveness on /healthz', async () => {
    const response = await fetch(`${bot.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('reports readiness with each check on /readyz', async () => {
    const response = await fetch(`${bot.baseUrl}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      checks: {
        knowledge: { ok: true, detail: expect.stringMatching(/^\d+ entries$/u) },
        templates: { ok: true, detail: `${CARD_NAMES.length} loaded` },
        storage: { ok: true, detail: 'memory' },
      },
    });
  });
});

describe('authentication', () => {
  let bot: TestApp;
  let connector: MockConnector;

  beforeAll(async () => {
    bot = await startTestApp({
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '99999999-8888-7777-6666-555555555555',
    });
    connector = await startMockConnector();
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  it('rejects an activity without a token with 401 when an app id is configured, and runs no turn', async () => {
    const result = await postActivity(bot.baseUrl, messageActivity({ serviceUrl: connector.url, text: 'hello' }));
    expect(result.status).toBe(401);
    expect(bot.logs.some((line) => line['msg'] === 'turn handled')).toBe(false);
    expect(connector.received).toHaveLength(0);
  });

  it('rejects a garbage bearer token with 401', async () => {
    const result = await postActivity(bot.baseUrl, messageActivity({ serviceUrl: connector.url }), {
      authorization: 'Bearer not.a.jwt',
    });
    expect(result.status).toBe(401);
    expect(connector.received).toHaveLength(0);
  });

  it('keeps the app password out of the logs', () => {
    expect(bot.rawLogs()).not.toContain('not-a-real-secret');
  });
});

interface CardActivity {
  type: string;
  locale?: string;
  summary?: string;
  text?: string;
  attachments?: Array<{ content: { body: Array<Record<string, unknown>> } }>;
}

// Who is asking decides how the answer opens: employees get the plain answer, helpdesk the admin part open.
describe('answers that fit the person asking, over real HTTP', () => {
  const STAFF = '00000000-0000-0000-0000-0000000000f2';
  let bot: TestApp;

  beforeAll(async () => {
    bot = await startTestApp({ L2_ALLOWED_AAD_IDS: STAFF });
  });
  afterAll(async () => {
    await bot.stop();
  });

  const send = async (fields: Record<string, unknown>): Promise<CardActivity[]> => await ask(bot, fields);
  const body = (activity: CardActivity | undefined): Array<Record<string, unknown>> =>
    activity?.attachments?.[0]?.content.body ?? [];
  const adminPart = (activity: CardActivity | undefined): Record<string, unknown> | undefined =>
    body(activity).find((block) => block['id'] === 'admin-part');

  it("gives an employee the short answer first, the admin part folded, a summary and the reply's locale", async () => {
    const entry = knowledge.byId.get('slow-first-launch')!;
    const [reply] = await send({ text: 'アプリの初回起動が遅いのはなぜ?', locale: 'en-US' });
    expect(body(reply)[0]?.['text']).toBe(entry.ja.title);
    expect(body(reply)[1]?.['text']).toBe(entry.ja.short);
    expect(adminPart(reply)?.['isVisible']).toBe(false);
    expect(reply?.summary).toBe(entry.ja.title);
    // The reply is Japanese, so its locale is ja-JP even though the client sent en-US.
    expect(reply?.locale).toBe('ja-JP');
  });

  it('opens the admin part when the message carries an error code, and answers it with the WinHTTP proxy fix', async () => {
    const [reply] = await send({ text: 'the connection test fails with 0x80070006', locale: 'ja-JP' });
    expect(body(reply)[0]?.['text']).toBe(titleOf('winhttp-proxy', 'en'));
    expect(adminPart(reply)?.['isVisible']).toBe(true);
    expect(reply?.locale).toBe('en-US');
  });

  it('opens the admin part for L2 and helpdesk staff, and keeps it folded for the same question from an employee', async () => {
    const question = { text: 'What is tamper protection?' };
    const [staff] = await send({ ...question, from: { id: 'user-9', name: 'L2', aadObjectId: STAFF } });
    const [employee] = await send(question);
    expect(adminPart(staff)?.['isVisible']).toBe(true);
    expect(adminPart(employee)?.['isVisible']).toBe(false);
  });

  it('counts problems naturally in the diagnosis summary and sends it as the card summary', async () => {
    const paste = 'ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80072F8F httpcode=451)';
    const [en] = await send({ text: paste, locale: 'en-US' });
    expect(en?.summary).toMatch(/^1 problem found\./u);
    const [ja] = await send({ text: `この結果です\n${paste}`, locale: 'ja-JP' });
    expect(ja?.summary).toMatch(/^問題が 1 件見つかりました。/u);
    expect(ja?.locale).toBe('ja-JP');
  });

  it('sends text replies with the locale of their language', async () => {
    const [reply] = await send({ text: 'thanks', locale: 'ja-JP' });
    expect(reply?.text).toBe('You are welcome. Ask again any time.');
    expect(reply?.locale).toBe('en-US');
  });
});
