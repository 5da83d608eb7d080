import { afterEach, describe, expect, it } from 'vitest';

import { botAddedActivity, messageActivity } from '../support/activities.js';
import { startMockConnector, type MockConnector } from '../support/mock-connector.js';
import { textsIn } from '../support/card-content.js';
import { postActivity, startTestApp, type TestApp } from '../support/start-test-app.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '11111111-2222-3333-4444-555555555555';
type Activity = { type: string; text?: string; attachments?: unknown[] };

describe('limits and tenant policy over HTTP', () => {
  let bot: TestApp | undefined;
  let connector: MockConnector | undefined;

  afterEach(async () => {
    await bot?.stop();
    await connector?.close();
    bot = undefined;
    connector = undefined;
  });

  const ask = async (fields: Record<string, unknown>): Promise<Activity[]> => {
    const result = await postActivity(
      bot!.baseUrl,
      messageActivity({ serviceUrl: 'http://127.0.0.1:9', expectReplies: true, extra: fields }),
    );
    expect(result.status).toBe(200);
    return (result.json as { activities: Activity[] }).activities;
  };

  it('answers the allowed tenant and ignores others, logging only ids', async () => {
    bot = await startTestApp({ ALLOWED_TENANT_IDS: TENANT });
    const allowed = await ask({ text: 'what is BAFS', conversation: { id: 'c-tenant-1', tenantId: TENANT } });
    expect(allowed).toHaveLength(1);
    const viaChannelData = await ask({
      text: 'what is BAFS',
      conversation: { id: 'c-tenant-2' },
      channelData: { tenant: { id: TENANT } },
    });
    expect(viaChannelData).toHaveLength(1);
    const other = await ask({
      text: 'secret host CONTOSO-DC01 says 0x80070005',
      conversation: { id: 'c-tenant-3', tenantId: OTHER_TENANT },
    });
    expect(other).toEqual([]);
    const none = await ask({ text: 'what is BAFS', conversation: { id: 'c-tenant-4' } });
    expect(none).toEqual([]);
    const line = bot.logs.find(
      (entry) =>
        entry['msg'] === 'activity from a tenant that is not allowed; ignored' && entry['tenantId'] === OTHER_TENANT,
    );
    expect(line).toMatchObject({ conversationId: 'c-tenant-3' });
    expect(bot.rawLogs()).not.toContain('CONTOSO-DC01');
  });

  it('asks a user who sends too fast to slow down, politely, and lets others through', async () => {
    bot = await startTestApp({ RATE_LIMIT_PER_MINUTE: '3' });
    for (let index = 0; index < 3; index += 1)
      expect((await ask({ text: 'what is BAFS' }))[0]?.attachments).toHaveLength(1);
    const [limited] = await ask({ text: 'what is BAFS' });
    expect(limited?.text).toBe(
      'You are sending messages faster than I can help with. Please wait a minute and send your question again.',
    );
    const [japanese] = await ask({ text: '事前ブロックとは' });
    expect(japanese?.text).toMatch(/^メッセージの送信間隔が短すぎます/u);
    const [someoneElse] = await ask({ text: 'what is BAFS', from: { id: 'user-2', name: 'Other' } });
    expect(someoneElse?.attachments).toHaveLength(1);
  });

  it('asks for text when only an image arrives', async () => {
    bot = await startTestApp();
    const [reply] = await ask({
      text: '',
      attachments: [
        { contentType: 'image/png', contentUrl: 'https://example.invalid/x.png' },
        { contentType: 'text/html', content: '<div><img src="https://example.invalid/x.png"></div>' },
      ],
    });
    expect(reply?.text).toBe(
      'I cannot read images or files. Please paste the text of the error or the command output instead.',
    );
  });

  it('reads a message over the length limit in part and says so', async () => {
    bot = await startTestApp({ MAX_BODY_BYTES: String(1024 * 1024) });
    const long = `ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80072F8F httpcode=451)\n${'x'.repeat(30_000)}`;
    const replies = await ask({ text: long });
    expect(textsIn(replies)).toContain('❌ The TLS connection to the cloud failed (0x80072F8F)');
    expect(replies.at(-1)?.text).toBe('Your message was very long: I read the first 20,000 characters.');
  });
});

describe('log safety over a whole conversation', () => {
  it('never writes pasted text, host names, tokens or the app password to the logs', async () => {
    const connector = await startMockConnector();
    // (The app password staying out of the logs is checked with authentication on, in api-messages.test.ts.)
    const bot = await startTestApp({ L2_CHANNEL_ID: '19:l2@thread.tacv2', LOG_LEVEL: 'trace' });
    try {
      const host = 'CONTOSO-LAPTOP-0042.corp.contoso.example';
      const say = async (fields: Record<string, unknown>) =>
        (
          (
            await postActivity(
              bot.baseUrl,
              messageActivity({
                serviceUrl: connector.url,
                conversationId: 'c-logs',
                expectReplies: true,
                extra: fields,
              }),
            )
          ).json as {
            activities: Array<{
              attachments?: Array<{ content: { actions?: Array<{ data: Record<string, unknown> }> } }>;
            }>;
          }
        ).activities;
      await say({ text: `why does ${host} start apps slowly the first time?` });
      await say({
        text: `PS C:\\Users\\taro.yamada> Get-MpComputerStatus\nComputerID : ${host}\nIsTamperProtected : False\nAMRunningMode : Normal`,
      });
      const [form] = await say({ text: 'escalate' });
      const data = form?.attachments?.[0]?.content.actions?.[0]?.data ?? {};
      await say({
        text: undefined,
        value: {
          ...data,
          deviceName: host,
          tried: `rebooted ${host}`,
          impact: 'low',
          mdeOnboarded: 'no',
          intuneManaged: 'no',
        },
      });
      const logs = bot.rawLogs();
      expect(logs).toContain('question matched');
      expect(logs).toContain('paste read');
      expect(logs).toContain('"kind":"created"');
      for (const secret of [host, 'taro.yamada', 'rebooted', 'Bearer ']) expect(logs, secret).not.toContain(secret);
    } finally {
      await bot.stop();
      await connector.close();
    }
  });
});

describe('outbound replies', () => {
  it('retries a reply that Teams throttles with 429, and sends it once', async () => {
    let requests = 0;
    const connector = await startMockConnector({ statusFor: () => (requests++ < 2 ? 429 : undefined) });
    const bot = await startTestApp();
    try {
      const result = await postActivity(
        bot.baseUrl,
        messageActivity({ serviceUrl: connector.url, text: 'what is BAFS', id: 'throttled-1' }),
      );
      expect(result.status).toBe(200);
      const [reply] = await connector.waitFor(1);
      expect(reply?.replyToId).toBe('throttled-1');
      expect(connector.received).toHaveLength(1);
    } finally {
      await bot.stop();
      await connector.close();
    }
  });
});

describe('rate limit on every activity type', () => {
  it('sends no more welcome cards once a sender is over the limit', async () => {
    const bot = await startTestApp({ RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const welcomes: number[] = [];
      for (let index = 0; index < 6; index += 1) {
        const result = await postActivity(
          bot.baseUrl,
          botAddedActivity({ serviceUrl: 'http://127.0.0.1:9', expectReplies: true }),
        );
        expect(result.status).toBe(200);
        welcomes.push(((result.json as { activities?: unknown[] } | undefined)?.activities ?? []).length);
      }
      expect(welcomes.slice(0, 2).every((count) => count > 0)).toBe(true);
      expect(welcomes.slice(2)).toEqual([0, 0, 0, 0]);
      expect(
        bot.logs.filter((line) => line['msg'] === 'rate limited' && line['activityType'] === 'conversationUpdate'),
      ).toHaveLength(4);
    } finally {
      await bot.stop();
    }
  });
});
