import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isAllowedDownload } from '../../src/bot/read-file-attachment.js';
import { readConfig } from '../../src/config/read-config.js';
import { messageActivity } from '../support/activities.js';
import { postActivity, ROOT, startTestApp, type TestApp } from '../support/start-test-app.js';

const FILE_INFO = 'application/vnd.microsoft.teams.file.download.info';
const fixture = (name: string): string => readFileSync(`${ROOT}test/fixtures/pasted/${name}`, 'utf8');

interface Reply {
  type: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: Record<string, unknown> }>;
}

/** A stand-in for the OneDrive download host: serves files by path, counts requests, can stall or lie about size. */
function startDownloadHost(): Promise<{ server: Server; origin: string; requests: string[] }> {
  const requests: string[] = [];
  const files: Record<string, { body: Buffer | string; headers?: Record<string, string>; stall?: boolean }> = {
    '/status.txt': { body: fixture('get-mpcomputerstatus-doc-normal.txt').replace(/\n/gu, '\r\n') },
    '/status-utf16.log': {
      body: Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(fixture('sc-query-repo-state-all-sense-stopped-1077.txt'), 'utf16le'),
      ]),
    },
    '/notes.txt': { body: 'Meeting notes: buy milk, call the printer vendor.' },
    '/big.log': { body: 'A'.repeat(300 * 1024) },
    // Declares nothing and streams more than the limit: the reader must stop at the limit.
    '/big-chunked.log': { body: 'B'.repeat(300 * 1024), headers: { 'transfer-encoding': 'chunked' } },
    '/slow.txt': { body: '', stall: true },
    '/binary.txt': { body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]) },
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    if (file.stall) return; // never answers: the bot's timeout must end the wait
    res.writeHead(200, { 'content-type': 'application/octet-stream', ...file.headers });
    res.end(file.body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests }),
    ),
  );
}

describe('text file attachments in personal chat, over real HTTP', () => {
  let bot: TestApp;
  let host: Awaited<ReturnType<typeof startDownloadHost>>;

  beforeAll(async () => {
    host = await startDownloadHost();
    bot = await startTestApp({
      FILE_DOWNLOAD_HOSTS: `example.sharepoint.com,${new URL(host.origin).host}`,
      FILE_MAX_BYTES: String(256 * 1024),
      FILE_DOWNLOAD_TIMEOUT_MS: '800',
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await new Promise((resolve) => host.server.close(resolve));
  });

  async function send(name: string, url: string, extra: Record<string, unknown> = {}, text = ''): Promise<Reply[]> {
    const fileType = name.split('.').pop();
    const result = await postActivity(
      bot.baseUrl,
      messageActivity({
        serviceUrl: 'http://127.0.0.1:9',
        expectReplies: true,
        text,
        extra: {
          attachments: [{ contentType: FILE_INFO, name, content: { downloadUrl: url, uniqueId: 'id-1', fileType } }],
          ...extra,
        },
      }),
    );
    expect(result.status).toBe(200);
    return (result.json as { activities: Reply[] }).activities;
  }

  const cardJson = (replies: Reply[]): string =>
    JSON.stringify(replies.map((reply) => reply.attachments?.[0]?.content ?? null));

  it('diagnoses Get-MpComputerStatus output in a .txt file like a paste', async () => {
    const replies = await send('status.txt', `${host.origin}/status.txt?tempauth=secret`);
    // A long file is slow work like a long paste: the typing indicator comes first, then one card.
    expect(replies.map((reply) => reply.type)).toEqual(['typing', 'message']);
    const card = cardJson(replies);
    expect(card).toContain('IsTamperProtected');
    expect(card).toContain('E5 transition');
  });

  it('reads a UTF-16 .log file (PowerShell 5 redirection) and a Japanese message with it', async () => {
    const replies = await send('status-utf16.log', `${host.origin}/status-utf16.log`, {}, 'この端末の結果です');
    const card = cardJson(replies);
    expect(card).toContain('sc query sense');
    expect(card).toContain('STOPPED');
  });

  it('says it found no output it knows in a text file without any', async () => {
    const replies = await send('notes.txt', `${host.origin}/notes.txt`);
    expect(replies.map((reply) => reply.text)).toEqual([expect.stringContaining('notes.txt')]);
    expect(replies[0]?.text).toContain('found no output I know');
  });

  it('refuses a file larger than the limit, whether declared or streamed', async () => {
    for (const name of ['big.log', 'big-chunked.log']) {
      const replies = await send(name, `${host.origin}/${name}`);
      expect(replies[0]?.text).toContain('larger than 256 KB');
    }
  });

  it('gives up on a download host that does not answer within the timeout', async () => {
    const started = Date.now();
    const replies = await send('slow.txt', `${host.origin}/slow.txt`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(replies[0]?.text).toContain('could not download slow.txt');
  });

  it('does not read binary content named .txt', async () => {
    const replies = await send('binary.txt', `${host.origin}/binary.txt`);
    expect(replies[0]?.text).toContain('could not download binary.txt');
  });

  it('never downloads from a host outside the allowed list', async () => {
    const before = host.requests.length;
    const other = new URL(host.origin);
    // Same server, but addressed as "localhost": not in the list, so no request may reach it.
    const replies = await send('status.txt', `http://localhost:${other.port}/status.txt`);
    expect(host.requests.length).toBe(before);
    expect(replies[0]?.text).toContain('could not download status.txt');
  });

  it('answers other file types with the request for text', async () => {
    const replies = await send('report.pdf', `${host.origin}/status.txt`);
    expect(replies[0]?.text).toBe(
      'I cannot read images or files. Please paste the text of the error or the command output instead.',
    );
  });

  it('does not download files outside personal chat', async () => {
    const before = host.requests.length;
    const replies = await send('status.txt', `${host.origin}/status.txt`, {
      conversation: { id: 'group-1', conversationType: 'groupChat' },
    });
    expect(host.requests.length).toBe(before);
    expect(replies[0]?.text).toContain('I cannot read images or files');
  });

  it('keeps the file text out of the logs and the download URL secret', () => {
    const raw = bot.rawLogs();
    expect(raw).not.toContain('E5 transition');
    expect(raw).not.toContain('tempauth');
    expect(raw).not.toContain('Meeting notes');
  });
});

describe('which download links are allowed', () => {
  const DEFAULT = readConfig({}).fileDownloadHosts;

  it('defaults to the SharePoint Online hosts where OneDrive for Business keeps files sent to a bot', () => {
    expect(DEFAULT).toEqual(['*.sharepoint.com']);
    expect(
      isAllowedDownload(
        'https://contoso-my.sharepoint.com/personal/user_contoso_com/_layouts/15/download.aspx?UniqueId=1&tempauth=x',
        DEFAULT,
      ),
    ).toBe(true);
    expect(isAllowedDownload('https://contoso.sharepoint.com/sites/it/Shared%20Documents/a.txt', DEFAULT)).toBe(true);
  });

  it('refuses look-alike hosts, plain http, credentials in the link and other schemes', () => {
    for (const url of [
      'https://sharepoint.com.evil.example/a.txt',
      'https://evilsharepoint.com/a.txt',
      'https://sharepoint.com/a.txt',
      'http://contoso-my.sharepoint.com/a.txt',
      'https://user:pass@contoso-my.sharepoint.com/a.txt',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(isAllowedDownload(url, DEFAULT), url).toBe(false);
    }
  });

  it('allows plain http only for a loopback host that is on the list', () => {
    expect(isAllowedDownload('http://127.0.0.1:8080/a.txt', ['127.0.0.1:8080'])).toBe(true);
    expect(isAllowedDownload('http://127.0.0.1:8081/a.txt', ['127.0.0.1:8080'])).toBe(false);
    expect(isAllowedDownload('http://files.example/a.txt', ['files.example'])).toBe(false);
  });

  it('rejects a host list entry that is not a host name', () => {
    expect(() => readConfig({ FILE_DOWNLOAD_HOSTS: 'https://x.sharepoint.com/' })).toThrow(/FILE_DOWNLOAD_HOSTS/u);
  });
});
