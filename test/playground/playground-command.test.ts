import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { readConfig } from '../../src/config/read-config.js';
import { startPlayground } from '../support/agents-playground.js';
import { ROOT } from '../support/start-test-app.js';

/** The emulator configuration `npm run playground` ships. */
const emulator = parse(readFileSync(join(ROOT, '.m365agentsplayground.yml'), 'utf8')) as {
  currentUser: { aadObjectId: string };
  users: Array<{ aadObjectId: string }>;
  team: { id: string; channels: Array<{ id: string }> };
};

/** Resolves with the connection error code, or 'connected'. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

const externalAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
  .map((address) => address!.address);

describe('the emulator configuration', () => {
  it('has Teams-shaped channel ids and GUID AAD ids that the bot accepts as L2 settings', () => {
    const aadIds = [emulator.currentUser, ...emulator.users].map((user) => user.aadObjectId);
    for (const channel of [emulator.team.id, ...emulator.team.channels.map((item) => item.id)]) {
      expect(channel).toMatch(/^19:[0-9a-z]+@thread\.tacv2$/u);
      expect(() => readConfig({ L2_CHANNEL_ID: channel, L2_ALLOWED_AAD_IDS: aadIds.join(',') })).not.toThrow();
    }
    expect(new Set(aadIds).size).toBe(6);
  });
});

describe('npm run playground', () => {
  it('starts the bot and the Agents Playground on loopback, prints the URL, and stops both on Ctrl-C', async () => {
    const playground = await startPlayground();
    const ui = new URL(playground.url);
    const bot = new URL(playground.botEndpoint);
    try {
      const page = await fetch(playground.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      // Authentication is off: the bot must answer an activity without a token.
      expect((await fetch(`${bot.origin}/readyz`)).status).toBe(200);
      expect((await fetch(playground.botEndpoint, { method: 'HEAD' })).status).toBe(200);
      // The bot runs with the emulator team's General channel (its id is the team id) as the L2 channel.
      await expect
        .poll(() => playground.output())
        .toContain(`L2 channel: General of the emulator team (${emulator.team.id})`);
      // Nothing but loopback reaches either process.
      for (const address of externalAddresses) {
        expect(await tryConnect(address, Number(ui.port))).toBe('ECONNREFUSED');
        expect(await tryConnect(address, Number(bot.port))).toBe('ECONNREFUSED');
      }
    } finally {
      expect(await playground.stop()).toBe(true);
    }
    expect(await tryConnect('127.0.0.1', Number(ui.port))).toBe('ECONNREFUSED');
    expect(await tryConnect('127.0.0.1', Number(bot.port))).toBe('ECONNREFUSED');
  }, 90_000);
});
