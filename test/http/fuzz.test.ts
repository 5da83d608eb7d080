import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { messageActivity } from '../support/activities.js';
import { startMockConnector, type MockConnector } from '../support/mock-connector.js';
import { postActivity, startTestApp, type TestApp } from '../support/start-test-app.js';
import { CARD_VERBS } from '../../src/cards/card-verbs.js';

let SERVICE_URL = '';

/** A value nested `depth` levels deep. */
const deep = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? { nested: value } : [value];
  return value;
};

// Pieces of activities, valid and invalid, that the generator combines.
const anyJson = fc.jsonValue({ maxDepth: 4 });
const field = fc.oneof(
  anyJson,
  fc.string({ maxLength: 64 }),
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.constant(deep(200)),
);
// Every verb the cards carry, and some they never do.
const verb = fc.constantFrom<string>(...CARD_VERBS, 'launch', '', '__proto__', 'constructor');
const forgedValue = fc.record(
  {
    verb,
    entryId: fc.oneof(
      fc.constantFrom('slow-first-launch', '../../etc/passwd', '__proto__', ''),
      fc.string({ maxLength: 40 }),
    ),
    ticketId: fc.oneof(
      fc.constantFrom('MDAV-20261129-0001', 'MDAV-99999999-9999', '../tickets/x', ''),
      fc.string({ maxLength: 40 }),
    ),
    draftId: fc.oneof(fc.uuid(), fc.string({ maxLength: 80 })),
    language: fc.constantFrom('ja', 'en', 'xx', ''),
    text: fc.string({ maxLength: 200 }),
    deviceName: fc.string({ maxLength: 200 }),
    impact: fc.constantFrom('low', 'critical', 'x'),
  },
  { requiredKeys: ['verb'] },
);
const activity = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom(
        'message',
        'invoke',
        'conversationUpdate',
        'event',
        'typing',
        'messageReaction',
        'installationUpdate',
        '',
      ),
      fc.string({ maxLength: 20 }),
      fc.integer(),
    ),
    name: fc.oneof(
      fc.constantFrom(
        'adaptiveCard/action',
        'composeExtension/query',
        'task/fetch',
        'signin/verifyState',
        'unknown/thing',
      ),
      fc.string({ maxLength: 30 }),
    ),
    text: fc.oneof(fc.string({ maxLength: 500 }), fc.constant('x'.repeat(30_000)), field),
    value: fc.oneof(forgedValue, field),
    attachments: fc.oneof(
      fc.array(
        fc.record({
          contentType: fc.constantFrom('text/html', 'image/png', 'application/vnd.microsoft.card.adaptive'),
          content: field,
        }),
      ),
      // Teams file download info with forged links: none is on the allowed hosts, so nothing is downloaded.
      fc.array(
        fc.record({
          contentType: fc.constant('application/vnd.microsoft.teams.file.download.info'),
          name: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('a.txt', 'b.log', 'c.csv', 'd.pdf'), field),
          content: fc.oneof(
            fc.record({
              downloadUrl: fc.oneof(
                fc.string({ maxLength: 60 }),
                fc.constantFrom('http://127.0.0.1:9/a.txt', 'https://evil.example/a.txt', 'file:///etc/passwd'),
              ),
              fileType: fc.oneof(fc.constantFrom('txt', 'log', 'csv', 'pdf'), field),
            }),
            field,
          ),
        }),
      ),
      field,
    ),
    conversation: fc.oneof(
      fc.record({ id: fc.string({ minLength: 1, maxLength: 80 }), tenantId: fc.option(fc.uuid()) }),
      field,
    ),
    from: fc.oneof(fc.record({ id: fc.string({ maxLength: 40 }), aadObjectId: fc.option(fc.uuid()) }), field),
    recipient: fc.oneof(fc.record({ id: fc.constant('bot-1') }), field),
    channelData: fc.oneof(
      fc.record({ channel: fc.record({ id: fc.constantFrom('19:l2@thread.tacv2', '19:other@thread.tacv2') }) }),
      field,
    ),
    membersAdded: fc.oneof(fc.array(fc.record({ id: fc.constantFrom('bot-1', 'user-1') })), field),
    locale: fc.oneof(fc.constantFrom('ja-JP', 'en-US'), field),
  },
  { requiredKeys: [] },
);

describe('fuzzing POST /api/messages', () => {
  let bot: TestApp;
  let connector: MockConnector;

  beforeAll(async () => {
    // Replies that are not expectReplies go to a real (mock) connector, so every turn completes quickly.
    connector = await startMockConnector();
    SERVICE_URL = connector.url;
    bot = await startTestApp({ L2_CHANNEL_ID: '19:l2@thread.tacv2', MAX_BODY_BYTES: String(256 * 1024) });
  });
  afterAll(async () => {
    await bot.stop();
    await connector.close();
  });

  it('never crashes and never answers 500 without a logged reason', async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(activity, fc.boolean(), async (generated, expectReplies) => {
        sent += 1;
        const body = {
          channelId: 'msteams',
          serviceUrl: SERVICE_URL,
          id: `fuzz-${sent}`,
          ...generated,
          ...(expectReplies ? { deliveryMode: 'expectReplies' } : {}),
        };
        const result = await postActivity(bot.baseUrl, body);
        if (result.status >= 500) {
          const logged = bot.logs.some(
            (line) => Number(line['level']) >= 40 && (line['activityId'] === body.id || line['msg'] === 'http error'),
          );
          expect(logged, `500 without a logged reason: ${result.text}`).toBe(true);
          expect(result.text).not.toMatch(/at .*\.js:\d+|Error:/u);
        }
        expect([200, 201, 202, 400, 401, 404, 413, 415, 500, 501, 503]).toContain(result.status);
      }),
      { numRuns: 400, interruptAfterTimeLimit: 60_000 },
    );
    expect(sent).toBeGreaterThan(100);
  }, 90_000);

  it('logs why a nameless invoke gets a server error from botbuilder', async () => {
    const result = await postActivity(bot.baseUrl, {
      type: 'invoke',
      id: 'nameless-invoke',
      channelId: 'msteams',
      serviceUrl: SERVICE_URL,
      conversation: { id: 'c-invoke' },
    });
    if (result.status >= 500)
      expect(
        bot.logs.some(
          (line) =>
            line['activityId'] === 'nameless-invoke' && line['msg'] === 'activity handler answered with a server error',
        ),
      ).toBe(true);
    expect(result.text).not.toMatch(/Error:|at .*\.js/u);
  });

  it('rejects raw bytes that are not UTF-8 or not JSON without crashing', async () => {
    for (const bytes of [
      Buffer.from([0xff, 0xfe, 0x7b, 0x22]),
      Buffer.from([0xc3, 0x28, 0x7b, 0x7d]),
      Buffer.from('{"type":"message","text":"\udc00"}'),
    ]) {
      const response = await fetch(`${bot.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: bytes,
      });
      expect(response.status).toBe(400);
    }
  });

  it.each([1000, 100_000])('survives JSON nested %i levels deep', async (depth) => {
    const activityJson = JSON.stringify(messageActivity({ serviceUrl: SERVICE_URL, expectReplies: true }));
    const body = `${activityJson.slice(0, -1)},"value":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const result = await postActivity(bot.baseUrl, body);
    expect([200, 400, 413]).toContain(result.status);
  });

  it('still answers normally afterwards', async () => {
    const result = await postActivity(
      bot.baseUrl,
      messageActivity({ serviceUrl: SERVICE_URL, text: 'what is BAFS', expectReplies: true }),
    );
    expect(result.status).toBe(200);
    expect((result.json as { activities: unknown[] }).activities).toHaveLength(1);
  });
});
