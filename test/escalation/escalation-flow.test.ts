import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { messageActivity } from '../support/activities.js';
import { startMockConnector, type MockConnector } from '../support/mock-connector.js';
import { postActivity, startTestApp, type TestApp } from '../support/start-test-app.js';

const L2_CHANNEL = '19:l2-support@thread.tacv2';
const USER_CONVERSATION = 'a:user-conversation-1';
const alice = { id: 'l2-alice', name: 'Alice', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001' };
const bob = { id: 'l2-bob', name: 'Bob', aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002' };
/** An L2 engineer allowed by AAD object id (L2_ALLOWED_AAD_IDS), from anywhere. */
const carol = { id: 'l2-carol', name: 'Carol', aadObjectId: 'cccccccc-0000-0000-0000-000000000003' };

type Activity = { type: string; text?: string; attachments?: Array<{ content: unknown }> };
const json = (value: unknown): string => JSON.stringify(value);

/** The text of every TextBlock of the cards in an activity body, in card order. */
function blocks(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(blocks);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as { type?: unknown; text?: unknown };
  const own = record.type === 'TextBlock' && typeof record.text === 'string' ? [record.text] : [];
  return [...own, ...Object.values(node).flatMap(blocks)];
}

/** The position of the first block containing `part` (-1 when none). */
const at = (shown: readonly string[], part: string): number => shown.findIndex((block) => block.includes(part));

describe('escalation to L2, end to end over HTTP against a mock Bot Connector', () => {
  let bot: TestApp;
  let connector: MockConnector;

  beforeEach(async () => {
    connector = await startMockConnector();
    bot = await startTestApp({
      L2_CHANNEL_ID: L2_CHANNEL,
      L2_LANGUAGE: 'en',
      ESCALATION_RETRY_SECONDS: '0',
      L2_ALLOWED_AAD_IDS: carol.aadObjectId,
    });
  });
  afterEach(async () => {
    await bot.stop();
    await connector.close();
  });

  /** The user writes in their personal chat; replies come back in the response. */
  async function user(fields: Record<string, unknown>): Promise<Activity[]> {
    const result = await postActivity(
      bot.baseUrl,
      messageActivity({
        serviceUrl: connector.url,
        conversationId: USER_CONVERSATION,
        expectReplies: true,
        locale: 'en-US',
        extra: fields,
      }),
    );
    expect(result.status).toBe(200);
    return (result.json as { activities: Activity[] }).activities;
  }

  /**
   * An L2 engineer clicks a button on the ticket card in the L2 channel's thread (as Teams sends it: a channel
   * conversation whose id is the post's thread in that channel, and channelData naming the channel). `where` forges
   * parts.
   */
  async function l2(
    value: Record<string, unknown>,
    from: Record<string, unknown> = alice,
    where: { channelData?: unknown; conversation?: Record<string, unknown> } = {},
  ): Promise<Activity[]> {
    const result = await postActivity(
      bot.baseUrl,
      messageActivity({
        serviceUrl: connector.url,
        expectReplies: true,
        extra: {
          text: undefined,
          value,
          from,
          conversation: where.conversation ?? {
            id: `${L2_CHANNEL};messageid=1001`,
            conversationType: 'channel',
            isGroup: true,
          },
          channelData: where.channelData ?? { channel: { id: L2_CHANNEL }, team: { id: '19:team@thread.tacv2' } },
        },
      }),
    );
    expect(result.status).toBe(200);
    return (result.json as { activities: Activity[] }).activities;
  }

  /** Escalates from a conversation with a question and a paste; returns the ticket id. */
  async function escalate(): Promise<{ ticketId: string; submit: Record<string, unknown> }> {
    await user({ text: 'cloud protection does not work behind our proxy' });
    await user({
      text: 'ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80072F8F httpcode=451)',
    });
    const [form] = await user({ text: 'escalate' });
    expect(json(form)).toContain('Escalate to L2');
    const submitData =
      (form?.attachments?.[0]?.content as { actions: Array<{ data: Record<string, unknown> }> }).actions[0]?.data ?? {};
    const submit = {
      ...submitData,
      deviceName: 'PC-CONTOSO-042',
      tried: 'Restarted, checked the proxy PAC',
      impact: 'high',
      mdeOnboarded: 'yes',
      intuneManaged: 'no',
    };
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
    for (const expected of [
      ticketId,
      'PC-CONTOSO-042',
      'Restarted, checked the proxy PAC',
      'The TLS connection to the cloud failed (0x80072F8F)',
      'cloud protection does not work behind our proxy',
      'Assign to me',
    ]) {
      expect(card).toContain(expected);
    }

    // A double submit creates nothing new.
    const [again] = await user({ text: undefined, value: submit });
    expect(json(again)).toContain(`This escalation was already sent as ticket ${ticketId}`);
    expect(connector.created).toHaveLength(1);

    // Assign: card updated in place, note in the thread, user told who took it.
    expect(await l2({ verb: 'l2-assign', ticketId })).toEqual([]);
    expect(connector.updated.at(-1)).toMatchObject({
      conversationId: expect.stringContaining('l2-thread-1'),
      replyToId: '1001',
    });
    expect(json(connector.updated.at(-1)?.body)).toContain('Assigned');
    expect(connector.received.some((activity) => activity.body['text'] === 'Alice took the ticket.')).toBe(true);
    const toUser = () =>
      connector.received
        .filter((activity) => activity.conversationId === USER_CONVERSATION)
        .map((activity) => json(activity.body));
    expect(toUser().some((text) => text.includes(`Alice from L2 has taken ticket ${ticketId}`))).toBe(true);

    // Ask the user: the next message goes to the ticket. The question stands apart from the sentences around it.
    await l2({ verb: 'l2-request-info', ticketId, question: 'Which proxy address do you use' });
    const asked = blocks(
      connector.received.filter((activity) => activity.conversationId === USER_CONVERSATION).at(-1)?.body,
    );
    expect(asked).toEqual(
      expect.arrayContaining([
        `L2 has a question about ticket ${ticketId}:`,
        'Which proxy address do you use',
        'Your next message or paste will be added to the ticket.',
      ]),
    );
    // The L2 card shows the open question and since when the user has been asked.
    const l2Card = () =>
      blocks(connector.updated.filter((activity) => activity.conversationId.includes('l2-thread-1')).at(-1)?.body);
    const waiting = l2Card();
    expect(waiting[at(waiting, 'Alice asked the user:') + 1]).toBe('Which proxy address do you use');
    expect(waiting[at(waiting, 'Alice asked the user:') + 2]).toMatch(
      /^⏳ Waiting for the user since \d{4}-\d\d-\d\d \d\d:\d\d UTC \(0 min\)$/u,
    );
    const [added] = await user({ text: 'proxy.contoso.example:8080' });
    expect(added?.text).toBe(`Added to ticket ${ticketId}. L2 has been told.`);
    expect(
      connector.received.some((activity) => activity.body['text'] === 'The user replied: proxy.contoso.example:8080'),
    ).toBe(true);
    // The card keeps the question and shows the answer under it; nothing is waiting any more.
    const answered = l2Card();
    expect(answered[at(answered, 'Alice asked the user:') + 1]).toBe('Which proxy address do you use');
    expect(answered[at(answered, 'Alice asked the user:') + 2]).toMatch(/ · the user answered:$/u);
    expect(answered[at(answered, 'Alice asked the user:') + 3]).toBe('proxy.contoso.example:8080');
    expect(at(answered, 'Waiting for the user')).toBe(-1);
    // The one after that is a normal question again.
    const [normal] = await user({ text: 'what is tamper protection' });
    expect(normal?.attachments?.length).toBe(1);

    // Resolve: the user is told, with a reopen button.
    await l2({ verb: 'l2-resolve', ticketId, note: 'Configured the WinHTTP proxy' });
    const resolved = connector.received.filter((activity) => activity.conversationId === USER_CONVERSATION).at(-1);
    expect(blocks(resolved?.body)).toEqual(
      expect.arrayContaining([`Ticket ${ticketId} is resolved. What L2 did:`, 'Configured the WinHTTP proxy']),
    );
    expect(json(resolved?.body)).toContain('ticket-reopen');
    // A reply in a turn (its id is not kept, so it could not be updated later) carries no reopen button.
    const [duplicate] = await user({ text: undefined, value: submit });
    expect(json(duplicate)).toContain(`This escalation was already sent as ticket ${ticketId}`);
    expect(json(duplicate)).not.toContain('ticket-reopen');
    const updatesBefore = connector.updated.length;

    // The user reopens from their chat; L2 hears about it in the thread.
    const [reopened] = await user({ text: undefined, value: { verb: 'ticket-reopen', ticketId, language: 'en' } });
    expect(reopened?.text).toBe(`Ticket ${ticketId} is open again; L2 has been told.`);
    expect(connector.received.some((activity) => activity.body['text'] === 'Test User reopened the ticket.')).toBe(
      true,
    );
    // The resolved card in the user's chat is updated in place: the state now, and no reopen button any more.
    const userCardUpdate = connector.updated
      .slice(updatesBefore)
      .find((activity) => activity.conversationId === USER_CONVERSATION);
    expect(userCardUpdate?.replyToId).toBe(resolved?.responseId);
    expect(json(userCardUpdate?.body)).not.toContain('ticket-reopen');
    expect(
      blocks(userCardUpdate?.body).some((block) =>
        /^Updated .* UTC: the ticket is now "Assigned"; newer messages are below\.$/u.test(block),
      ),
    ).toBe(true);
    // The L2 card: history newest first, the old resolution no longer shown as the current state.
    const story = l2Card();
    const order = [
      'Test User reopened the ticket',
      'Alice resolved the ticket:',
      'Alice asked the user:',
      'Alice took the ticket',
      'Test User escalated the ticket',
    ].map((part) => at(story, part));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(story).toContain('**Status:** Assigned');
    expect(story[at(story, 'Alice resolved the ticket:') + 1]).toBe('Configured the WinHTTP proxy');
    const stored = await bot.app.tickets.get(ticketId);
    expect(stored?.events.map((event) => event.kind)).toEqual([
      'created',
      'assigned',
      'info-requested',
      'user-replied',
      'resolved',
      'reopened',
    ]);
    expect(stored?.status).toBe('assigned');
  });

  it('refuses ticket actions from outside L2 and changes nothing', async () => {
    const { ticketId } = await escalate();
    const fromUserChat = await user({ text: undefined, value: { verb: 'l2-assign', ticketId } });
    expect(fromUserChat[0]?.text).toBe('Only L2 can act on tickets; nothing was changed.');
    const other = '19:other@thread.tacv2';
    const fromOtherChannel = await l2({ verb: 'l2-resolve', ticketId, note: 'x' }, bob, {
      conversation: { id: `${other};messageid=7`, conversationType: 'channel', isGroup: true },
      channelData: { channel: { id: other } },
    });
    expect(fromOtherChannel[0]?.text).toBe('Only L2 can act on tickets; nothing was changed.');
    expect((await bot.app.tickets.get(ticketId))?.status).toBe('open');
    expect(connector.updated).toHaveLength(0);
  });

  it('refuses every forged channel combination and changes nothing; an allowed AAD id acts from anywhere', async () => {
    const { ticketId } = await escalate();
    const refused = 'Only L2 can act on tickets; nothing was changed.';
    const l2ChannelData = { channel: { id: L2_CHANNEL }, team: { id: '19:team@thread.tacv2' } };
    const forged: Array<[string, { channelData?: unknown; conversation?: Record<string, unknown> }]> = [
      [
        'a personal chat carrying the L2 channel in channelData',
        { conversation: { id: 'a:personal-chat-9', conversationType: 'personal' }, channelData: l2ChannelData },
      ],
      [
        'a personal chat whose id is the L2 thread',
        {
          conversation: { id: `${L2_CHANNEL};messageid=1001`, conversationType: 'personal' },
          channelData: l2ChannelData,
        },
      ],
      [
        'a channel conversation of another channel with the L2 channel in channelData',
        {
          conversation: { id: '19:other@thread.tacv2;messageid=5', conversationType: 'channel', isGroup: true },
          channelData: l2ChannelData,
        },
      ],
      [
        'the L2 thread with another channel in channelData',
        {
          conversation: { id: `${L2_CHANNEL};messageid=1001`, conversationType: 'channel', isGroup: true },
          channelData: { channel: { id: '19:other@thread.tacv2' } },
        },
      ],
      [
        'a group chat with the L2 channel id and channelData',
        { conversation: { id: L2_CHANNEL, conversationType: 'groupChat', isGroup: true }, channelData: l2ChannelData },
      ],
      [
        'the L2 thread without conversationType',
        { conversation: { id: `${L2_CHANNEL};messageid=1001`, isGroup: true }, channelData: l2ChannelData },
      ],
      [
        'a channel whose id only starts like the L2 channel id',
        {
          conversation: { id: `${L2_CHANNEL}x;messageid=1`, conversationType: 'channel', isGroup: true },
          channelData: l2ChannelData,
        },
      ],
      [
        'the L2 thread without channelData',
        {
          conversation: { id: `${L2_CHANNEL};messageid=1001`, conversationType: 'channel', isGroup: true },
          channelData: {},
        },
      ],
    ];
    for (const [name, where] of forged) {
      const replies = await l2({ verb: 'l2-assign', ticketId }, bob, where);
      expect(
        replies.map((activity) => activity.text),
        name,
      ).toEqual([refused]);
    }
    const stored = await bot.app.tickets.get(ticketId);
    expect(stored?.status).toBe('open');
    expect(stored?.events.map((event) => event.kind)).toEqual(['created']);
    expect(connector.updated).toHaveLength(0);

    // The real channel post, and the channel's root conversation, are L2; so is an allowed AAD id in a personal chat.
    expect(
      await l2({ verb: 'l2-assign', ticketId }, bob, {
        conversation: { id: L2_CHANNEL, conversationType: 'channel', isGroup: true },
      }),
    ).toEqual([]);
    expect(
      await l2({ verb: 'l2-request-info', ticketId, question: 'Which build?' }, carol, {
        conversation: { id: 'a:carol-personal', conversationType: 'personal' },
        channelData: {},
      }),
    ).toEqual([]);
    expect((await bot.app.tickets.get(ticketId))?.events.map((event) => event.kind)).toEqual([
      'created',
      'assigned',
      'info-requested',
    ]);
  });

  it('tells the user in their language when L2 reopens, and takes the reopen button off their resolved card', async () => {
    const japanese = 'a:user-ja';
    const say = async (fields: Record<string, unknown>): Promise<Activity[]> =>
      (
        (
          await postActivity(
            bot.baseUrl,
            messageActivity({
              serviceUrl: connector.url,
              conversationId: japanese,
              expectReplies: true,
              locale: 'ja-JP',
              extra: fields,
            }),
          )
        ).json as { activities: Activity[] }
      ).activities;
    const [form] = await say({ text: 'エスカレーション' });
    const submitData =
      (form?.attachments?.[0]?.content as { actions: Array<{ data: Record<string, unknown> }> }).actions[0]?.data ?? {};
    const [confirmation] = await say({
      text: undefined,
      value: {
        ...submitData,
        deviceName: 'PC-TOKYO-7',
        tried: '再起動しました',
        impact: 'medium',
        mdeOnboarded: 'yes',
        intuneManaged: 'yes',
      },
    });
    const ticketId = /MDAV-\d{8}-\d{4}/u.exec(json(confirmation))?.[0] ?? '';
    expect(ticketId).not.toBe('');

    await l2({ verb: 'l2-resolve', ticketId, note: 'プロキシを設定しました' });
    const toUser = () => connector.received.filter((activity) => activity.conversationId === japanese);
    const resolved = toUser().at(-1);
    expect(blocks(resolved?.body)).toEqual(
      expect.arrayContaining([`チケット ${ticketId} は解決しました。L2 の対応内容:`, 'プロキシを設定しました']),
    );
    expect(json(resolved?.body)).toContain('ticket-reopen');

    await l2({ verb: 'l2-reopen', ticketId }, bob);
    // A new card tells the user, in Japanese, who reopened it; it has no reopen button.
    const reopened = toUser().at(-1);
    expect(reopened).not.toBe(resolved);
    expect(blocks(reopened?.body)).toContain(
      `L2 の Bob さんがチケット ${ticketId} を再オープンしました。L2 が引き続き対応します。`,
    );
    expect(blocks(reopened?.body)).toContain('**状態:** 未対応');
    expect(json(reopened?.body)).not.toContain('ticket-reopen');
    // The resolved card is updated in place: no button that no longer applies.
    const update = connector.updated.find((activity) => activity.conversationId === japanese);
    expect(update?.replyToId).toBe(resolved?.responseId);
    expect(json(update?.body)).not.toContain('ticket-reopen');
    expect(blocks(update?.body).some((block) => block.includes('チケットは現在「未対応」です'))).toBe(true);
    // The ticket remembers the newest card for the next change.
    expect((await bot.app.tickets.get(ticketId))?.userCard?.activityId).toBe(reopened?.responseId);
    // The L2 card no longer shows the resolution as the current state.
    const card = blocks(
      connector.updated.filter((activity) => activity.conversationId.includes('l2-thread')).at(-1)?.body,
    );
    expect(card).toContain('**Status:** Open');
    expect(at(card, 'Bob reopened the ticket')).toBeLessThan(at(card, 'Alice resolved the ticket:'));
  });

  it('lets exactly one of two simultaneous assigns win', async () => {
    const { ticketId } = await escalate();
    const [first, second] = await Promise.all([
      l2({ verb: 'l2-assign', ticketId }, alice),
      l2({ verb: 'l2-assign', ticketId }, bob),
    ]);
    const refusals = [...(first ?? []), ...(second ?? [])].filter((activity) =>
      String(activity.text).includes('already-assigned'),
    );
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
      (
        await postActivity(
          b.baseUrl,
          messageActivity({ serviceUrl: c.url, conversationId: 'a:user-2', expectReplies: true, extra: fields }),
        )
      ).json as { activities: Activity[] };
    const form = (await send({ text: 'escalate' })).activities[0];
    const data =
      (form?.attachments?.[0]?.content as { actions: Array<{ data: Record<string, unknown> }> }).actions[0]?.data ?? {};
    const confirmation = await send({
      text: undefined,
      value: {
        ...data,
        deviceName: 'PC-1',
        tried: 'nothing yet',
        impact: 'low',
        mdeOnboarded: 'unknown',
        intuneManaged: 'unknown',
      },
    });
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
    await expect
      .poll(async () => (await bot?.app.tickets.get(ticketId ?? ''))?.delivery, { timeout: 30_000 })
      .toBe('delivered');
    expect(connector.created).toHaveLength(1);
  }, 60_000);
});
