import { mkdtempSync, readdirSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { messageActivity } from '../support/activities.js';
import { submitActivity, toldTicketId } from '../support/escalation.js';
import { postActivity, startTestApp, type TestApp } from '../support/start-test-app.js';

const DAY_MS = 86_400_000;

describe('retention sweep (RETENTION_DAYS)', () => {
  let bot: TestApp | undefined;
  afterEach(async () => {
    await bot?.stop();
  });

  it('deletes conversation state idle longer than the retention and old drafts, and keeps every ticket', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'retention-'));
    bot = await startTestApp({ STORAGE: 'file', DATA_DIR: dataDir, RETENTION_DAYS: '30' });
    const conversations = 40;
    for (let index = 0; index < conversations; index += 1) {
      const result = await postActivity(
        bot.baseUrl,
        messageActivity({
          serviceUrl: 'http://127.0.0.1:9',
          conversationId: `a:old-${index}`,
          text: 'what is tamper protection',
          expectReplies: true,
        }),
      );
      expect(result.status).toBe(200);
    }
    const ticketId =
      toldTicketId(
        (
          await postActivity(
            bot.baseUrl,
            submitActivity('http://127.0.0.1:9', 'a:old-escalation', 'draft-retention-1', 'PC-OLD'),
          )
        ).json,
      ) ?? '';
    expect(ticketId).toMatch(/^MDAV-/u);
    // Everything so far was last written 31 days ago.
    const old = new Date(Date.now() - 31 * DAY_MS);
    for (const name of readdirSync(dataDir)) utimesSync(join(dataDir, name), old, old);
    await postActivity(
      bot.baseUrl,
      messageActivity({
        serviceUrl: 'http://127.0.0.1:9',
        conversationId: 'a:recent',
        text: 'what is tamper protection',
        expectReplies: true,
      }),
    );
    const filesBefore = readdirSync(dataDir).length;

    const deleted = await bot.app.sweepRetention();
    expect(deleted).toEqual({ conversations: conversations + 1, drafts: 1 });
    expect(readdirSync(dataDir).length).toBe(filesBefore - conversations - 2);
    // The ticket, its index and the recent conversation stay.
    expect(await bot.app.tickets.list()).toEqual([ticketId]);
    expect((await bot.app.tickets.get(ticketId))?.form.deviceName).toBe('PC-OLD');
    const recent = await postActivity(
      bot.baseUrl,
      messageActivity({
        serviceUrl: 'http://127.0.0.1:9',
        conversationId: 'a:recent',
        text: 'escalate',
        expectReplies: true,
      }),
    );
    expect(recent.status).toBe(200);
    expect(await bot.app.sweepRetention()).toEqual({ conversations: 0, drafts: 0 });
  }, 60_000);
});
