import { afterEach, describe, expect, it } from 'vitest';

import { messageActivity } from '../support/activities.js';
import { submitActivity, toldTicketId } from '../support/escalation.js';
import { startMockConnector, type MockConnector } from '../support/mock-connector.js';
import { postActivity, startTestApp, type TestApp } from '../support/start-test-app.js';

const L2_CHANNEL = '19:l2-support@thread.tacv2';
const GROUP = '19:group-chat-1@thread.v2';
const alice = { id: 'l2-alice', name: 'Alice', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001' };

type Activity = { text?: string };

describe("answering L2's question in a group chat", () => {
  let bot: TestApp | undefined;
  let connector: MockConnector | undefined;
  afterEach(async () => {
    await bot?.stop();
    await connector?.close();
  });

  it('takes the answer only from the requester (or an L2 member); other members just talk to the bot', async () => {
    connector = await startMockConnector();
    bot = await startTestApp({
      L2_CHANNEL_ID: L2_CHANNEL,
      L2_LANGUAGE: 'en',
      ESCALATION_RETRY_SECONDS: '0',
      L2_ALLOWED_AAD_IDS: alice.aadObjectId,
    });
    const url = connector.url;
    const say = async (from: Record<string, unknown>, text: string): Promise<Activity[]> =>
      (
        (
          await postActivity(
            bot?.baseUrl ?? '',
            messageActivity({
              serviceUrl: url,
              conversationId: GROUP,
              expectReplies: true,
              extra: { text, from, conversation: { id: GROUP, conversationType: 'groupChat', isGroup: true } },
            }),
          )
        ).json as { activities: Activity[] }
      ).activities;

    const submit = submitActivity(url, GROUP, 'draft-group-chat', 'PC-GROUP');
    const ticketId =
      toldTicketId(
        (
          await postActivity(bot.baseUrl, {
            ...submit,
            conversation: { id: GROUP, conversationType: 'groupChat', isGroup: true },
          })
        ).json,
      ) ?? '';
    expect(ticketId).toMatch(/^MDAV-/u);
    await postActivity(
      bot.baseUrl,
      messageActivity({
        serviceUrl: url,
        conversationId: `${L2_CHANNEL};messageid=1001`,
        expectReplies: true,
        extra: {
          text: undefined,
          value: { verb: 'l2-request-info', ticketId, question: 'Which proxy do you use?' },
          from: alice,
          conversation: { id: `${L2_CHANNEL};messageid=1001`, conversationType: 'channel', isGroup: true },
          channelData: { channel: { id: L2_CHANNEL } },
        },
      }),
    );
    expect((await bot.app.tickets.get(ticketId))?.status).toBe('waiting-for-user');

    // Another member of the group chat: a question of their own, not the answer.
    const [other] = await say({ id: 'user-2', name: 'Eve' }, 'what is tamper protection');
    expect(other?.text ?? '').not.toContain('Added to ticket');
    expect((await bot.app.tickets.get(ticketId))?.status).toBe('waiting-for-user');

    // The requester (user-1, as in the submit): the answer.
    const [answer] = await say({ id: 'user-1', name: 'Test User' }, 'proxy.contoso.example:8080');
    expect(answer?.text).toBe(`Added to ticket ${ticketId}. L2 has been told.`);
    const stored = await bot.app.tickets.get(ticketId);
    expect(
      stored?.events.filter((event) => event.kind === 'user-replied').map((event) => [event.by.id, event.note]),
    ).toEqual([['user-1', 'proxy.contoso.example:8080']]);
  }, 30_000);
});
