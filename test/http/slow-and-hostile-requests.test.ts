import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { nestsDeeperThan } from '../../src/http/read-json-body.js';
import { messageActivity } from '../support/activities.js';
import { fillingStore, type FillingStore } from '../support/filling-store.js';
import { postActivity, startTestApp, type TestApp } from '../support/start-test-app.js';

/**
 * Opens a raw connection, sends `head`, then calls `pump` until the server answers or closes; returns what came back
 * and how much was sent.
 */
function rawRequest(
  port: number,
  head: string,
  pump: (write: (data: string) => boolean) => void,
  timeoutMs: number,
): Promise<{ response: string; sent: number; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let sent = 0;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearInterval(interval);
      socket.destroy();
      resolve({ response, sent, ms: performance.now() - started });
    };
    const write = (data: string): boolean => {
      if (done || socket.destroyed) return false;
      sent += Buffer.byteLength(data);
      return socket.write(data);
    };
    socket.on('data', (chunk: Buffer) => {
      response += chunk.toString('utf8');
    });
    socket.on('close', finish);
    socket.on('error', finish);
    socket.write(head);
    const interval = setInterval(() => pump(write), 5);
    setTimeout(finish, timeoutMs);
  });
}

describe('slow, oversized and hostile requests', () => {
  let bot: TestApp | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('answers 413 to an endless chunked body as soon as it passes the limit, without reading the rest', async () => {
    bot = await startTestApp();
    const port = Number(new URL(bot.baseUrl).port);
    const chunk = 'x'.repeat(64 * 1024);
    const result = await rawRequest(
      port,
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      (write) => {
        // Keep the socket buffer full: a server that drains the body would let this run until the timeout.
        while (write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`));
      },
      8000,
    );
    expect(result.response).toMatch(/^HTTP\/1\.1 413/u);
    expect(result.response).toContain('payload_too_large');
    // 256 KiB is the limit; the kernel buffers some more, but nothing like the whole stream.
    expect(result.sent).toBeLessThan(32 * 1024 * 1024);
    expect(result.ms).toBeLessThan(5000);
  }, 20_000);

  it('answers 408 to a body that trickles in too slowly, and closes the connection', async () => {
    bot = await startTestApp();
    const port = Number(new URL(bot.baseUrl).port);
    const result = await rawRequest(
      port,
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{',
      (write) => void write(' '),
      30_000,
    );
    expect(result.response).toMatch(/^HTTP\/1\.1 408/u);
    expect(result.response).toContain('request_timeout');
    expect(result.ms).toBeLessThan(20_000);
  }, 40_000);

  it('answers 400 to JSON nested absurdly deep, and counts brackets inside strings as text', async () => {
    bot = await startTestApp();
    const deep = `{"type":"message","conversation":{"id":"c"},"serviceUrl":"http://127.0.0.1:9","value":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const result = await postActivity(bot.baseUrl, deep);
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({ error: { code: 'too_deeply_nested' } });
    expect(nestsDeeperThan(JSON.stringify({ text: '[[[[[[[[[[' }), 3)).toBe(false);
    expect(nestsDeeperThan('[[["\\"[["]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    const normal = await postActivity(
      bot.baseUrl,
      messageActivity({ serviceUrl: 'http://127.0.0.1:9', text: '[[[ brackets in text ]]]', expectReplies: true }),
    );
    expect(normal.status).toBe(200);
  });

  it('probes storage at most once per 10 s for /readyz, and shows no folder when it fails', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'readyz-'));
    let disk: FillingStore | undefined;
    bot = await startTestApp(
      { STORAGE: 'file', DATA_DIR: dataDir },
      {
        wrapStorage: (store) => {
          disk = fillingStore(store);
          return disk.store;
        },
      },
    );
    if (!disk) throw new Error('storage was not wrapped');
    const before = disk.writes;
    for (let index = 0; index < 20; index += 1) expect((await fetch(`${bot.baseUrl}/readyz`)).status).toBe(200);
    expect(disk.writes - before).toBe(1);
    const report = (await (await fetch(`${bot.baseUrl}/readyz`)).json()) as { checks: { storage: unknown } };
    expect(report.checks.storage).toEqual({ ok: true, detail: 'file' });
    expect(JSON.stringify(report)).not.toContain(dataDir);
  });
});
