import { copyFileSync, mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { messageActivity } from './support/activities.js';
import { startMockConnector, type MockConnector } from './support/mock-connector.js';
import { spawnBot, type BotProcess } from './support/spawn-bot.js';
import { postActivity, ROOT } from './support/start-test-app.js';

describe('process entry (src/index.ts)', () => {
  let bot: BotProcess | undefined;
  let connector: MockConnector | undefined;

  afterEach(async () => {
    if (bot && bot.child.exitCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited();
    }
    await connector?.close();
    bot = undefined;
    connector = undefined;
  });

  it('fails start-up with a message naming the variable when PORT is not a number', async () => {
    bot = spawnBot({ PORT: 'abc', LOG_LEVEL: 'banana' });
    expect(await bot.exited()).toBe(1);
    expect(bot.stderr()).toContain("PORT: 'abc' is not a port number");
    expect(bot.stderr()).toContain("LOG_LEVEL: 'banana' is not one of");
  });

  it('stops a half-configured authentication with the config error, never a botbuilder AssertionError', async () => {
    bot = spawnBot({
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppTenantId: '99999999-8888-7777-6666-555555555555',
    });
    expect(await bot.exited()).toBe(1);
    expect(bot.stderr()).toContain('config: invalid configuration');
    expect(bot.stderr()).toContain('MicrosoftAppPassword: required when MicrosoftAppType is SingleTenant');
    expect(bot.stderr()).not.toContain('AssertionError');
  });

  it('says in one line that the port is taken, naming PORT, and exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      bot = spawnBot({ PORT: String(port) });
      expect(await bot.exited()).toBe(1);
      expect(bot.stderr()).toBe(
        `http: port ${port} on 127.0.0.1 is already in use; stop the program using it, or set PORT to a free port (PORT=0 picks one)\n`,
      );
      expect(bot.logs.filter((line) => line['level'] === 60)).toEqual([]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('fails start-up listing every knowledge problem with file and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-start-'));
    for (const name of ['unknown-shell', 'bad-error-code']) {
      copyFileSync(join(ROOT, 'test/fixtures/knowledge/invalid', `${name}.yaml`), join(dir, `${name}.yaml`));
    }
    bot = spawnBot({ KNOWLEDGE_DIR: dir });
    expect(await bot.exited()).toBe(1);
    expect(bot.stderr()).toContain("unknown-shell.yaml: commands[0].shell: 'bash' is not one of cmd, powershell");
    expect(bot.stderr()).toContain(
      "bad-error-code.yaml: errorCodes[0]: '0x8007005' is not 0x + 8 upper-case hex digits",
    );
    expect(bot.stderr()).toContain("missing: catalogue entry 'slow-first-launch' does not exist");
  });

  it('warns loudly at start-up that authentication is off when MicrosoftAppId is empty', async () => {
    bot = spawnBot({});
    await bot.ready();
    expect(bot.logs.filter((line) => String(line['msg']).includes('authentication is OFF'))).toEqual([
      expect.objectContaining({
        level: 40,
        msg: '!!! MicrosoftAppId is empty: inbound authentication is OFF. Anyone who can reach this port can talk to the bot. Local development only. !!!',
      }),
    ]);
  });

  it('lets an in-flight turn finish on SIGTERM, refuses new work, and exits 0', async () => {
    connector = await startMockConnector({ delayMs: 1500 });
    bot = spawnBot({ SHUTDOWN_TIMEOUT_MS: '10000' });
    const port = await bot.ready();
    const baseUrl = `http://127.0.0.1:${port}`;

    const slowTurn = postActivity(
      baseUrl,
      messageActivity({ serviceUrl: connector.url, text: 'slow one', id: 'slow-1' }),
    );
    await connector.waitForArrived(1);
    bot.child.kill('SIGTERM');
    // New work is refused once the bot has taken the signal in (on a loaded machine that is not instant).
    const signalled = Date.now();
    while (
      !bot.logs.some((line) => line['msg'] === 'shutting down: no new activities accepted') &&
      Date.now() - signalled < 5000
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }

    const refused = await postActivity(baseUrl, messageActivity({ serviceUrl: connector.url, text: 'late' })).then(
      (result) => result.status,
      () => 'connection refused',
    );
    expect([503, 'connection refused']).toContain(refused);

    const result = await slowTurn;
    expect(result.status).toBe(200);
    const replies = await connector.waitFor(1);
    expect(replies.map((reply) => reply.replyToId)).toEqual(['slow-1']);
    expect(await bot.exited()).toBe(0);
    expect(bot.logs.find((line) => line['msg'] === 'shutdown complete')).toMatchObject({ clean: true });
  });

  it('bounds the wait for in-flight turns by SHUTDOWN_TIMEOUT_MS', async () => {
    connector = await startMockConnector({ delayMs: 8000 });
    bot = spawnBot({ SHUTDOWN_TIMEOUT_MS: '300' });
    const port = await bot.ready();
    void postActivity(`http://127.0.0.1:${port}`, messageActivity({ serviceUrl: connector.url })).catch(
      () => undefined,
    );
    await connector.waitForArrived(1);
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    expect(await bot.exited()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(4000);
    expect(bot.logs.find((line) => line['msg'] === 'shutdown complete')).toMatchObject({ clean: false });
  });
});
