import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { textsIn } from '../support/card-content.js';
import { cardProblems, submitActions } from '../support/card-problems.js';
import { startOpenIdProvider, type OpenIdProvider } from '../support/openid-provider.js';
import { sampleTicket } from '../support/tickets.js';
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

const query = (
  commandId: string,
  text: string | undefined,
  extra: Record<string, unknown> = {},
  options: Record<string, unknown> = {},
) =>
  invoke(
    'composeExtension/query',
    {
      commandId,
      parameters: text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }],
      queryOptions: { skip: 0, count: 25, ...options },
    },
    extra,
  );

interface Attachment {
  contentType: string;
  content: Record<string, unknown>;
  preview?: {
    contentType: string;
    content: { title: string; text: string; tap?: { type: string; value: Record<string, unknown> } };
  };
}
interface ExtensionResult {
  composeExtension:
    { type: 'result'; attachmentLayout: string; attachments: Attachment[] } | { type: 'message'; text: string };
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
    expect(
      knowledge.byId.get('slow-first-launch')!.en.short.startsWith(list[0]!.preview!.content.text.replace(/…$/u, '')),
    ).toBe(true);
    expect(list[0]?.preview?.content.tap).toEqual({
      type: 'invoke',
      value: { kind: 'entry', entryId: 'slow-first-launch', language: 'en', adminOpen: false },
    });
    // Each result also carries its full card (clients without selectItem insert it as is).
    for (const item of list) {
      expect(item.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardProblems(item.content)).toEqual([]);
      expect(textsIn(item.content)[0]).toBe(item.preview!.content.title);
    }
  });

  it('lists the other case a query names right after the answered one', async () => {
    const list = results(
      await send(
        bot,
        query(
          'search-knowledge',
          "Disabling tamper protection through Intune isn't working for our Windows 10 and 11 devices.",
        ),
      ),
    );
    expect(list.slice(0, 2).map((item) => item.preview?.content.tap?.value.entryId)).toEqual([
      'tp-enable-intune',
      'tp-intune-without-mde',
    ]);
  });

  it('answers in the language of the query, and an error code straight to its entry with the admin part open', async () => {
    const japanese = results(await send(bot, query('search-knowledge', '改ざん防止がオンにならない')));
    expect(japanese.length).toBeGreaterThan(0);
    expect(japanese.every((item) => item.preview?.content.tap?.value['language'] === 'ja')).toBe(true);
    expect(japanese.map((item) => item.preview?.content.title)).toContain(
      title(String(japanese[0]?.preview?.content.tap?.value['entryId']), 'ja'),
    );
    const code = results(await send(bot, query('search-knowledge', '0x80508015')));
    expect(code[0]?.preview?.content.tap?.value).toMatchObject({ kind: 'entry', adminOpen: true });
  });

  it('inserts the answer card, valid at 1.5, without buttons that would not reach the bot', async () => {
    for (const [language, tap] of [
      ['en', { kind: 'entry', entryId: 'slow-first-launch', language: 'en', adminOpen: false }],
      ['ja', { kind: 'entry', entryId: 'tamper-protection-overview', language: 'ja', adminOpen: true }],
    ] as const) {
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
    expect(message(await send(bot, query('search-knowledge', 'tamper '.repeat(80))))).toContain(
      'at most 500 characters',
    );
    expect(message(await send(bot, query('no-such-command', 'tamper')))).toContain('not available');
    expect(message(await send(bot, invoke('composeExtension/query', 'not an object')))).toContain('not available');
    expect(
      message(
        await send(
          bot,
          invoke('composeExtension/query', {
            commandId: 'search-knowledge',
            parameters: [{ name: 'query', value: 42 }],
          }),
        ),
      ),
    ).toContain('Type a question');
    expect(
      message(
        await send(
          bot,
          invoke('composeExtension/selectItem', { kind: 'entry', entryId: '../../etc/passwd', language: 'en' }),
        ),
      ),
    ).toContain('no longer available');
    expect(message(await send(bot, invoke('composeExtension/selectItem', ['x'])))).toContain('no longer available');
    expect(bot.logs.filter((line) => line['level'] === 50)).toEqual([]);
  });

  it('logs command ids, counts and lengths, never the query text', async () => {
    await send(bot, query('search-knowledge', 'secret-host-4711 tamper protection'));
    expect(
      bot.logs.some(
        (line) =>
          line['msg'] === 'extension invoke' && line['commandId'] === 'search-knowledge' && line['queryLength'] === 34,
      ),
    ).toBe(true);
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
    invoke(
      'composeExtension/fetchTask',
      {
        commandId: 'diagnose-message',
        commandContext: 'message',
        context: { theme: 'default' },
        messagePayload: { id: '1700000000000', body: { contentType, content } },
      },
      extra,
    );
  const submit = (data: Record<string, unknown>, messagePayload?: Record<string, unknown>) =>
    invoke('composeExtension/submitAction', {
      commandId: 'diagnose-message',
      commandContext: 'message',
      data,
      ...(messagePayload ? { messagePayload } : {}),
    });
  const dialogCard = (body: Record<string, unknown>): Record<string, unknown> => {
    const task = body['task'] as {
      type: string;
      value: { title: string; card: { contentType: string; content: Record<string, unknown> } };
    };
    expect(task.type, JSON.stringify(body).slice(0, 300)).toBe('continue');
    expect(task.value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(task.value.card.content)).toEqual([]);
    return task.value.card.content;
  };

  it('shows the answer to a question first, and inserts it when the caller chooses to', async () => {
    const card = dialogCard(await send(bot, fetchTask('<p>why is this app so slow the first time?</p>')));
    expect(textsIn(card)[0]).toBe(title('slow-first-launch', 'en'));
    const buttons = submitActions(card);
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.title).toBe('Insert into chat');
    expect(buttons[0]?.data).toEqual({
      verb: 'extension-insert',
      kind: 'entry',
      entryId: 'slow-first-launch',
      language: 'en',
    });
    const inserted = insertedCard(await send(bot, submit(buttons[0]!.data!)));
    expect(textsIn(inserted)[0]).toBe(title('slow-first-launch', 'en'));
    expect(submitActions(inserted)).toEqual([]);
  });

  it('diagnoses pasted output and inserts the diagnosis read again from the message', async () => {
    const paste = readFileSync(
      join(ROOT, 'test/fixtures/pasted/validatemaps-doc-error-80072ee7-httpcode-451.txt'),
      'utf8',
    );
    const payload = { id: '1700000000001', body: { contentType: 'text', content: paste } };
    const card = dialogCard(await send(bot, fetchTask(paste, 'text')));
    expect(textsIn(card)[0]).toBe('What I read in your paste');
    const buttons = submitActions(card);
    expect(buttons.map((button) => button.data)).toEqual([
      { verb: 'extension-insert', kind: 'diagnosis', language: 'en' },
    ]);
    const inserted = insertedCard(await send(bot, submit(buttons[0]!.data!, payload)));
    // The whole inserted card: the finding and the value read again from the message, no next-step rows.
    expect(textsIn(inserted)).toEqual([
      'What I read in your paste',
      '1 problem found. Details and next steps below.',
      '❌ The device could not reach the cloud protection service',
      'Check internet access, then that the firewall does not block the addresses in "Services and URLs". ' +
        'With a proxy, configure the WinHTTP proxy. ' +
        '0x80072EE7: the server name could not be resolved (generic WinHTTP meaning).',
      'Values read from the message',
      '**ValidateMapsConnection:** failed (0x80072EE7, httpcode 451)',
    ]);
    expect(submitActions(inserted)).toEqual([]);
    // Without the message, nothing is made up: the caller is asked to run the action again.
    const gone = await send(bot, submit(buttons[0]!.data!));
    expect((gone['task'] as { type: string; value: string }).value).toContain('run "Diagnose with the Defender bot"');
    expect(bot.rawLogs()).not.toContain('httpcode=451');
  });

  it('inserts a diagnosis of healthy output without the next-step button (it would talk to the bot)', async () => {
    const paste =
      'MAPSReporting                                 : 2\nSubmitSamplesConsent                          : 1';
    const card = dialogCard(await send(bot, fetchTask(paste, 'text')));
    expect(textsIn(card)[1]).toBe(
      'No problems found in what you pasted so far. Checked and fine: cloud protection setting, sample submission.',
    );
    expect(submitActions(card).map((button) => button.data)).toEqual([
      { verb: 'extension-insert', kind: 'diagnosis', language: 'en' },
    ]);
  });

  it('offers choices for an unclear message and shows the answer picked, in Japanese for a Japanese message', async () => {
    const card = dialogCard(await send(bot, fetchTask('改ざん防止', 'text', { locale: 'ja-JP' })));
    const picks = submitActions(card).filter((button) => button.data?.['verb'] === 'choose-topic');
    expect(picks.length).toBeGreaterThanOrEqual(2);
    const answer = dialogCard(await send(bot, submit(picks[0]!.data!)));
    expect(textsIn(answer)[0]).toBe(title(String(picks[0]!.data!['entryId']), 'ja'));
    expect(submitActions(answer).map((button) => button.data?.['verb'])).toEqual(['extension-insert']);
  });

  it('says so for a message without text, nonsense, an unknown command and forged data', async () => {
    const noText = (
      await send(
        bot,
        invoke('composeExtension/fetchTask', {
          commandId: 'diagnose-message',
          messagePayload: { body: { contentType: 'html', content: '' } },
        }),
      )
    )['task'] as { type: string; value: string };
    expect(noText).toEqual({ type: 'message', value: expect.stringContaining('no text the bot can read') });
    const none = dialogCard(await send(bot, fetchTask('qwzx plorf vrumble')));
    expect(textsIn(none)[0]).toBe('I could not find an answer to that');
    expect(submitActions(none)).toEqual([]);
    expect(
      ((await send(bot, invoke('composeExtension/fetchTask', { commandId: 'other' })))['task'] as { type: string })
        .type,
    ).toBe('message');
    expect(
      message(await send(bot, invoke('composeExtension/submitAction', { commandId: 'other', data: {} }))),
    ).toContain('not available');
    for (const data of [
      { verb: 'extension-insert', kind: 'entry', entryId: 'nope' },
      { verb: 'l2-assign', ticketId: 'MDAV-20261129-0001' },
      'garbage',
    ]) {
      expect(((await send(bot, submit(data as Record<string, unknown>)))['task'] as { type: string }).type).toBe(
        'message',
      );
    }
  });
});

describe('ticket search from the compose box (L2 only)', () => {
  const L2_AAD = '00000000-0000-0000-0000-0000000000a2';
  const L2_CHANNEL = '19:l2-channel@thread.tacv2';
  const l2Person = { id: '29:l2-1', name: 'L2 Engineer', aadObjectId: L2_AAD };
  const asL2 = { from: l2Person };
  const inL2Channel = {
    from: { id: '29:l2-2', name: 'Other Engineer', aadObjectId: '00000000-0000-0000-0000-0000000000b3' },
    conversation: { id: L2_CHANNEL, conversationType: 'channel', isGroup: true },
    channelData: { channel: { id: L2_CHANNEL }, team: { id: '19:team@thread.tacv2' } },
  };
  let bot: TestApp;
  const ids: string[] = [];

  beforeAll(async () => {
    bot = await startTestApp({ L2_ALLOWED_AAD_IDS: L2_AAD, L2_CHANNEL_ID: L2_CHANNEL, L2_LANGUAGE: 'en' });
    // Four tickets, oldest first: open, assigned to the L2 engineer, resolved, and assigned to someone else.
    const specs = [
      { device: 'PC-TOKYO-001', status: 'open' },
      { device: 'PC-OSAKA-002', status: 'assigned', assignee: l2Person },
      { device: 'PC-TOKYO-003', status: 'resolved', assignee: l2Person },
      {
        device: 'SRV-NAGOYA-004',
        status: 'assigned',
        assignee: { id: '29:l2-9', name: 'Someone Else', aadObjectId: '00000000-0000-0000-0000-0000000000c4' },
      },
    ] as const;
    for (const [position, spec] of specs.entries()) {
      const at = new Date(Date.UTC(2026, 10, 29, 9, position));
      const { ticket } = await bot.app.tickets.createOnce(
        `draft-${position}`,
        (id) =>
          sampleTicket({
            id,
            createdAt: at.toISOString(),
            updatedAt: at.toISOString(),
            status: spec.status,
            ...('assignee' in spec ? { assignee: spec.assignee } : {}),
            form: {
              deviceName: spec.device,
              tried: 'restarted the PC',
              impact: 'high',
              mdeOnboarded: 'yes',
              intuneManaged: 'no',
            },
          }),
        at,
      );
      ids.push(ticket.id);
    }
  });
  afterAll(async () => {
    await bot.stop();
  });

  const listed = async (
    commandId: string,
    text: string | undefined,
    extra: Record<string, unknown> = asL2,
    options: Record<string, unknown> = {},
  ): Promise<string[]> =>
    results(await send(bot, query(commandId, text, extra, options))).map((item) =>
      String(item.preview?.content.tap?.value['ticketId']),
    );

  it('lists open, mine and all tickets newest first for L2', async () => {
    expect(await listed('tickets-open', undefined)).toEqual([ids[3], ids[1], ids[0]]);
    expect(await listed('tickets-mine', undefined)).toEqual([ids[1]]);
    expect(await listed('tickets-all', undefined)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(await listed('tickets-all', undefined, asL2, { skip: 1, count: 2 })).toEqual([ids[2], ids[1]]);
  });

  it('filters by text and finds a ticket by its id', async () => {
    expect(await listed('tickets-all', 'tokyo')).toEqual([ids[2], ids[0]]);
    expect(await listed('tickets-open', 'tokyo restarted')).toEqual([ids[0]]);
    expect(await listed('tickets-all', 'kyoto')).toEqual([]);
    // An exact id is a lookup, whatever the tab.
    expect(await listed('tickets-open', ` ${ids[2]!.toLowerCase()} `)).toEqual([ids[2]]);
    expect(await listed('tickets-all', 'MDAV-20991231-0001')).toEqual([]);
  });

  it('shows the preview line and inserts the read-only L2 card, valid at 1.5', async () => {
    const [first] = results(await send(bot, query('tickets-open', 'osaka', asL2)));
    expect(first?.preview?.content.title).toBe(`${ids[1]} · Assigned`);
    expect(first?.preview?.content.text).toContain('PC-OSAKA-002');
    const card = insertedCard(
      await send(bot, invoke('composeExtension/selectItem', first!.preview!.content.tap!.value, asL2)),
    );
    expect(textsIn(card)[0]).toBe(`🎫 Ticket ${ids[1]}`);
    expect(textsIn(card)).toContain('**Device:** PC-OSAKA-002');
    expect(submitActions(card)).toEqual([]);
  });

  it('allows the L2 channel by the same rule as ticket actions', async () => {
    expect(await listed('tickets-all', 'nagoya', inL2Channel)).toEqual([ids[3]]);
  });

  it('refuses everyone else politely, in the result list and on a forged selectItem', async () => {
    for (const commandId of ['tickets-open', 'tickets-mine', 'tickets-all']) {
      expect(message(await send(bot, query(commandId, undefined, {})))).toContain('ticket search is for L2 only');
    }
    const japanese = message(await send(bot, query('tickets-all', ids[0], { locale: 'ja-JP' })));
    expect(japanese).toContain('L2 専用');
    expect(
      message(
        await send(bot, invoke('composeExtension/selectItem', { kind: 'ticket', ticketId: ids[0], language: 'en' })),
      ),
    ).toContain('ticket search is for L2 only');
  });

  it('answers forged and unknown ticket ids with a message, never an error', async () => {
    for (const ticketId of ['MDAV-20991231-0001', '../tickets/x', '', 42]) {
      expect(
        message(
          await send(bot, invoke('composeExtension/selectItem', { kind: 'ticket', ticketId, language: 'en' }, asL2)),
        ),
      ).toContain('not found');
    }
    expect(bot.logs.filter((line) => line['level'] === 50)).toEqual([]);
  });
});

describe('message extension with authentication on', () => {
  const APP_ID = '8f7e6d5c-4b3a-4291-8807-6a5b4c3d2e1f';
  let provider: OpenIdProvider;
  let bot: TestApp;

  beforeAll(async () => {
    provider = await startOpenIdProvider();
    bot = await startTestApp({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-for-inbound',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '99999999-8888-7777-6666-555555555555',
      BOT_OPENID_METADATA_URL: provider.metadataUrl,
      BOT_TOKEN_ISSUER: provider.issuer,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await provider.close();
  });

  it('answers a signed query and refuses an unsigned one', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = provider.token({
      aud: APP_ID,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
      serviceurl: SERVICE_URL,
    });
    const activity = query('search-knowledge', 'block at first sight');
    const signed = await postActivity(bot.baseUrl, activity, { authorization: `Bearer ${token}` });
    expect(signed.status).toBe(200);
    expect(results(signed.json as Record<string, unknown>).length).toBeGreaterThan(0);
    const selected = await postActivity(
      bot.baseUrl,
      invoke('composeExtension/selectItem', { kind: 'entry', entryId: 'block-at-first-sight', language: 'en' }),
      { authorization: `Bearer ${token}` },
    );
    expect(selected.status).toBe(200);
    insertedCard(selected.json as Record<string, unknown>);
    expect((await postActivity(bot.baseUrl, query('search-knowledge', 'block at first sight'))).status).toBe(401);
  });
});
