import { afterEach, describe, expect, it } from 'vitest';

import { messageActivity } from '../support/activities.js';
import { isServiceUrlAllowed } from '../../src/http/check-activity.js';
import { spawnBot, type BotProcess } from '../support/spawn-bot.js';
import { postActivity, startTestApp, type TestApp } from '../support/start-test-app.js';

describe('production safety at start-up', () => {
  let bot: BotProcess | undefined;
  afterEach(async () => {
    if (bot && bot.child.exitCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited();
    }
  });

  it('refuses to start in production without an app id', async () => {
    bot = spawnBot({ NODE_ENV: 'production' });
    expect(await bot.exited()).toBe(1);
    expect(bot.stderr()).toContain('MicrosoftAppId: required when NODE_ENV is production');
  });

  it('starts in production without an app id only with ALLOW_UNAUTHENTICATED=true, says so as an error, and listens on loopback', async () => {
    bot = spawnBot({ NODE_ENV: 'production', ALLOW_UNAUTHENTICATED: 'true', HOST: '' });
    await bot.ready();
    expect(bot.logs.filter((line) => String(line['msg']).includes('inbound authentication is OFF'))).toEqual([
      expect.objectContaining({
        level: 50,
        msg: '!!! NODE_ENV=production with ALLOW_UNAUTHENTICATED=true: inbound authentication is OFF in production. Anyone who can reach this port can talk to the bot. !!!',
        host: '127.0.0.1',
      }),
    ]);
    expect(bot.logs.find((line) => line['msg'] === 'bot ready')?.['host']).toBe('127.0.0.1');
  });
});

describe('service URLs replies may go to', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.stop();
  });

  it('refuses, while authentication is off, an activity naming a non-loopback service, before any turn or outbound call', async () => {
    app = await startTestApp();
    const result = await postActivity(
      app.baseUrl,
      messageActivity({ serviceUrl: 'https://attacker.example/collect', text: 'help' }),
    );
    expect(result.status).toBe(403);
    expect(result.json).toEqual({
      error: { code: 'service_url_not_allowed', message: expect.stringContaining('ALLOWED_SERVICE_URLS') },
    });
    expect(app.logs.some((line) => line['msg'] === 'turn handled')).toBe(false);
    for (const url of ['http://localhost:9/', 'http://127.0.0.2:9', 'http://[::1]:9']) {
      const local = await postActivity(
        app.baseUrl,
        messageActivity({ serviceUrl: url, text: 'help', expectReplies: true }),
      );
      expect(local.status, url).toBe(200);
    }
  });

  it('refuses a service URL with a query, a fragment or credentials', async () => {
    app = await startTestApp();
    for (const url of ['http://127.0.0.1:9/?x=1', 'http://127.0.0.1:9/#x', 'http://user:pw@127.0.0.1:9/']) {
      const result = await postActivity(
        app.baseUrl,
        messageActivity({ serviceUrl: url, text: 'help', expectReplies: true }),
      );
      expect(result.status, url).toBe(400);
    }
  });

  it('accepts an origin listed in ALLOWED_SERVICE_URLS, whatever its path, and not a look-alike', async () => {
    app = await startTestApp({ ALLOWED_SERVICE_URLS: 'https://smba.trafficmanager.net' });
    expect(
      (
        await postActivity(
          app.baseUrl,
          messageActivity({ serviceUrl: 'https://smba.trafficmanager.net/amer/', text: 'help', expectReplies: true }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await postActivity(
          app.baseUrl,
          messageActivity({ serviceUrl: 'https://smba.trafficmanager.net.attacker.example/', text: 'help' }),
        )
      ).status,
    ).toBe(403);
  });
});

describe('isServiceUrlAllowed', () => {
  it('allows loopback only while authentication is off, listed origins always, and anything else only with auth on and no list', () => {
    const off = { loopback: true, origins: [] };
    expect(isServiceUrlAllowed('http://127.0.0.1:3978/', off)).toBe(true);
    expect(isServiceUrlAllowed('https://smba.trafficmanager.net/amer/', off)).toBe(false);
    const on = { loopback: false, origins: [] };
    expect(isServiceUrlAllowed('https://smba.trafficmanager.net/amer/', on)).toBe(true);
    const listed = { loopback: false, origins: ['https://smba.trafficmanager.net'] };
    expect(isServiceUrlAllowed('https://smba.trafficmanager.net/emea/', listed)).toBe(true);
    expect(isServiceUrlAllowed('http://smba.trafficmanager.net/emea/', listed)).toBe(false);
    expect(isServiceUrlAllowed('http://127.0.0.1:3978/', listed)).toBe(false);
  });
});
