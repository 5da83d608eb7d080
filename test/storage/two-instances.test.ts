import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { messageActivity } from '../support/activities.js';
import { startAzurite, type Azurite } from '../support/azurite.js';
import { startMockConnector, type MockConnector } from '../support/mock-connector.js';
import { spawnBot, type BotProcess } from '../support/spawn-bot.js';
import { textsIn } from '../support/card-content.js';
import { postActivity, ROOT } from '../support/start-test-app.js';

const run = promisify(execFile);
const L2_CHANNEL = '19:l2-support@thread.tacv2';
type Activity = {
  text?: string;
  attachments?: Array<{ content: { actions?: Array<{ data: Record<string, unknown> }> } }>;
};

describe('two bot processes on one Azure Blob Storage (Azurite)', () => {
  let azurite: Azurite;
  let connector: MockConnector;
  let a: BotProcess;
  let b: BotProcess;
  let urlA = '';
  let urlB = '';
  let env: Record<string, string> = {};

  beforeAll(async () => {
    azurite = await startAzurite();
    connector = await startMockConnector();
    env = {
      STORAGE: 'blob',
      BLOB_CONNECTION_STRING: azurite.connectionString,
      BLOB_CONTAINER: 'two-instances',
      L2_CHANNEL_ID: L2_CHANNEL,
      L2_LANGUAGE: 'en',
      ESCALATION_RETRY_SECONDS: '0',
    };
    a = spawnBot(env);
    b = spawnBot(env);
    urlA = `http://127.0.0.1:${await a.ready()}`;
    urlB = `http://127.0.0.1:${await b.ready()}`;
  }, 60_000);

  afterAll(async () => {
    for (const bot of [a, b]) {
      if (bot && bot.child.exitCode === null) {
        bot.child.kill('SIGTERM');
        await bot.exited();
      }
    }
    await connector?.close();
    await azurite?.stop();
  });

  const user = async (url: string, fields: Record<string, unknown>): Promise<Activity[]> =>
    (
      (
        await postActivity(
          url,
          messageActivity({
            serviceUrl: connector.url,
            conversationId: 'a:shared-user',
            expectReplies: true,
            extra: fields,
          }),
        )
      ).json as { activities: Activity[] }
    ).activities;
  const l2 = async (url: string, value: Record<string, unknown>, from: Record<string, string>): Promise<Activity[]> =>
    (
      (
        await postActivity(
          url,
          messageActivity({
            serviceUrl: connector.url,
            conversationId: `${L2_CHANNEL};messageid=1001`,
            expectReplies: true,
            extra: {
              text: undefined,
              value,
              from,
              conversation: { id: `${L2_CHANNEL};messageid=1001`, conversationType: 'channel', isGroup: true },
              channelData: { channel: { id: L2_CHANNEL } },
            },
          }),
        )
      ).json as { activities: Activity[] }
    ).activities;

  it('continues a conversation started on A on B, and B sees tickets changed through A and the other way round', async () => {
    await user(urlA, {
      text: 'ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80508015 httpcode=451)',
    });
    const [form] = await user(urlA, { text: 'escalate' });
    const data = form?.attachments?.[0]?.content.actions?.[0]?.data ?? {};
    const filled = {
      ...data,
      deviceName: 'PC-TWO',
      tried: 'restart',
      impact: 'high',
      mdeOnboarded: 'yes',
      intuneManaged: 'no',
    };
    // The form shown by A is submitted to B: B has the conversation's facts from A's paste.
    const [confirmation] = await user(urlB, {
      text: undefined,
      value: filled,
    });
    const ticketId = /MDAV-\d{8}-\d{4}/u.exec(JSON.stringify(confirmation))?.[0] ?? '';
    expect(ticketId).not.toBe('');
    expect(textsIn(connector.created[0])).toContain(
      '❌ Cloud protection is off, or the connection is blocked (0x80508015)',
    );
    // A double submit through A still finds B's ticket.
    const [again] = await user(urlA, {
      text: undefined,
      value: filled,
    });
    expect(textsIn(again).slice(0, 2)).toEqual([
      `Ticket ${ticketId}`,
      `This escalation was already sent as ticket ${ticketId}.`,
    ]);

    // Assigned through B; A sees it: another engineer's assign through A is refused.
    expect(await l2(urlB, { verb: 'l2-assign', ticketId }, { id: 'alice', name: 'Alice' })).toEqual([]);
    const [refused] = await l2(urlA, { verb: 'l2-assign', ticketId }, { id: 'bob', name: 'Bob' });
    expect(refused?.text).toContain('already-assigned');

    // The same ticket read by the CLI from the shared container shows the assignment.
    const show = await run(process.execPath, ['--import', 'tsx', 'src/cli/tickets.ts', 'show', ticketId], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', ...env },
    });
    expect(show.stdout).toContain('assignee: Alice');
  }, 60_000);
});
