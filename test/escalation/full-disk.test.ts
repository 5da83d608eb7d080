import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { submitActivity, toldTicketId } from '../support/escalation.js';
import { fillingStore, type FillingStore } from '../support/filling-store.js';
import { startMockConnector, type MockConnector } from '../support/mock-connector.js';
import { postActivity, startTestApp, type TestApp } from '../support/start-test-app.js';

const L2_CHANNEL = '19:l2-support@thread.tacv2';

describe('escalation submit on a disk that fills up', () => {
  let bot: TestApp | undefined;
  let connector: MockConnector | undefined;
  afterEach(async () => {
    await bot?.stop();
    await connector?.close();
  });

  it('loses no ticket the user was told about and creates no duplicate, whichever write hits the full disk', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'full-disk-'));
    connector = await startMockConnector();
    let disk: FillingStore | undefined;
    const env = {
      STORAGE: 'file',
      DATA_DIR: dataDir,
      L2_CHANNEL_ID: L2_CHANNEL,
      L2_LANGUAGE: 'en',
      ESCALATION_RETRY_SECONDS: '0',
    };
    bot = await startTestApp(env, {
      wrapStorage: (store) => {
        disk = fillingStore(store);
        return disk.store;
      },
    });
    if (!disk) throw new Error('storage was not wrapped');
    const submit = async (draft: number): Promise<{ status: number; told: string | undefined }> => {
      const result = await postActivity(
        bot?.baseUrl ?? '',
        submitActivity(connector?.url ?? '', `a:full-disk-${draft}`, `draft-full-disk-${draft}`, `PC-FULL-${draft}`),
      );
      return { status: result.status, told: toldTicketId(result.json) };
    };

    // A submit with room on the disk: how many writes one takes (counter, claim, ticket, index, state, delivery).
    const before = disk.writes;
    const first = await submit(0);
    expect(first.told).toMatch(/^MDAV-/u);
    const writesPerSubmit = disk.writes - before;
    expect(writesPerSubmit).toBeGreaterThanOrEqual(5);

    // The disk is full from the k-th write of the submit on, for every k; then it is freed and the user submits again.
    const told = new Map<number, string>([[0, first.told ?? '']]);
    let apologies = 0;
    for (let draft = 1; draft <= writesPerSubmit + 1; draft += 1) {
      disk.fillAfter(draft - 1);
      const full = await submit(draft);
      disk.free();
      expect(full.status).toBe(200);
      if (full.told === undefined) apologies += 1;
      const again = await submit(draft);
      expect(again.told, `draft ${draft}`).toMatch(/^MDAV-/u);
      // Told twice about one draft: always the same ticket.
      if (full.told !== undefined) expect(again.told, `draft ${draft}`).toBe(full.told);
      told.set(draft, again.told ?? '');
    }
    expect(disk.failed).toBeGreaterThanOrEqual(writesPerSubmit);
    expect(apologies).toBeGreaterThan(0);

    // Every ticket told about is stored and listed, once per draft.
    const ids = await bot.app.tickets.list();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(told.size);
    for (const [draft, id] of told) {
      expect(ids, `draft ${draft}`).toContain(id);
      expect((await bot.app.tickets.get(id))?.form.deviceName).toBe(`PC-FULL-${draft}`);
    }

    // After a restart on the same folder, every ticket reaches the L2 channel.
    await bot.stop();
    bot = await startTestApp(env);
    await bot.app.retryDeliveries();
    const posted = JSON.stringify(connector.created);
    for (const id of told.values()) expect(posted, id).toContain(id);
    for (const id of told.values()) expect((await bot.app.tickets.get(id))?.delivery, id).toBe('delivered');
  }, 60_000);
});
