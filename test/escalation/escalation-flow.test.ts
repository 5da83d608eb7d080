import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { messageActivity } from '../support/activities.js';
import { startMockConnector, type MockConnector } from '../support/mock-connector.js';
import { postActivity, startTestApp, type TestApp } from '../support/start-test-app.js';

const L2_CHANNEL = '19:l2-support@thread.tacv2';
const USER_CONVERSATION = 'a:user-conversation-1';
const alice = { id: 'l2-alice', name: 'Alice', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001' };
const bob = { id: 'l2-bob', name: 'Bob', aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002' };

type Activity = { type: string; text?: string; attachments?: Array<{ content: unknown }> };
const json = (value: unknown): string => JSON.stringify(value);

describe('escalation to L2, end to end over HTTP against a mock Bot Connector', () => {
  let bot: TestApp;
  let connector: MockConnector;

  beforeEach(async () => {
    connector = await startMockConnector();
    bot = await startTestApp({ L2_CHANNEL_ID: L2_CHANNEL, L2_LANGUAGE: 'en', ESCALATION_RETRY_SECONDS: '0' });
  });
  afterEach(async () => {
    await bot.stop();
    await connector.close();
  });

  /** The user writes in their personal chat; replies come back in the response. */
  async function user(fields: Record<string, unknown>): Promise<Activity[]> {
    const result = await postActivity(
      bot.baseUrl,
      messageActivity({ serviceUrl: connector.url, conversationId: USER_CONVERSATION, expectReplies: true, locale: 'en-US', extra: fields }),
    );
    expect(result.status).toBe(200);
    return (result.json as { activities: Activity[] }).activities;
  }

  /** An L2 engineer clicks a button on the ticket card in the L2 channel's thread. */
  async function l2(value: Record<string, unknown>, from = alice, channelId = L2_CHANNEL): Promise<Activity[]> {
    const result = await postActivity(
      bot.baseUrl,
      messageActivity({
        serviceUrl: connector.url,
        conversationId: `${channelId};messageid=1001`,
        expectReplies: true,
        extra: { text: undefined, value, from, channelData: { channel: { id: channelId } } },
      }),
    );
    expect(result.status).toBe(200);
    return (result.json as { activities: Activity[] }).activities;
  }

  /** Escalates from a conversation with a question and a paste; returns the ticket id. */
  async function escalate(): Promise<{ ticketId: string; submit: Record<string, unknown> }> {
    await user({ text: 'cloud protection does not work behind our proxy' });
    await user({ text: 'ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80072F8F httpcode=451)' });
    const [form] = await user({ text: 'escalate' });
    expect(json(form)).toContain('Escalate to L2');
    const submitData = (form?.attachments?.[0]?.content as { actions: Array<{ data: Record<string, unknown> }> }).actions[0]?.data ?? {};
    const submit = { ...submitData, deviceName: 'PC-CONTOSO-042', tried: 'Restarted, checked the proxy PAC', impact: 'high', mdeOnboarded: 'yes', intuneManaged: 'no' };
    const [confirmation] = await user({ text: undefined, value: submit });
    const ticketId = /MDAV-\d{8}-\d{4}/u.exec(json(confirmation))?.[0] ?? '';
    expect(ticketId).not.toBe('');
    return { ticketId, submit };
  }

  it('runs the whole flow: ticket, L2 card, assign, ask, user reply, resolve, reopen', async () => {
    const { ticketId, submit } = await escalate();

    // The L2 card went to the configured channel, with the summary.
    expect(connector.created).toHaveLength(1);
    const post = connector.created[0]!;
    expect(post['channelData']).toEqual({ channel: { id: L2_CHANNEL } });
    const card = json(post['activity']);
    for (const expected of [ticketId, 'PC-CONTOSO-042', 'Restarted, checked the proxy PAC', 'The TLS connection to the cloud failed (0x80072F8F)', 'cloud protection does not work behind our proxy', 'Assign to me']) {
      expect(card).toContain(expected);
    }

    // A double submit creates nothing new.
    const [again] = await user({ text: undefined, value: submit });
    expect(json(again)).toContain(`This escalation was already sent as ticket ${ticketId}`);
    expect(connector.created).toHaveLength(1);

    // Assign: card updated in place, note in the thread, user told who took it.
    expect(await l2({ verb: 'l2-assign', ticketId })).toEqual([]);
    expect(connector.updated.at(-1)).toMatchObject({ conversationId: expect.stringContaining('l2-thread-1'), replyToId: '1001' });
    expect(json(connector.updated.at(-1)?.body)).toContain('Assigned');
    expect(connector.received.some((activity) => activity.body['text'] === 'Alice took the ticket.')).toBe(true);
    const toUser = () => connector.received.filter((activity) => activity.conversationId === USER_CONVERSATION).map((activity) => json(activity.body));
    expect(toUser().some((text) => text.includes(`Alice from L2 has taken ticket ${ticketId}`))).toBe(true);

    // Ask the user: the next message goes to the ticket.
    await l2({ verb: 'l2-request-info', ticketId, question: 'Which proxy address do you use?' });
    expect(toUser().some((text) => text.includes('Which proxy address do you use?'))).toBe(true);
    const [added] = await user({ text: 'proxy.contoso.example:8080' });
    expect(added?.text).toBe(`Added to ticket ${ticketId}. L2 has been told.`);
    expect(connector.received.some((activity) => activity.body['text'] === 'The user replied: proxy.contoso.example:8080')).toBe(true);
    // The one after that is a normal question again.
    const [normal] = await user({ text: 'what is tamper protection' });
    expect(normal?.attachments?.length).toBe(1);

    // Resolve: the user is told, with a reopen button.
    await l2({ verb: 'l2-resolve', ticketId, note: 'Configured the WinHTTP proxy' });
    const resolved = connector.received.filter((activity) => activity.conversationId === USER_CONVERSATION).at(-1);
    expect(json(resolved?.body)).toContain(`Ticket ${ticketId} is resolved: Configured the WinHTTP proxy`);
    expect(json(resolved?.body)).toContain('ticket-reopen');

    // The user reopens from their chat; L2 hears about it in the thread.
    const [reopened] = await user({ text: undefined, value: { verb: 'ticket-reopen', ticketId, language: 'en' } });
    expect(reopened?.text).toBe(`Ticket ${ticketId} is open again; L2 has been told.`);
    expect(connector.received.some((activity) => activity.body['text'] === 'Test User reopened the ticket.')).toBe(true);
    const stored = await bot.app.tickets.get(ticketId);
    expect(stored?.events.map((event) => event.kind)).toEqual(['created', 'assigned', 'info-requested', 'user-replied', 'resolved', 'reopened']);
    expect(stored?.status).toBe('assigned');
  });

  it('refuses ticket actions from outside L2 and changes nothing', async () => {
    const { ticketId } = await escalate();
    const fromUserChat = await user({ text: undefined, value: { verb: 'l2-assign', ticketId } });
    expect(fromUserChat[0]?.text).toBe('Only L2 can act on tickets; nothing was changed.');
    const fromOtherChannel = await l2({ verb: 'l2-resolve', ticketId, note: 'x' }, bob, '19:other@thread.tacv2');
    expect(fromOtherChannel[0]?.text).toBe('Only L2 can act on tickets; nothing was changed.');
    expect((await bot.app.tickets.get(ticketId))?.status).toBe('open');
    expect(connector.updated).toHaveLength(0);
  });

  it('lets exactly one of two simultaneous assigns win', async () => {
    const { ticketId } = await escalate();
    const [first, second] = await Promise.all([l2({ verb: 'l2-assign', ticketId }, alice), l2({ verb: 'l2-assign', ticketId }, bob)]);
    const refusals = [...(first ?? []), ...(second ?? [])].filter((activity) => String(activity.text).includes('already-assigned'));
    expect(refusals).toHaveLength(1);
    const stored = await bot.app.tickets.get(ticketId);
    expect(stored?.events.filter((event) => event.kind === 'assigned')).toHaveLength(1);
  });
});

describe('escalation faults', () => {
  let bot: TestApp | undefined;
  let connector: MockConnector | undefined;

  afterEach(async () => {
    await bot?.stop();
    await connector?.close();
  });

  async function escalateWith(c: MockConnector, b: TestApp): Promise<string> {
    const send = async (fields: Record<string, unknown>) =>
      (await postActivity(b.baseUrl, messageActivity({ serviceUrl: c.url, conversationId: 'a:user-2', expectReplies: true, extra: fields }))).json as { activities: Activity[] };
    const form = (await send({ text: 'escalate' })).activities[0];
    const data = (form?.attachments?.[0]?.content as { actions: Array<{ data: Record<string, unknown> }> }).actions[0]?.data ?? {};
    const confirmation = await send({ text: undefined, value: { ...data, deviceName: 'PC-1', tried: 'nothing yet', impact: 'low', mdeOnboarded: 'unknown', intuneManaged: 'unknown' } });
    return json(confirmation);
  }

  it('retries the L2 post when Teams answers 429, then delivers', async () => {
    let creates = 0;
    connector = await startMockConnector({ statusFor: () => (creates++ === 0 ? 429 : undefined) });
    bot = await startTestApp({ L2_CHANNEL_ID: L2_CHANNEL, ESCALATION_RETRY_SECONDS: '0' });
    const confirmation = await escalateWith(connector, bot);
    expect(confirmation).toContain('L2 has it in their channel');
    expect(connector.created).toHaveLength(1);
  });

  it('keeps the ticket when Teams is down, tells the user the truth, and delivers once it is back', async () => {
    connector = await startMockConnector();
    bot = await startTestApp({ L2_CHANNEL_ID: L2_CHANNEL, ESCALATION_RETRY_SECONDS: '0' });
    connector.setDown(true);
    const confirmation = await escalateWith(connector, bot);
    expect(confirmation).toContain('could not be reached just now');
    const [ticketId] = await bot.app.tickets.list();
    expect((await bot.app.tickets.get(ticketId ?? ''))?.delivery).toBe('pending');
    connector.setDown(false);
    // The post begun in the submit turn may still be retrying; a background retry joins it instead of posting twice.
    await bot.app.retryDeliveries();
    await expect.poll(async () => (await bot?.app.tickets.get(ticketId ?? ''))?.delivery, { timeout: 30_000 }).toBe('delivered');
    expect(connector.created).toHaveLength(1);
  }, 60_000);
});
