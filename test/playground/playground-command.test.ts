import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

import { describe, expect, it } from 'vitest';

import { startPlayground } from '../support/agents-playground.js';

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
