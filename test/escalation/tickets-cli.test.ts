import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterEach, describe, expect, it } from 'vitest';

import { messageActivity } from '../support/activities.js';
import { spawnBot, type BotProcess } from '../support/spawn-bot.js';
import { textsIn } from '../support/card-content.js';
import { postActivity, ROOT } from '../support/start-test-app.js';

const run = promisify(execFile);

describe('tickets without an L2 channel, in file storage, across a restart', () => {
  let bot: BotProcess | undefined;

  afterEach(async () => {
    if (bot && bot.child.exitCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited();
    }
  });

  it('stores the ticket and the facts, and `npm run tickets` lists and shows them after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bot-data-'));
    const env = { STORAGE: 'file', DATA_DIR: dataDir };
    bot = spawnBot(env);
    let baseUrl = `http://127.0.0.1:${await bot.ready()}`;
    const say = async (fields: Record<string, unknown>) =>
      (
        (
          await postActivity(
            baseUrl,
            messageActivity({
              serviceUrl: 'http://127.0.0.1:9',
              conversationId: 'a:user-file',
              expectReplies: true,
              extra: fields,
            }),
          )
        ).json as {
          activities: Array<{
            text?: string;
            attachments?: Array<{ content: { actions?: Array<{ data: Record<string, unknown> }> } }>;
          }>;
        }
      ).activities;

    await say({ text: 'ValidateMapsConnection failed to establish a connection to MAPS (hr=0x80508015 httpcode=451)' });
    const [form] = await say({ text: 'escalate' });
    const data = form?.attachments?.[0]?.content.actions?.[0]?.data ?? {};
    const [confirmation] = await say({
      text: undefined,
      value: {
        ...data,
        deviceName: 'PC-FILE-01',
        tried: 'restart',
        impact: 'medium',
        mdeOnboarded: 'no',
        intuneManaged: 'no',
      },
    });
    const ticketId = /MDAV-\d{8}-\d{4}/u.exec(JSON.stringify(confirmation))?.[0] ?? '';
    expect(textsIn(confirmation).slice(0, 2)).toEqual([
      `Ticket ${ticketId}`,
      `Ticket ${ticketId} was created with the summary below. L2 will pick it up from the ticket list. I will tell you here when something changes.`,
    ]);

    bot.child.kill('SIGTERM');
    expect(await bot.exited()).toBe(0);
    bot = spawnBot(env);
    baseUrl = `http://127.0.0.1:${await bot.ready()}`;

    // The conversation's facts survived: the new paste's card shows the old reading too.
    const [card] = await say({ text: '(Get-MpPreference).MAPSReporting\n0' });
    expect(textsIn(card)).toContain('**ValidateMapsConnection:** failed (0x80508015, httpcode 451)');

    const cli = (args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'src/cli/tickets.ts', ...args], {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', ...env },
      });
    const list = await cli(['list']);
    expect(list.stdout).toContain(ticketId);
    expect(list.stdout).toContain('PC-FILE-01');
    const show = await cli(['show', ticketId]);
    expect(show.stdout).toContain('maps-cloud-disabled-or-blocked');
    expect(show.stdout).toContain('created');
    await expect(cli(['show', 'MDAV-20000101-0001'])).rejects.toMatchObject({ code: 1 });
  }, 60_000);
});
